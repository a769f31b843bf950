using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NetTopologySuite.Geometries;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Protection;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;

namespace ResourceMap.Api.Coverage;

public static class CoverageQueries
{
    public const int MaxGridCells = 20_000;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<CoverageType>>("coverage")
            .Description("Accessibility of the resources serving a target group, per area where the group's population is known: population, resources within reach, provider-to-population ratio and the floating catchment index, least accessible first.")
            .CoverageArguments()
            .Argument<IdGraphType>("areaId", "Only areas inside this one (the whole data set still shares the resources).")
            .Cost(10, CostScale.CoverageSize)
            .ResolveAsync(async c =>
            {
                var (snapshot, request) = await ReadAsync(c);
                var scope = Scope(c, snapshot);
                return await OwnThread.RunAsync(() => new CoverageAnalysis(snapshot, request).Areas(scope), c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaCoverageType>>>>("underServedAreas")
            .Description("The areas with no resource serving the target group within reach, or with an index below minAccessibilityIndex, least accessible first.")
            .CoverageArguments()
            .Argument<IdGraphType>("areaId", "Only areas inside this one.")
            .Cost(10, CostScale.CoverageSize)
            .ResolveAsync(async c =>
            {
                var (snapshot, request) = await ReadAsync(c);
                var scope = Scope(c, snapshot);
                var coverage = await OwnThread.RunAsync(() => new CoverageAnalysis(snapshot, request).Areas(scope), c.CancellationToken);
                return coverage.Areas.Where(a => a.UnderServed).ToList();
            });

        query.Field<NonNullGraphType<CoverageGridType>>("coverageGrid")
            .Description("Accessibility on a regular grid clipped to an area, as a GeoJSON FeatureCollection for heat maps; population is spread from areas to cells by areal weighting.")
            .CoverageArguments()
            .Argument<NonNullGraphType<IdGraphType>>("areaId", "The area to cover with cells; it needs a boundary.")
            .Argument<NonNullGraphType<FloatGraphType>>("cellSizeMeters", $"Side of a cell in metres; at most {MaxGridCells:N0} cells.")
            .Cost(25, CostScale.GridCells)
            .ResolveAsync(async c =>
            {
                var (snapshot, request) = await ReadAsync(c);
                var clip = Boundary(c, snapshot);
                var cellSize = CellSize(c.GetArgument<double>("cellSizeMeters"), clip);
                var cells = await OwnThread.RunAsync(() => new CoverageAnalysis(snapshot, request).Grid(clip, cellSize, c.CancellationToken), c.CancellationToken);
                return new FeatureCollection<CoverageCell>(cells.Select(x => new Feature<CoverageCell>($"{x.Cell.Row}:{x.Cell.Column}", x.Cell.Boundary, x.Coverage)).ToList());
            });

        query.Field<NonNullGraphType<PlacementType>>("placementSuggestions")
            .Description("Where k new resources serving the target group would bring the most people not yet within reach of one (greedy maximal covering location with substitution, Church and ReVelle 1974).")
            .Argument<NonNullGraphType<StringGraphType>>("targetGroup", "The target group, e.g. seniors.")
            .Argument<NonNullGraphType<FloatGraphType>>("maxDistanceMeters", "How far people can be expected to go, straight-line geodesic metres.")
            .Argument<NonNullGraphType<IdGraphType>>("areaId", "The area to place the resources in; it needs a boundary.")
            .Argument<NonNullGraphType<IntGraphType>>("count", "How many new resources, 1 to 20.")
            .Argument<FloatGraphType>("cellSizeMeters", "Spacing of the candidate places; by default a quarter of the distance, coarser if the area would need more than 20,000 cells.")
            .Cost(1, CostScale.PlacementPairs)
            .ResolveAsync(async c =>
            {
                var (snapshot, request) = await ReadAsync(c);
                var clip = Boundary(c, snapshot);
                var count = c.GetArgument<int>("count");
                if (count is < 1 or > 20) throw UserError.BadInput($"count: must be from 1 to 20, not {count}.", "count");
                var cellSize = c.GetArgument<double?>("cellSizeMeters") is { } given ? CellSize(given, clip) : DefaultCellSize(request.MaxDistanceMeters, clip);
                return await OwnThread.RunAsync(() => Placement.Suggest(snapshot, request, clip, count, cellSize, c.CancellationToken), c.CancellationToken);
            });

        query.Field<NonNullGraphType<ClosureImpactType>>("closureImpact")
            .Description("What coverage of the target group is lost if this resource closes: areas left without a resource within reach, and every area's change of accessibility.")
            .Argument<NonNullGraphType<IdGraphType>>("resourceId", "The resource that would close.")
            .CoverageArguments()
            .Argument<IdGraphType>("areaId", "Only areas inside this one.")
            .Cost(20, CostScale.CoverageSize)
            .ResolveAsync(async c =>
            {
                var (snapshot, request) = await ReadAsync(c);
                var id = GlobalId.Decode(c.GetArgument<string>("resourceId"), GlobalId.Resource, "resourceId");
                var resource = snapshot.Resources.FirstOrDefault(r => r.Id == id)
                    ?? throw UserError.NotFound("resourceId: there is no resource with a place with this id.", "resourceId");
                if (!resource.Serves(request.TargetGroup))
                    throw UserError.BadInput($"resourceId: the resource does not serve '{request.TargetGroup}' (or is not active), so its closure changes nothing for them.", "resourceId");
                var scope = Scope(c, snapshot);
                return await OwnThread.RunAsync(() => new ClosureImpact(resource,
                    new CoverageAnalysis(snapshot, request).Areas(scope),
                    new CoverageAnalysis(snapshot, request with { ExcludedResourceId = id }).Areas(scope)), c.CancellationToken);
            });
    }

    private static FieldBuilder<TSource, TReturn> CoverageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<NonNullGraphType<StringGraphType>>("targetGroup", "The target group, e.g. seniors; resources serve it when they list it.")
        .Argument<NonNullGraphType<FloatGraphType>>("maxDistanceMeters", "How far people can be expected to go, straight-line geodesic metres.")
        .Argument<AccessibilityMethodEnum>("method", "How accessibility is measured; the two-step method by default.")
        .Argument<ListGraphType<NonNullGraphType<FloatGraphType>>>("zoneWeights", "For the enhanced method: weights of equal distance zones, nearest first, from 0 to 1.")
        .Argument<FloatGraphType>("minAccessibilityIndex", "Areas with an index per 1,000 people below this are under-served too.");

    private static async Task<(SpatialSnapshot, CoverageRequest)> ReadAsync(IResolveFieldContext c)
    {
        var group = TextRules.Required(c.GetArgument<string>("targetGroup"), "targetGroup", 100).ToLowerInvariant();
        var distance = Distance.Check(c.GetArgument<double>("maxDistanceMeters"), "maxDistanceMeters");
        if (distance <= 0) throw UserError.BadInput("maxDistanceMeters: must be more than 0.", "maxDistanceMeters");
        var method = c.GetArgument("method", AccessibilityMethod.TwoStepFloatingCatchment);
        var weights = c.GetArgument<List<double>?>("zoneWeights");
        if (weights is not null)
        {
            if (method != AccessibilityMethod.EnhancedTwoStepFloatingCatchment)
                throw UserError.BadInput("zoneWeights: only the enhanced method uses distance zones.", "zoneWeights");
            if (weights.Count is < 1 or > 10 || weights.Any(w => !double.IsFinite(w) || w is < 0 or > 1))
                throw UserError.BadInput("zoneWeights: give 1 to 10 weights, each from 0 to 1.", "zoneWeights");
        }
        var min = c.GetArgument<double?>("minAccessibilityIndex");
        if (min is { } m && (!double.IsFinite(m) || m < 0)) throw UserError.BadInput("minAccessibilityIndex: must be 0 or more.", "minAccessibilityIndex");
        var snapshot = await c.Service<SpatialLoader>().CurrentAsync(c.CancellationToken);
        return (snapshot, new CoverageRequest(group, distance, method, weights, min));
    }

    private static HashSet<int>? Scope(IResolveFieldContext c, SpatialSnapshot snapshot)
    {
        if (c.GetArgument<string?>("areaId") is not { } areaId) return null;
        var id = GlobalId.Decode(areaId, GlobalId.Area, "areaId");
        if (snapshot.Area(id) is null) throw UserError.NotFound($"areaId: there is no area {id}.", "areaId");
        return snapshot.SelfAndDescendants(id);
    }

    private static Geometry Boundary(IResolveFieldContext c, SpatialSnapshot snapshot)
    {
        var id = GlobalId.Decode(c.GetArgument<string>("areaId"), GlobalId.Area, "areaId");
        var area = snapshot.Area(id) ?? throw UserError.NotFound($"areaId: there is no area {id}.", "areaId");
        return area.Boundary ?? throw UserError.BadInput($"areaId: the area '{area.Name}' has no boundary to lay a grid over.", "areaId");
    }

    internal static double CellSize(double meters, Geometry clip)
    {
        if (!double.IsFinite(meters) || meters < 10 || meters > 100_000)
            throw UserError.BadInput($"cellSizeMeters: must be from 10 to 100,000 metres, not {meters}.", "cellSizeMeters");
        var cells = Graph.Spatial.PopulationGrid.CountCells(clip, meters);
        if (cells > MaxGridCells)
            throw UserError.BadInput($"cellSizeMeters: {meters:N0} m cells would make {cells:N0} cells over this area; at most {MaxGridCells:N0} are allowed, so choose larger cells.", "cellSizeMeters");
        return meters;
    }

    internal static double DefaultCellSize(double maxDistanceMeters, Geometry clip)
    {
        var size = Math.Clamp(maxDistanceMeters / 4, 10, 100_000);
        while (Graph.Spatial.PopulationGrid.CountCells(clip, size) > MaxGridCells) size *= 1.25;
        return size;
    }
}
