using ResourceMap.Api.Schema;
using GraphQL.Types;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Relationships;

public sealed class CreateRelationshipInputType : InputObjectGraphType
{
    public CreateRelationshipInputType()
    {
        Name = "CreateRelationshipInput";
        Description = "A new tie between two different resources.";
        Field<NonNullGraphType<IdGraphType>>("sourceId").Description("Id of the resource the tie starts from.");
        Field<NonNullGraphType<IdGraphType>>("targetId").Description("Id of the resource the tie leads to.");
        Field<NonNullGraphType<RelationshipTypeEnum>>("type").Description("What the tie is.");
        AddCommonFields(this);
    }

    internal static void AddCommonFields(InputObjectGraphType input)
    {
        input.Field<BooleanGraphType>("directed").Description("True when the tie runs from source to target only (default false).");
        input.Field<IntGraphType>("strength").Description("Strength from 1 to 5 (default 3).");
        input.Field<DateOnlyGraphType>("since").Description("First day of the tie.");
        input.Field<DateOnlyGraphType>("until").Description("Last day of the tie; not before 'since'.");
        input.Field<StringGraphType>("note").Description("A note, at most 4000 characters.");
    }
}

public sealed class UpdateRelationshipInputType : InputObjectGraphType
{
    public UpdateRelationshipInputType()
    {
        Name = "UpdateRelationshipInput";
        Description = "Changes to a tie: fields left out stay as they are; fields given as null are cleared.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Id of the tie.");
        Field<IntGraphType>("version").Description(ExpectedVersion.Description);
        Field<IdGraphType>("sourceId").Description("New source resource.");
        Field<IdGraphType>("targetId").Description("New target resource.");
        Field<RelationshipTypeEnum>("type").Description("New type.");
        CreateRelationshipInputType.AddCommonFields(this);
    }
}

public sealed class DeleteRelationshipInputType : InputObjectGraphType
{
    public DeleteRelationshipInputType()
    {
        Name = "DeleteRelationshipInput";
        Description = "The tie to delete.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Id of the tie.");
        Field<IntGraphType>("version").Description(ExpectedVersion.Description);
    }
}

public sealed record RelationshipPayload(Relationship Relationship);

public sealed class RelationshipPayloadType : ObjectGraphType<RelationshipPayload>
{
    public RelationshipPayloadType()
    {
        Name = "RelationshipPayload";
        Description = "The tie as saved.";
        Field<NonNullGraphType<RelationshipNode>>("relationship").Description("The tie.").ResolveSource(s => s.Relationship);
    }
}

public sealed record DeleteRelationshipPayload(string DeletedRelationshipId);

public sealed class DeleteRelationshipPayloadType : ObjectGraphType<DeleteRelationshipPayload>
{
    public DeleteRelationshipPayloadType()
    {
        Name = "DeleteRelationshipPayload";
        Description = "What was deleted.";
        Field<NonNullGraphType<IdGraphType>>("deletedRelationshipId").Description("Id of the deleted tie.").ResolveSource(s => s.DeletedRelationshipId);
    }
}
