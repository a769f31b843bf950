using NetTopologySuite.Geometries;
using ResourceMap.Api.Geo;
using ResourceMap.Graph.Spatial;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Coverage;

public enum AccessibilityMethod
{
    /// <summary>Two-step floating catchment area (Luo and Wang 2003): every resource within reach counts fully.</summary>
    TwoStepFloatingCatchment,
    /// <summary>Enhanced two-step floating catchment area (Luo and Qi 2009): resources count less in farther distance zones.</summary>
    EnhancedTwoStepFloatingCatchment,
}

/// <summary>What a planner asks: which target group, how far people can be expected to go, and by which method.</summary>
public sealed record CoverageRequest(
    string TargetGroup,
    double MaxDistanceMeters,
    AccessibilityMethod Method = AccessibilityMethod.TwoStepFloatingCatchment,
    IReadOnlyList<double>? ZoneWeights = null,
    double? MinAccessibilityIndex = null,
    int? ExcludedResourceId = null)
{
    public CatchmentOptions Options => new(MaxDistanceMeters,
        Method == AccessibilityMethod.EnhancedTwoStepFloatingCatchment ? ZoneWeights ?? CatchmentOptions.GaussianZoneWeights() : null);

    /// <summary>Per 1,000 people, the unit in which indices are reported.</summary>
    public const double PerThousand = 1_000;
}

/// <summary>A resource in reach of a place, how far it is and how much it counts there.</summary>
public sealed record ReachableResource(PlacedResource Resource, double DistanceMeters, double Weight);

/// <summary>The accessibility of one area for one target group.</summary>
public sealed record AreaCoverage(
    Area Area,
    int Population,
    IReadOnlyList<ReachableResource> Reachable,
    double AccessibilityIndex,
    double NearestResourceMeters,
    bool UnderServed,
    string? Reason)
{
    public int Rank { get; init; }

    /// <summary>Resources in reach per 1,000 people of the group; null when nobody of the group lives there.</summary>
    public double? ProviderToPopulationRatio => Population > 0 ? Reachable.Count * CoverageRequest.PerThousand / Population : null;
}

public sealed record CoverageResult(CoverageRequest Request, IReadOnlyList<AreaCoverage> Areas, IReadOnlyList<PlacedResource> ServingResources)
{
    public int Population => Areas.Sum(a => a.Population);
    public int CoveredPopulation => Areas.Where(a => a.Reachable.Count > 0).Sum(a => a.Population);
}

/// <summary>One cell of a coverage grid.</summary>
public sealed record CoverageCell(int Row, int Column, double Population, double AccessibilityIndex, int ReachableResources, double NearestResourceMeters, bool UnderServed);

/// <summary>
/// Accessibility of areas to the resources serving a target group. Demand points are the areas with a boundary and a
/// population count for the group that have no such area inside them (so a city counted by neighbourhoods is not counted
/// twice); each area's people are placed at its representative point (centroid). Supply points are the active resources
/// with a place that list the group. Indices are reported per 1,000 people of the group.
/// </summary>
public sealed class CoverageAnalysis
{
    private readonly SpatialSnapshot _snapshot;
    private readonly CoverageRequest _request;
    private readonly List<Area> _demandAreas;
    private readonly List<PlacedResource> _supply;
    private readonly FloatingCatchment _catchment;

    public CoverageAnalysis(SpatialSnapshot snapshot, CoverageRequest request)
    {
        _snapshot = snapshot;
        _request = request;
        _demandAreas = DemandAreas(snapshot, request.TargetGroup);
        _supply = ServingResources(snapshot, request);
        var demand = _demandAreas.Select(a =>
        {
            var point = AreaGeometry.RepresentativePoint(a.Boundary!);
            return new DemandPoint(point.Y, point.X, PopulationOf(a, request.TargetGroup));
        }).ToList();
        _catchment = FloatingCatchment.Compute(demand, _supply.Select(r => new SupplyPoint(r.Latitude, r.Longitude)).ToList(), request.Options);
    }

    public IReadOnlyList<PlacedResource> Supply => _supply;

    /// <summary>Every demand area inside <paramref name="scope"/> (all when null), the least accessible first.</summary>
    public CoverageResult Areas(IReadOnlySet<int>? scope)
    {
        var options = _request.Options;
        var rows = new List<AreaCoverage>();
        for (var i = 0; i < _demandAreas.Count; i++)
        {
            var area = _demandAreas[i];
            if (scope is not null && !scope.Contains(area.Id)) continue;
            var reachable = _catchment.ReachOf[i].Select(r => new ReachableResource(_supply[r.Supply], r.Meters, options.Weight(r.Meters))).ToList();
            var index = _catchment.Accessibility[i] * CoverageRequest.PerThousand;
            var (underServed, reason) = Judge(reachable.Count, index, _catchment.NearestSupplyMeters[i]);
            rows.Add(new AreaCoverage(area, PopulationOf(area, _request.TargetGroup), reachable, index, _catchment.NearestSupplyMeters[i], underServed, reason));
        }
        var ranked = rows.OrderBy(r => r.AccessibilityIndex).ThenByDescending(r => r.Population).ThenBy(r => r.Area.Id)
            .Select((r, i) => r with { Rank = i + 1 }).ToList();
        return new CoverageResult(_request, ranked, _supply);
    }

    /// <summary>The grid over an area: population spread from the demand areas by areal weighting, accessibility at each cell's point.</summary>
    public List<(GridCell Cell, CoverageCell Coverage)> Grid(Geometry clip, double cellSizeMeters, CancellationToken ct)
    {
        var cells = PopulationGrid.Build(clip, cellSizeMeters, PopulatedAreas(_demandAreas, _request.TargetGroup));
        return cells.Select(cell =>
        {
            ct.ThrowIfCancellationRequested();
            var (accessibility, reach, nearest) = _catchment.At(cell.Latitude, cell.Longitude);
            var index = accessibility * CoverageRequest.PerThousand;
            var underServed = cell.Population > 0 && Judge(reach.Count, index, nearest).UnderServed;
            return (cell, new CoverageCell(cell.Row, cell.Column, cell.Population, index, reach.Count, nearest, underServed));
        }).ToList();
    }

    private (bool UnderServed, string? Reason) Judge(int reachable, double index, double nearestMeters)
    {
        if (reachable == 0)
        {
            var nearest = double.IsPositiveInfinity(nearestMeters) ? "there is none anywhere" : $"the nearest is {nearestMeters:N0} m away";
            return (true, $"No resource for {_request.TargetGroup} within {_request.MaxDistanceMeters:N0} m; {nearest}.");
        }
        if (_request.MinAccessibilityIndex is { } min && index < min)
            return (true, $"Accessibility {index:0.###} per 1,000 is below the threshold {min:0.###}.");
        return (false, null);
    }

    /// <summary>Areas with a boundary and a count for the group, without such an area inside them.</summary>
    public static List<Area> DemandAreas(SpatialSnapshot snapshot, string targetGroup)
    {
        var candidates = snapshot.Areas.Where(a => a.Boundary is { IsEmpty: false } && a.Population.Any(p => p.TargetGroup == targetGroup)).ToList();
        var covering = new HashSet<int>();
        foreach (var area in candidates)
        {
            var parent = area.ParentId is { } p ? snapshot.Area(p) : null;
            while (parent is not null && covering.Add(parent.Id)) parent = parent.ParentId is { } pp ? snapshot.Area(pp) : null;
        }
        return candidates.Where(a => !covering.Contains(a.Id)).ToList();
    }

    /// <summary>Active resources with a place that serve the group, less the one the request imagines closed.</summary>
    public static List<PlacedResource> ServingResources(SpatialSnapshot snapshot, CoverageRequest request) =>
        snapshot.Resources.Where(r => r.Serves(request.TargetGroup) && r.Id != request.ExcludedResourceId).ToList();

    /// <summary>The demand areas as boundaries with the group's population, for spreading over grid cells.</summary>
    public static List<PopulatedArea> PopulatedAreas(IEnumerable<Area> demandAreas, string targetGroup) =>
        demandAreas.Select(a => new PopulatedArea(a.Boundary!, PopulationOf(a, targetGroup))).ToList();

    public static int PopulationOf(Area area, string targetGroup) => area.Population.FirstOrDefault(p => p.TargetGroup == targetGroup)?.Count ?? 0;
}
