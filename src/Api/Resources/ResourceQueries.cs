using GraphQL;
using GraphQL.Types;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Loading;
using ResourceMap.Api.Paging;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Resources;

public static class ResourceQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ResourceConnectionType>>("resources")
            .Description("Resources matching every filter given, by id; nearest first when 'near' is given.")
            .Argument<ListGraphType<NonNullGraphType<ResourceKindEnum>>>("kinds", "Only these kinds.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("targetGroups", "Only resources serving at least one of these target groups.")
            .Argument<IdGraphType>("areaId", "Only resources in this area or any area inside it.")
            .Argument<StringGraphType>("text", "Words in the name, description, address, offers or needs; case and accents are ignored (\"udenszimes\" finds \"Ūdenszīmes\").")
            .Argument<ListGraphType<NonNullGraphType<ResourceStatusEnum>>>("statuses", "Only these statuses.")
            .Argument<BoundingBoxInputType>("boundingBox", "Only resources inside this latitude/longitude box.")
            .Argument<NearInputType>("near", "Only resources within a distance of a point, nearest first.")
            .Argument<NearestInputType>("nearest", "Only the k resources nearest to a point (among those passing the other filters), nearest first.")
            .Argument<GeoJsonGeometryInputType>("within", "Only resources whose point lies in this Polygon or MultiPolygon (its edge included).")
            .Argument<IdGraphType>("withinAreaId", "Only resources whose point lies inside this area's boundary; unlike areaId, by geometry, not by the area a resource is assigned to.")
            .Argument<ResourceFilterInputType>("where", "Conditions in the style of Hot Chocolate, combined with the arguments above.")
            .Argument<ListGraphType<NonNullGraphType<ResourceSortInputType>>>("order", "Sort order, e.g. [{ name: ASC }]; replaces the default (by id, or nearest first).")
            .Paged()
            .ResolveAsync(async c =>
            {
                await using var db = c.Db();
                var filter = ReadFilter(c);
                if (c.GetArgument<Dictionary<string, object?>?>("where") is { } where)
                {
                    var rules = !ResourceFilters.UsesLocation(where) ? ResourceFilters.Plain
                        : PostGis.Answers(db) ? ResourceFilters.WithLocation(f => PostGis.Condition(db, f))
                        : ResourceFilters.WithLocation(ResourceSearch.InSnapshot(await c.Service<SpatialLoader>().CurrentAsync(c.CancellationToken)));
                    filter = filter with { Where = rules.Build(where) };
                }
                filter = filter with { Order = c.GetArgument<List<object?>?>("order") };
                var nodeFields = Selections.ConnectionNodeFields(c.Document, c.FieldAst).ToList();
                var page = await ResourceSearch.FindAsync(db, c.Service<SpatialLoader>(), filter, c.GetPageRequest(), ResourceNode.Columns.For(Selections.Names(nodeFields)), c.CancellationToken);
                // Look-ahead: the ties of the whole page in one query now, so that each resource's field answers at once
                // instead of through one deferred result per resource.
                var ids = page.Nodes.Select(r => r.Id).ToList();
                if (ids.Count > 0)
                    foreach (var field in nodeFields.Where(f => f.Name.StringValue is "relationships" or "neighbours").Distinct())
                        await c.Service<RelationshipLoaders>().ByResource(c.Document, field, showsTies: field.Name.StringValue == "relationships").PrimeAsync(ids, c.CancellationToken);
                return page;
            });

        query.Field<ResourceNode>("resource")
            .Description("The resource with this id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of a resource.")
            .Resolve(c => c.Service<ResourceLoaders>().ById.Load(GlobalId.Decode(c.GetArgument<string>("id"), GlobalId.Resource, "id")));
    }

    private static ResourceFilter ReadFilter(IResolveFieldContext c)
    {
        var box = c.GetArgument<Dictionary<string, object?>?>("boundingBox") is { } b ? new InputFields(b) : null;
        var near = c.GetArgument<Dictionary<string, object?>?>("near") is { } n ? new InputFields(n) : null;
        var nearest = c.GetArgument<Dictionary<string, object?>?>("nearest") is { } k ? new InputFields(k) : null;
        var within = c.GetArgument<Dictionary<string, object?>?>("within");
        var withinAreaId = c.GetArgument<string?>("withinAreaId");
        var areaId = c.GetArgument<string?>("areaId");
        return new ResourceFilter(
            Kinds: c.GetArgument<List<ResourceKind>?>("kinds"),
            TargetGroups: c.GetArgument<List<string>?>("targetGroups"),
            AreaId: areaId is null ? null : GlobalId.Decode(areaId, GlobalId.Area, "areaId"),
            Text: c.GetArgument<string?>("text"),
            Statuses: c.GetArgument<List<ResourceStatus>?>("statuses"),
            BoundingBox: box is null ? null : ResourceSearch.ReadBox(box),
            Near: near is null ? null : ResourceSearch.ReadNear(near),
            Nearest: nearest is null ? null : ResourceSearch.ReadNearest(nearest),
            Within: within is null ? null : GeoJsonReader.ReadArea(within, "within"),
            WithinAreaId: withinAreaId is null ? null : GlobalId.Decode(withinAreaId, GlobalId.Area, "withinAreaId"));
    }
}

public sealed class BoundingBoxInputType : InputObjectGraphType
{
    public BoundingBoxInputType()
    {
        Name = "BoundingBoxInput";
        Description = "A latitude/longitude box in WGS84 degrees; west greater than east means the box crosses the antimeridian.";
        Field<NonNullGraphType<FloatGraphType>>("south").Description("Southern latitude.");
        Field<NonNullGraphType<FloatGraphType>>("west").Description("Western longitude.");
        Field<NonNullGraphType<FloatGraphType>>("north").Description("Northern latitude.");
        Field<NonNullGraphType<FloatGraphType>>("east").Description("Eastern longitude.");
    }
}

public sealed class NearestInputType : InputObjectGraphType
{
    public NearestInputType()
    {
        Name = "NearestInput";
        Description = "The k nearest resources to a point, by geodesic distance on the WGS84 ellipsoid.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Latitude of the point.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Longitude of the point.");
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many, from 1 to 500.");
        Field<FloatGraphType>("maxDistanceMeters").Description("Greatest distance from the point, in metres; unlimited when absent.");
    }
}

public sealed class NearInputType : InputObjectGraphType
{
    public NearInputType()
    {
        Name = "NearInput";
        Description = "A point and a geodesic distance in metres on the WGS84 ellipsoid.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Latitude of the point.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Longitude of the point.");
        Field<NonNullGraphType<FloatGraphType>>("maxDistanceMeters").Description("Greatest distance from the point, in metres.");
    }
}
