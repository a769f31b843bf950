using GraphQL.Types;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Resources;

public sealed class ResourceKindEnum : EnumerationGraphType<ResourceKind>
{
    public ResourceKindEnum()
    {
        Name = "ResourceKind";
        Description = "What kind of actor a resource is.";
        this.Describe(ResourceKind.Association, "An association or NGO (biedrība).");
        this.Describe(ResourceKind.School, "A school.");
        this.Describe(ResourceKind.Kindergarten, "A kindergarten or preschool.");
        this.Describe(ResourceKind.DayCentre, "A day centre.");
        this.Describe(ResourceKind.SocialService, "A social service or one of its workers in a role.");
        this.Describe(ResourceKind.Municipality, "A municipality, council or public administration.");
        this.Describe(ResourceKind.CultureHouse, "A culture house or cultural centre.");
        this.Describe(ResourceKind.SportsCentre, "A sports centre or club.");
        this.Describe(ResourceKind.ArtSpace, "An art space or gallery.");
        this.Describe(ResourceKind.Library, "A library.");
        this.Describe(ResourceKind.FaithGroup, "A congregation or faith group.");
        this.Describe(ResourceKind.Business, "A business or social enterprise.");
        this.Describe(ResourceKind.InformalGroup, "An informal group: a chat group, a club, a network.");
        this.Describe(ResourceKind.Volunteer, "A volunteer (a private person; contact details are protected).");
        this.Describe(ResourceKind.CommunityLeader, "A community leader (a private person; contact details are protected).");
        this.Describe(ResourceKind.Other, "Any other kind.");
    }
}

public sealed class ResourceStatusEnum : EnumerationGraphType<ResourceStatus>
{
    public ResourceStatusEnum()
    {
        Name = "ResourceStatus";
        Description = "Whether a resource is working.";
        this.Describe(ResourceStatus.Active, "Working.");
        this.Describe(ResourceStatus.Dormant, "Not working now, but may again.");
        this.Describe(ResourceStatus.Closed, "Closed for good.");
    }
}
