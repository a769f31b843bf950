using ResourceMap.Api.Schema;
using GraphQL.Types;

namespace ResourceMap.Api.Resources;

/// <summary>The fields of a resource a client may set; shared by create (name and kind required) and update (all optional).</summary>
internal static class ResourceInputFields
{
    public static void AddTo(InputObjectGraphType input, bool creating)
    {
        if (creating)
        {
            input.Field<NonNullGraphType<StringGraphType>>("name").Description("Name, 1 to 200 characters.");
            input.Field<NonNullGraphType<ResourceKindEnum>>("kind").Description("Kind of actor.");
        }
        else
        {
            input.Field<StringGraphType>("name").Description("New name, 1 to 200 characters.");
            input.Field<ResourceKindEnum>("kind").Description("New kind.");
        }
        input.Field<StringGraphType>("description").Description("What the resource does; null clears it.");
        input.Field<FloatGraphType>("latitude").Description("WGS84 latitude from -90 to 90; give with longitude; null clears the location.");
        input.Field<FloatGraphType>("longitude").Description("WGS84 longitude from -180 to 180; give with latitude; null clears the location.");
        input.Field<BooleanGraphType>("locationApproximate").Description("True when the coordinates are approximate.");
        input.Field<StringGraphType>("address").Description("Postal address.");
        input.Field<IdGraphType>("areaId").Description("Id of the area the resource belongs to; null clears it.");
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("targetGroups").Description("Target groups served (stored in lower case).");
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("offers").Description("What the resource offers.");
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("needs").Description("What the resource needs.");
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("languages").Description("ISO 639 language codes.");
        input.Field<ResourceStatusEnum>("status").Description("Working status (default ACTIVE).");
        input.Field<ContactInputType>("contact").Description("Contact details (a person's are shown only to insiders of their municipality); replaces all three; null clears them.");
        input.Field<IntGraphType>("audienceCount").Description("How many people it reaches, when known: members, a chat group's member count; with audienceTargetGroup it gives its reach.");
        input.Field<StringGraphType>("audienceTargetGroup").Description("Whom audienceCount counts: a target group, or \"total\" (the default) for residents of every group.");
        input.Field<BooleanGraphType>("sensitive").Description("True when the resource reveals vulnerable people: then only admins and the viewers and workers of its municipality see it (default false).");
    }
}

public sealed class CreateResourceInputType : InputObjectGraphType
{
    public CreateResourceInputType()
    {
        Name = "CreateResourceInput";
        Description = "A new resource.";
        ResourceInputFields.AddTo(this, creating: true);
    }
}

public sealed class UpdateResourceInputType : InputObjectGraphType
{
    public UpdateResourceInputType()
    {
        Name = "UpdateResourceInput";
        Description = "Changes to a resource: fields left out stay as they are; fields given as null are cleared.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Id of the resource to change.");
        Field<IntGraphType>("version").Description(ExpectedVersion.Description);
        ResourceInputFields.AddTo(this, creating: false);
    }
}

public sealed class DeleteResourceInputType : InputObjectGraphType
{
    public DeleteResourceInputType()
    {
        Name = "DeleteResourceInput";
        Description = "The resource to delete, with all its ties.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Id of the resource.");
        Field<IntGraphType>("version").Description(ExpectedVersion.Description);
    }
}

public sealed class ContactInputType : InputObjectGraphType
{
    public ContactInputType()
    {
        Name = "ContactInput";
        Description = "Public contact details.";
        Field<StringGraphType>("web").Description("An http or https address.");
        Field<StringGraphType>("email").Description("An e-mail address.");
        Field<StringGraphType>("phone").Description("A phone number.");
    }
}

public sealed record ResourcePayload(Persistence.Model.Resource Resource);

public sealed class ResourcePayloadType : ObjectGraphType<ResourcePayload>
{
    public ResourcePayloadType()
    {
        Name = "ResourcePayload";
        Description = "The resource as saved.";
        Field<NonNullGraphType<ResourceNode>>("resource").Description("The resource.").ResolveSource(s => s.Resource);
    }
}

public sealed record DeleteResourcePayload(string DeletedResourceId, IReadOnlyList<string> DeletedRelationshipIds);

public sealed class DeleteResourcePayloadType : ObjectGraphType<DeleteResourcePayload>
{
    public DeleteResourcePayloadType()
    {
        Name = "DeleteResourcePayload";
        Description = "What was deleted.";
        Field<NonNullGraphType<IdGraphType>>("deletedResourceId").Description("Id of the deleted resource.").ResolveSource(s => s.DeletedResourceId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("deletedRelationshipIds").Description("Ids of the ties deleted with it.").ResolveSource(s => s.DeletedRelationshipIds);
    }
}
