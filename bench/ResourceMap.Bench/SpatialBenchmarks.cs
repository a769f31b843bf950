using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;
using ResourceMap.Graph.Spatial;

namespace ResourceMap.Bench;

/// <summary>
/// The spatial kernels at the sizes: a within-2-km query over 100,000 resources (R-tree against a full scan), and
/// E2SFCA for 10,000 population cells and 2,000 resources (R-tree pairs against all pairs). Points are spread uniformly
/// over a 100 km × 100 km square around Latvia's centre (56.9° N, 24.6° E).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SpatialBenchmarks
{
    private const double Lat0 = 56.9, Lon0 = 24.6;
    private const double DegreesLat = 100_000 / 111_400.0, DegreesLon = 100_000 / 60_800.0; // 100 km at 56.9° N
    private PointIndex _resources = null!;
    private (double Lat, double Lon)[] _queries = null!;
    private int _next;
    private List<DemandPoint> _cells = null!;
    private List<SupplyPoint> _supply = null!;
    private Geometry _region = null!;
    private List<PopulatedArea> _parishes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        (double, double) Anywhere() => (Lat0 + (random.NextDouble() - 0.5) * DegreesLat, Lon0 + (random.NextDouble() - 0.5) * DegreesLon);
        var points = Enumerable.Range(0, 100_000).Select(_ => Anywhere()).ToList();
        _resources = new PointIndex(points.Select(p => p.Item1).ToList(), points.Select(p => p.Item2).ToList());
        _queries = Enumerable.Range(0, 1_000).Select(_ => Anywhere()).ToArray();

        // 100 × 100 cells of 1 km, each with 0–200 people, and 2,000 resources.
        _cells = [];
        for (var row = 0; row < 100; row++)
            for (var column = 0; column < 100; column++)
                _cells.Add(new DemandPoint(Lat0 - DegreesLat / 2 + (row + 0.5) * DegreesLat / 100, Lon0 - DegreesLon / 2 + (column + 0.5) * DegreesLon / 100, random.Next(0, 200)));
        _supply = Enumerable.Range(0, 2_000).Select(_ => Anywhere()).Select(p => new SupplyPoint(p.Item1, p.Item2)).ToList();

        // The same square as 100 parishes of 10 km × 10 km, for the areal-weighting grid.
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        Polygon Box(double south, double west, double north, double east) =>
            factory.CreatePolygon([new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);
        var (s, w) = (Lat0 - DegreesLat / 2, Lon0 - DegreesLon / 2);
        _region = Box(s, w, s + DegreesLat, w + DegreesLon);
        _parishes = [];
        for (var i = 0; i < 10; i++)
            for (var j = 0; j < 10; j++)
                _parishes.Add(new PopulatedArea(Box(s + i * DegreesLat / 10, w + j * DegreesLon / 10, s + (i + 1) * DegreesLat / 10, w + (j + 1) * DegreesLon / 10), random.Next(500, 20_000)));
    }

    private (double Lat, double Lon) NextQuery() => _queries[_next++ % _queries.Length];

    [Benchmark(Description = "Within 2 km of a point, 100,000 resources (R-tree)")]
    public int Within_2km_index()
    {
        var (lat, lon) = NextQuery();
        return _resources.WithinDistance(lat, lon, 2_000).Count;
    }

    [Benchmark(Description = "Within 2 km of a point, 100,000 resources (full scan)")]
    public int Within_2km_scan()
    {
        var (lat, lon) = NextQuery();
        return _resources.WithinDistanceByScan(lat, lon, 2_000).Count;
    }

    [Benchmark(Description = "10 nearest of 100,000 resources (R-tree)")]
    public int Nearest_10()
    {
        var (lat, lon) = NextQuery();
        return _resources.Nearest(lat, lon, 10).Count;
    }

    [Benchmark(Description = "E2SFCA, 10,000 cells × 2,000 resources, 5 km (R-tree pairs)")]
    public double E2sfca_index() => FloatingCatchment.Compute(_cells, _supply, new CatchmentOptions(5_000, CatchmentOptions.GaussianZoneWeights())).Accessibility[0];

    [Benchmark(Description = "E2SFCA, 10,000 cells × 2,000 resources, 5 km (all pairs)")]
    public double E2sfca_all_pairs() => AllPairsCatchment(_cells, _supply, new CatchmentOptions(5_000, CatchmentOptions.GaussianZoneWeights()))[0];

    [Benchmark(Description = "Population grid, 1 km cells over 100 parishes (10,000 cells)")]
    public int Grid() => PopulationGrid.Build(_region, 1_000, _parishes).Count;

    /// <summary>The textbook O(S·D) 2SFCA: every resource against every cell, for comparison.</summary>
    private static double[] AllPairsCatchment(List<DemandPoint> demand, List<SupplyPoint> supply, CatchmentOptions options)
    {
        var distances = new double[supply.Count, demand.Count];
        var ratios = new double[supply.Count];
        for (var j = 0; j < supply.Count; j++)
        {
            var weighted = 0.0;
            for (var i = 0; i < demand.Count; i++)
            {
                var d = distances[j, i] = Geodesic.DistanceMeters(supply[j].Latitude, supply[j].Longitude, demand[i].Latitude, demand[i].Longitude);
                weighted += options.Weight(d) * demand[i].Population;
            }
            ratios[j] = weighted > 0 ? supply[j].Capacity / weighted : 0;
        }
        var accessibility = new double[demand.Count];
        for (var i = 0; i < demand.Count; i++)
            for (var j = 0; j < supply.Count; j++)
                accessibility[i] += options.Weight(distances[j, i]) * ratios[j];
        return accessibility;
    }
}
