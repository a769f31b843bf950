using System.Linq.Expressions;
using GraphQL.Types;
using ResourceMap.Api.Filtering;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Resources;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Relationships;

/// <summary>The <c>where</c> and <c>order</c> of ties.</summary>
public static class RelationshipFilters
{
    public static readonly Where<Relationship> Where = new(
    [
        new("id", (Expression<Func<Relationship, int>>)(t => t.Id), FilterKind.Id, GlobalId.Relationship),
        new("type", (Expression<Func<Relationship, RelationshipType>>)(t => t.Type), FilterKind.Equatable),
        new("strength", (Expression<Func<Relationship, int>>)(t => t.Strength), FilterKind.Comparable),
        new("directed", (Expression<Func<Relationship, bool>>)(t => t.Directed), FilterKind.Equatable),
        new("since", (Expression<Func<Relationship, DateOnly?>>)(t => t.Since), FilterKind.Comparable),
        new("until", (Expression<Func<Relationship, DateOnly?>>)(t => t.Until), FilterKind.Comparable),
        new("note", (Expression<Func<Relationship, string?>>)(t => t.Note), FilterKind.String),
        new("sourceId", (Expression<Func<Relationship, int>>)(t => t.SourceId), FilterKind.Id, GlobalId.Resource),
        new("targetId", (Expression<Func<Relationship, int>>)(t => t.TargetId), FilterKind.Id, GlobalId.Resource),
        new("source", (Expression<Func<Relationship, Resource>>)(t => t.Source!), FilterKind.Object, Nested: ResourceFilters.Plain.Body),
        new("target", (Expression<Func<Relationship, Resource>>)(t => t.Target!), FilterKind.Object, Nested: ResourceFilters.Plain.Body),
    ]);

    public static readonly Order<Relationship> Order = new(new Dictionary<string, LambdaExpression>
    {
        ["id"] = (Expression<Func<Relationship, int>>)(t => t.Id),
        ["type"] = (Expression<Func<Relationship, RelationshipType>>)(t => t.Type),
        ["strength"] = (Expression<Func<Relationship, int>>)(t => t.Strength),
        ["since"] = (Expression<Func<Relationship, DateOnly?>>)(t => t.Since),
        ["until"] = (Expression<Func<Relationship, DateOnly?>>)(t => t.Until),
    });
}

public sealed class RelationshipTypeOperationFilterInputType() : EquatableOperationFilterInputType<RelationshipTypeEnum>("RelationshipTypeOperationFilterInput", "the type of a tie");

public sealed class RelationshipFilterInputType : InputObjectGraphType
{
    public RelationshipFilterInputType()
    {
        Name = "RelationshipFilterInput";
        Description = "Conditions on ties, in the style of Hot Chocolate; all given must hold. Runs in the database.";
        Field<ListGraphType<NonNullGraphType<RelationshipFilterInputType>>>("and").Description("All of these.");
        Field<ListGraphType<NonNullGraphType<RelationshipFilterInputType>>>("or").Description("Any of these.");
        Field<IdOperationFilterInputType>("id").Description("The tie's global id.");
        Field<RelationshipTypeOperationFilterInputType>("type").Description("The type of tie.");
        Field<IntOperationFilterInputType>("strength").Description("Strength, 1 to 5.");
        Field<BooleanOperationFilterInputType>("directed").Description("Whether the tie has a direction.");
        Field<DateOperationFilterInputType>("since").Description("The day the tie began.");
        Field<DateOperationFilterInputType>("until").Description("The day the tie ended.");
        Field<StringOperationFilterInputType>("note").Description("The note.");
        Field<IdOperationFilterInputType>("sourceId").Description("The global id of the source.");
        Field<IdOperationFilterInputType>("targetId").Description("The global id of the target.");
        Field<ResourceFilterInputType>("source").Description("Conditions on the source (without 'location').");
        Field<ResourceFilterInputType>("target").Description("Conditions on the target (without 'location').");
    }
}

public sealed class RelationshipSortInputType : InputObjectGraphType
{
    public RelationshipSortInputType()
    {
        Name = "RelationshipSortInput";
        Description = "Sort ties by these fields, in the order given; ties are broken by id.";
        Field<SortEnumType>("id").Description("By id.");
        Field<SortEnumType>("type").Description("By type name.");
        Field<SortEnumType>("strength").Description("By strength.");
        Field<SortEnumType>("since").Description("By start day.");
        Field<SortEnumType>("until").Description("By end day.");
    }
}
