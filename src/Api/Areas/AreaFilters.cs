using System.Linq.Expressions;
using GraphQL.Types;
using ResourceMap.Api.Filtering;
using ResourceMap.Api.Ids;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Areas;

/// <summary>The <c>where</c> and <c>order</c> of areas.</summary>
public static class AreaFilters
{
    public static readonly Where<Area> Where = new(
    [
        new("id", (Expression<Func<Area, int>>)(a => a.Id), FilterKind.Id, GlobalId.Area),
        new("name", (Expression<Func<Area, string>>)(a => a.Name), FilterKind.String),
        new("kind", (Expression<Func<Area, AreaKind>>)(a => a.Kind), FilterKind.Equatable),
        new("parentId", (Expression<Func<Area, int?>>)(a => a.ParentId), FilterKind.Id, GlobalId.Area),
        new("approximate", (Expression<Func<Area, bool>>)(a => a.Approximate), FilterKind.Equatable),
    ]);

    public static readonly Order<Area> Order = new(new Dictionary<string, LambdaExpression>
    {
        ["id"] = (Expression<Func<Area, int>>)(a => a.Id),
        ["name"] = (Expression<Func<Area, string>>)(a => a.Name),
        ["kind"] = (Expression<Func<Area, AreaKind>>)(a => a.Kind),
    });
}

public sealed class AreaKindOperationFilterInputType() : EquatableOperationFilterInputType<AreaKindEnum>("AreaKindOperationFilterInput", "the kind of an area");

public sealed class AreaFilterInputType : InputObjectGraphType
{
    public AreaFilterInputType()
    {
        Name = "AreaFilterInput";
        Description = "Conditions on areas, in the style of Hot Chocolate; all given must hold. Runs in the database.";
        Field<ListGraphType<NonNullGraphType<AreaFilterInputType>>>("and").Description("All of these.");
        Field<ListGraphType<NonNullGraphType<AreaFilterInputType>>>("or").Description("Any of these.");
        Field<IdOperationFilterInputType>("id").Description("The area's global id.");
        Field<StringOperationFilterInputType>("name").Description("The name, exactly (see the 'text' argument for accent-insensitive search).");
        Field<AreaKindOperationFilterInputType>("kind").Description("The kind of area.");
        Field<IdOperationFilterInputType>("parentId").Description("The global id of the area it lies in.");
        Field<BooleanOperationFilterInputType>("approximate").Description("Whether boundary or counts are approximate.");
    }
}

public sealed class AreaSortInputType : InputObjectGraphType
{
    public AreaSortInputType()
    {
        Name = "AreaSortInput";
        Description = "Sort areas by these fields, in the order given; ties are broken by id.";
        Field<SortEnumType>("id").Description("By id (the order of creation).");
        Field<SortEnumType>("name").Description("By name (ordinal: Latvian letters after the Latin ones).");
        Field<SortEnumType>("kind").Description("By kind name.");
    }
}
