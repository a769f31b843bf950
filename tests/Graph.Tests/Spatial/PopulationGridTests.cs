using NetTopologySuite.Geometries;
using ResourceMap.Graph.Spatial;

namespace ResourceMap.Graph.Tests.Spatial;

public class PopulationGridTests
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>A square of the given side in metres centred on a point: 111 341.9 m per degree of latitude and 62 392.6 m per degree of longitude at 56° N.</summary>
    private static Polygon Square(double lat, double lon, double sideMeters, double metresPerDegreeLat = 111_341.9, double metresPerDegreeLon = 62_392.6)
    {
        var dLat = sideMeters / 2 / metresPerDegreeLat;
        var dLon = sideMeters / 2 / metresPerDegreeLon;
        return Factory.CreatePolygon([new(lon - dLon, lat - dLat), new(lon + dLon, lat - dLat), new(lon + dLon, lat + dLat), new(lon - dLon, lat + dLat), new(lon - dLon, lat - dLat)]);
    }

    [Fact]
    public void A_2_km_square_in_1_km_cells_spreads_its_people_evenly()
    {
        var area = Square(56.0, 24.0, 2_000);
        var cells = PopulationGrid.Build(area, 1_001, [new PopulatedArea(area, 400)]);
        // 2 000 m / 1 001 m → 2 × 2 cells; the last row and column are clipped to 999 m.
        Assert.Equal(4, cells.Count);
        Assert.Equal(400, cells.Sum(c => c.Population), 6);
        foreach (var cell in cells) Assert.InRange(cell.Population, 99.0, 101.0);
        foreach (var cell in cells) Assert.True(area.Covers(cell.Boundary.Centroid) && cell.Boundary.Covers(Factory.CreatePoint(new Coordinate(cell.Longitude, cell.Latitude))));
    }

    [Fact]
    public void Clipping_keeps_only_the_people_inside_the_clip()
    {
        var area = Square(56.0, 24.0, 2_000);
        var westHalf = Factory.CreatePolygon(area.Coordinates.Select(c => new Coordinate(Math.Min(c.X, 24.0), c.Y)).ToArray());
        var cells = PopulationGrid.Build(westHalf, 250, [new PopulatedArea(area, 400)]);
        Assert.Equal(200, cells.Sum(c => c.Population), 1);
        Assert.All(cells, c => Assert.True(c.Boundary.Area > 0 && westHalf.Buffer(1e-9).Covers(c.Boundary)));
    }

    [Fact]
    public void Two_areas_each_give_their_own_density()
    {
        var west = Square(56.0, 23.98, 1_000);
        var east = Square(56.0, 24.02, 1_000);
        var both = Factory.CreateMultiPolygon([west, east]);
        var cells = PopulationGrid.Build(both, 501, [new PopulatedArea(west, 100), new PopulatedArea(east, 1000)]);
        Assert.Equal(1100, cells.Sum(c => c.Population), 3);
        Assert.Equal(100, cells.Where(c => c.Longitude < 24).Sum(c => c.Population), 3);
        // The envelope spans 0.04° × 62 392.6 m + 1 000 m = 3 496 m by 1 000 m: 7 × 2 cells of 501 m, of which the
        // empty middle ones are left out.
        Assert.Equal(14L, PopulationGrid.CountCells(both, 501));
        Assert.True(cells.Count < 14);
    }
}
