using System.Collections;
using System.Linq.Expressions;
using GraphQL.Types;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Filtering;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Resources;

/// <summary>The <c>where</c> and <c>order</c> of resources.</summary>
public static class ResourceFilters
{
    private static readonly FilterField[] Fields =
    [
        new("id", (Expression<Func<Resource, int>>)(r => r.Id), FilterKind.Id, GlobalId.Resource),
        new("name", (Expression<Func<Resource, string>>)(r => r.Name), FilterKind.String),
        new("description", (Expression<Func<Resource, string?>>)(r => r.Description), FilterKind.String),
        new("address", (Expression<Func<Resource, string?>>)(r => r.Address), FilterKind.String),
        new("kind", (Expression<Func<Resource, ResourceKind>>)(r => r.Kind), FilterKind.Equatable),
        new("status", (Expression<Func<Resource, ResourceStatus>>)(r => r.Status), FilterKind.Equatable),
        new("targetGroups", (Expression<Func<Resource, List<string>>>)(r => r.TargetGroups), FilterKind.StringList),
        new("offers", (Expression<Func<Resource, List<string>>>)(r => r.Offers), FilterKind.StringList),
        new("needs", (Expression<Func<Resource, List<string>>>)(r => r.Needs), FilterKind.StringList),
        new("languages", (Expression<Func<Resource, List<string>>>)(r => r.Languages), FilterKind.StringList),
        new("latitude", (Expression<Func<Resource, double?>>)(r => r.Latitude), FilterKind.Comparable),
        new("longitude", (Expression<Func<Resource, double?>>)(r => r.Longitude), FilterKind.Comparable),
        new("locationApproximate", (Expression<Func<Resource, bool>>)(r => r.LocationApproximate), FilterKind.Equatable),
        new("areaId", (Expression<Func<Resource, int?>>)(r => r.AreaId), FilterKind.Id, GlobalId.Area),
        new("area", (Expression<Func<Resource, Area>>)(r => r.Area!), FilterKind.Object, Nested: AreaFilters.Where.Body),
    ];

    /// <summary>Without spatial conditions, for nested use (a tie's source or target).</summary>
    public static readonly Where<Resource> Plain = new(Fields);

    /// <summary>With <c>location</c>, answered by <paramref name="located"/> (PostGIS, or the spatial snapshot's R-tree).</summary>
    public static Where<Resource> WithLocation(Func<ResourceFilter, Expression<Func<Resource, bool>>> located) => new(Fields, new Dictionary<string, Func<object?, Expression<Func<Resource, bool>>>>
    {
        ["location"] = value => located(Location(new InputFields((IDictionary<string, object?>)value!))),
    });

    public static readonly Order<Resource> Order = new(new Dictionary<string, LambdaExpression>
    {
        ["id"] = (Expression<Func<Resource, int>>)(r => r.Id),
        ["name"] = (Expression<Func<Resource, string>>)(r => r.Name),
        ["kind"] = (Expression<Func<Resource, ResourceKind>>)(r => r.Kind),
        ["status"] = (Expression<Func<Resource, ResourceStatus>>)(r => r.Status),
        ["latitude"] = (Expression<Func<Resource, double?>>)(r => r.Latitude),
        ["longitude"] = (Expression<Func<Resource, double?>>)(r => r.Longitude),
    });

    /// <summary>True when any level of the input uses <c>location</c>, which needs the spatial snapshot.</summary>
    public static bool UsesLocation(IDictionary<string, object?> where) =>
        where.ContainsKey("location") || where.Where(kv => kv.Key is "and" or "or").SelectMany(kv => (kv.Value as IEnumerable)?.OfType<IDictionary<string, object?>>() ?? []).Any(UsesLocation);

    private static ResourceFilter Location(InputFields location) => new(
        Near: location.Object("near") is { } n ? ResourceSearch.ReadNear(n) : null,
        Within: location.Raw("within") is IDictionary<string, object?> shape ? GeoJsonReader.ReadArea(shape, "where.location.within") : null,
        WithinAreaId: location.String("withinAreaId") is { } areaId ? GlobalId.Decode(areaId, GlobalId.Area, "where.location.withinAreaId") : null,
        BoundingBox: location.Object("boundingBox") is { } b ? ResourceSearch.ReadBox(b) : null);
}

public sealed class ResourceKindOperationFilterInputType() : EquatableOperationFilterInputType<ResourceKindEnum>("ResourceKindOperationFilterInput", "the kind of a resource");
public sealed class ResourceStatusOperationFilterInputType() : EquatableOperationFilterInputType<ResourceStatusEnum>("ResourceStatusOperationFilterInput", "the status of a resource");

public sealed class LocationFilterInputType : InputObjectGraphType
{
    public LocationFilterInputType()
    {
        Name = "LocationFilterInput";
        Description = "Conditions on where a resource is; all given must hold. Resources without a place never match.";
        Field<NearInputType>("near").Description("Within a geodesic distance of a point.");
        Field<GeoJsonGeometryInputType>("within").Description("Inside this Polygon or MultiPolygon (its edge included).");
        Field<IdGraphType>("withinAreaId").Description("Inside this area's boundary.");
        Field<BoundingBoxInputType>("boundingBox").Description("Inside this latitude/longitude box.");
    }
}

public sealed class ResourceFilterInputType : InputObjectGraphType
{
    public ResourceFilterInputType()
    {
        Name = "ResourceFilterInput";
        Description = "Conditions on resources, in the style of Hot Chocolate; all given must hold. Runs in the database (location through the spatial index).";
        Field<ListGraphType<NonNullGraphType<ResourceFilterInputType>>>("and").Description("All of these.");
        Field<ListGraphType<NonNullGraphType<ResourceFilterInputType>>>("or").Description("Any of these.");
        Field<IdOperationFilterInputType>("id").Description("The resource's global id.");
        Field<StringOperationFilterInputType>("name").Description("The name, exactly (see the 'text' argument for accent-insensitive search).");
        Field<StringOperationFilterInputType>("description").Description("The description.");
        Field<StringOperationFilterInputType>("address").Description("The address.");
        Field<ResourceKindOperationFilterInputType>("kind").Description("The kind.");
        Field<ResourceStatusOperationFilterInputType>("status").Description("The status.");
        Field<ListStringOperationFilterInputType>("targetGroups").Description("The target groups (lower case).");
        Field<ListStringOperationFilterInputType>("offers").Description("What it offers.");
        Field<ListStringOperationFilterInputType>("needs").Description("What it needs.");
        Field<ListStringOperationFilterInputType>("languages").Description("Its languages.");
        Field<FloatOperationFilterInputType>("latitude").Description("Latitude.");
        Field<FloatOperationFilterInputType>("longitude").Description("Longitude.");
        Field<BooleanOperationFilterInputType>("locationApproximate").Description("Whether the place is approximate.");
        Field<IdOperationFilterInputType>("areaId").Description("The global id of the area it is assigned to.");
        Field<AreaFilterInputType>("area").Description("Conditions on the area it is assigned to.");
        Field<LocationFilterInputType>("location").Description("Spatial conditions on its place.");
    }
}

public sealed class ResourceSortInputType : InputObjectGraphType
{
    public ResourceSortInputType()
    {
        Name = "ResourceSortInput";
        Description = "Sort resources by these fields, in the order given; ties are broken by id.";
        Field<SortEnumType>("id").Description("By id.");
        Field<SortEnumType>("name").Description("By name (ordinal).");
        Field<SortEnumType>("kind").Description("By kind name.");
        Field<SortEnumType>("status").Description("By status name.");
        Field<SortEnumType>("latitude").Description("By latitude (resources without a place first when ascending).");
        Field<SortEnumType>("longitude").Description("By longitude.");
    }
}
