using NetTopologySuite.Geometries;
using ResourceMap.Graph.Spatial;

namespace ResourceMap.Graph.Tests.Spatial;

public class PointIndexTests
{
    private static (List<double> Lat, List<double> Lon) RandomPoints(int n, int seed, double lat0 = 56.9, double lon0 = 24.1, double spread = 0.3)
    {
        var random = new Random(seed);
        var lat = new List<double>();
        var lon = new List<double>();
        for (var i = 0; i < n; i++)
        {
            lat.Add(lat0 + (random.NextDouble() - 0.5) * spread);
            lon.Add(lon0 + (random.NextDouble() - 0.5) * spread * 1.8);
        }
        return (lat, lon);
    }

    [Theory]
    [InlineData(500.0)]
    [InlineData(2_000.0)]
    [InlineData(15_000.0)]
    public void Within_distance_finds_exactly_what_a_full_scan_finds(double meters)
    {
        var (lat, lon) = RandomPoints(3_000, seed: 7);
        var index = new PointIndex(lat, lon);
        var random = new Random(11);
        for (var q = 0; q < 25; q++)
        {
            var (qLat, qLon) = (56.9 + (random.NextDouble() - 0.5) * 0.3, 24.1 + (random.NextDouble() - 0.5) * 0.5);
            Assert.Equal(index.WithinDistanceByScan(qLat, qLon, meters), index.WithinDistance(qLat, qLon, meters));
        }
    }

    [Fact]
    public void Nearest_returns_the_k_closest_in_order()
    {
        var (lat, lon) = RandomPoints(2_000, seed: 3);
        var index = new PointIndex(lat, lon);
        var all = index.WithinDistanceByScan(56.95, 24.2, double.MaxValue);
        var nearest = index.Nearest(56.95, 24.2, 10);
        Assert.Equal(all.Take(10), nearest);
        Assert.Equal(all.Where(h => h.Index % 2 == 0).Take(5), index.Nearest(56.95, 24.2, 5, accept: i => i % 2 == 0));
        Assert.Equal(all.TakeWhile(h => h.Meters <= 300).Take(50), index.Nearest(56.95, 24.2, 50, maxMeters: 300));
    }

    [Fact]
    public void Nearest_searches_far_when_the_only_points_are_far()
    {
        var index = new PointIndex([55.8750], [26.5362]); // Daugavpils
        var hit = Assert.Single(index.Nearest(57.3119, 25.2700, 3)); // from Cēsis
        Assert.Equal(177_901.405, hit.Meters, 0.01);
    }

    [Fact]
    public void Distance_queries_cross_the_antimeridian()
    {
        var index = new PointIndex([-17.0, -17.0, -17.0], [179.99, -179.99, 0.0]);
        var hits = index.WithinDistance(-17.0, 179.999, 5_000);
        Assert.Equal([0, 1], hits.Select(h => h.Index).Order());
    }

    [Fact]
    public void Within_a_polygon_counts_its_boundary_and_not_its_hole()
    {
        var factory = new GeometryFactory();
        var shell = factory.CreateLinearRing([new(24, 56), new(25, 56), new(25, 57), new(24, 57), new(24, 56)]);
        var hole = factory.CreateLinearRing([new(24.4, 56.4), new(24.6, 56.4), new(24.6, 56.6), new(24.4, 56.6), new(24.4, 56.4)]);
        var polygon = factory.CreatePolygon(shell, [hole]);
        // 0 inside; 1 on the outer edge; 2 in the hole; 3 on the hole's edge (still in the area); 4 outside.
        var index = new PointIndex([56.2, 56.0, 56.5, 56.4, 57.5], [24.2, 24.5, 24.5, 24.5, 24.5]);
        Assert.Equal([0, 1, 3], index.Within(polygon));
        Assert.Equal([0, 1, 2, 3], index.InBox(new GeoBox(56, 24, 57, 25)));
    }
}
