using NetTopologySuite.Geometries;
using ResourceMap.Api.Geo;
using ResourceMap.Graph.Spatial;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Coverage;

public sealed record PlacementSuggestion(int Rank, double Latitude, double Longitude, double NewlyCoveredPopulation, Area? Area);

public sealed record PlacementResult(double CellSizeMeters, double Population, double CoveredBefore, IReadOnlyList<PlacementSuggestion> Suggestions)
{
    public double CoveredAfter => CoveredBefore + Suggestions.Sum(s => s.NewlyCoveredPopulation);
}

/// <summary>
/// Where k new resources for a target group would cover the most people not yet within reach of one: the area is cut into
/// grid cells carrying its population (areal weighting); a cell is covered when a serving resource lies within the distance
/// of its point; every cell's point is a candidate site; the sites are chosen by <see cref="MaximalCovering"/>.
/// </summary>
public static class Placement
{
    public static PlacementResult Suggest(SpatialSnapshot snapshot, CoverageRequest request, Geometry clip, int count, double cellSizeMeters, CancellationToken ct)
    {
        var cells = PopulationGrid.Build(clip, cellSizeMeters,
            CoverageAnalysis.PopulatedAreas(CoverageAnalysis.DemandAreas(snapshot, request.TargetGroup), request.TargetGroup));
        var supply = CoverageAnalysis.ServingResources(snapshot, request);
        var supplyIndex = new PointIndex(supply.Select(r => r.Latitude).ToList(), supply.Select(r => r.Longitude).ToList());
        var cellIndex = new PointIndex(cells.Select(c => c.Latitude).ToList(), cells.Select(c => c.Longitude).ToList());

        var weights = cells.Select(c => c.Population).ToList();
        var covered = cells.Select(c => supplyIndex.Nearest(c.Latitude, c.Longitude, 1, request.MaxDistanceMeters, startMeters: request.MaxDistanceMeters).Count > 0).ToList();
        var covers = cells.Select(c =>
        {
            ct.ThrowIfCancellationRequested();
            return (IReadOnlyList<int>)cellIndex.WithinDistance(c.Latitude, c.Longitude, request.MaxDistanceMeters)
                .Where(h => weights[h.Index] > 0).Select(h => h.Index).ToList();
        }).ToList();

        var picks = MaximalCovering.Solve(weights, covered, covers, count, ct);
        var suggestions = picks.Select((p, i) =>
        {
            var cell = cells[p.Candidate];
            return new PlacementSuggestion(i + 1, cell.Latitude, cell.Longitude, p.NewlyCovered, snapshot.AreasAt(cell.Latitude, cell.Longitude).FirstOrDefault());
        }).ToList();
        return new PlacementResult(cellSizeMeters, weights.Sum(), weights.Where((_, i) => covered[i]).Sum(), suggestions);
    }
}
