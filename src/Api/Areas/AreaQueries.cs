using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Paging;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;
using ResourceMap.Persistence.Search;

namespace ResourceMap.Api.Areas;

public static class AreaQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<AreaConnectionType>>("areas")
            .Description("Areas matching every filter given, by id.")
            .Argument<ListGraphType<NonNullGraphType<AreaKindEnum>>>("kinds", "Only these kinds.")
            .Argument<IdGraphType>("parentId", "Only areas directly inside this one.")
            .Argument<StringGraphType>("text", "Words in the name; case and accents are ignored.")
            .Argument<PointInputType>("containing", "Only areas whose boundary holds this point (its edge included).")
            .Argument<GeoJsonGeometryInputType>("intersecting", "Only areas whose boundary meets this Polygon or MultiPolygon.")
            .Argument<AreaFilterInputType>("where", "Conditions in the style of Hot Chocolate, combined with the arguments above.")
            .Argument<ListGraphType<NonNullGraphType<AreaSortInputType>>>("order", "Sort order, e.g. [{ name: ASC }]; by id when absent.")
            .Paged()
            .ResolveAsync(async c =>
            {
                await using var db = c.Db();
                IQueryable<Area> query = db.Areas.AsNoTracking();
                if (c.GetArgument<List<AreaKind>?>("kinds") is { Count: > 0 } kinds) query = query.Where(a => kinds.Contains(a.Kind));
                if (c.GetArgument<string?>("parentId") is { } parentId)
                {
                    var key = GlobalId.Decode(parentId, GlobalId.Area, "parentId");
                    query = query.Where(a => a.ParentId == key);
                }
                if (c.GetArgument<string?>("text") is { } text && !string.IsNullOrWhiteSpace(text))
                {
                    var folded = TextFolding.Fold(text.Trim());
                    query = query.Where(a => a.SearchText.Contains(folded));
                }
                if (c.GetArgument<Dictionary<string, object?>?>("containing") is { } containing)
                {
                    var (lat, lon) = ReadPoint(containing, "containing");
                    if (PostGis.Answers(db))
                    {
                        var inside = PostGis.AreasAt(db.Areas, lat, lon).Select(a => a.Id);
                        query = query.Where(a => inside.Contains(a.Id));
                    }
                    else
                    {
                        var ids = (await c.Service<SpatialLoader>().CurrentAsync(c.CancellationToken)).AreasAt(lat, lon).Select(a => a.Id).ToList();
                        query = query.Where(a => ids.Contains(a.Id));
                    }
                }
                if (c.GetArgument<Dictionary<string, object?>?>("intersecting") is { } intersecting)
                {
                    var shape = GeoJsonReader.ReadArea(intersecting, "intersecting");
                    if (PostGis.Answers(db)) query = PostGis.Intersecting(query, shape);
                    else
                    {
                        var snapshot = await c.Service<SpatialLoader>().CurrentAsync(c.CancellationToken);
                        var ids = snapshot.Areas.Where(a => a.Boundary is { } b && b.Intersects(shape)).Select(a => a.Id).ToList();
                        query = query.Where(a => ids.Contains(a.Id));
                    }
                }
                if (c.GetArgument<Dictionary<string, object?>?>("where") is { } where) query = query.Where(AreaFilters.Where.Build(where));
                return await AreaFilters.Order.Apply(query, c.GetArgument<List<object?>?>("order"), a => a.Id).ToConnectionAsync(c.GetPageRequest(), c.CancellationToken);
            });

        query.Field<AreaNode>("areaAt")
            .Description("The most specific area whose boundary holds the point (a neighbourhood before its city), or null.")
            .Argument<NonNullGraphType<FloatGraphType>>("latitude", "Latitude of the point.")
            .Argument<NonNullGraphType<FloatGraphType>>("longitude", "Longitude of the point.")
            .ResolveAsync(async c =>
            {
                var (lat, lon) = (c.GetArgument<double>("latitude"), c.GetArgument<double>("longitude"));
                Coordinates.Check(lat, lon, "areaAt");
                await using var db = c.Db();
                if (PostGis.Answers(db)) return await PostGis.AreasAt(db.Areas.AsNoTracking(), lat, lon).FirstOrDefaultAsync(c.CancellationToken);
                return (await c.Service<SpatialLoader>().CurrentAsync(c.CancellationToken)).AreasAt(lat, lon).FirstOrDefault();
            });

        query.Field<AreaNode>("area")
            .Description("The area with this id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of an area.")
            .Resolve(c => c.Service<AreaLoaders>().ById.Load(GlobalId.Decode(c.GetArgument<string>("id"), GlobalId.Area, "id")));
    }

    public static (double Latitude, double Longitude) ReadPoint(Dictionary<string, object?> input, string field)
    {
        var point = new InputFields(input);
        var (lat, lon) = (point.Value<double>("latitude")!.Value, point.Value<double>("longitude")!.Value);
        Coordinates.Check(lat, lon, field);
        return (lat, lon);
    }
}
