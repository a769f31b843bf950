using GraphQL.Types;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Resources;

public sealed class ResourceKindEnum : EnumerationGraphType<ResourceKind>
{
    public ResourceKindEnum()
    {
        Name = "ResourceKind";
        Description = "What kind of actor a resource is.";
        Describe(ResourceKind.Association, "An association or NGO (biedrība).");
        Describe(ResourceKind.School, "A school.");
        Describe(ResourceKind.Kindergarten, "A kindergarten or preschool.");
        Describe(ResourceKind.DayCentre, "A day centre.");
        Describe(ResourceKind.SocialService, "A social service or one of its workers in a role.");
        Describe(ResourceKind.Municipality, "A municipality, council or public administration.");
        Describe(ResourceKind.CultureHouse, "A culture house or cultural centre.");
        Describe(ResourceKind.SportsCentre, "A sports centre or club.");
        Describe(ResourceKind.ArtSpace, "An art space or gallery.");
        Describe(ResourceKind.Library, "A library.");
        Describe(ResourceKind.FaithGroup, "A congregation or faith group.");
        Describe(ResourceKind.Business, "A business or social enterprise.");
        Describe(ResourceKind.InformalGroup, "An informal group: a chat group, a club, a network.");
        Describe(ResourceKind.Volunteer, "A volunteer (a private person; contact details are protected).");
        Describe(ResourceKind.CommunityLeader, "A community leader (a private person; contact details are protected).");
        Describe(ResourceKind.Other, "Any other kind.");
    }

    private void Describe(ResourceKind kind, string description) =>
        Values.Single(v => Equals(v.Value, kind)).Description = description;
}

public sealed class ResourceStatusEnum : EnumerationGraphType<ResourceStatus>
{
    public ResourceStatusEnum()
    {
        Name = "ResourceStatus";
        Description = "Whether a resource is working.";
        Values.Single(v => Equals(v.Value, ResourceStatus.Active)).Description = "Working.";
        Values.Single(v => Equals(v.Value, ResourceStatus.Dormant)).Description = "Not working now, but may again.";
        Values.Single(v => Equals(v.Value, ResourceStatus.Closed)).Description = "Closed for good.";
    }
}
