using NetTopologySuite.Geometries;
using ResourceMap.Graph.Spatial;

namespace ResourceMap.Graph.Tests.Spatial;

public class AreaLocatorTests
{
    private static readonly GeometryFactory Factory = new();

    private static Polygon Box(double west, double south, double east, double north, params Polygon[] holes) =>
        Factory.CreatePolygon(Factory.CreateLinearRing([new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]),
            holes.Select(h => (LinearRing)h.ExteriorRing).ToArray());

    [Fact]
    public void A_point_lies_in_the_smallest_area_first_and_in_each_area_around_it()
    {
        var city = Box(26.4, 55.8, 26.7, 56.0);
        var neighbourhood = Box(26.5, 55.85, 26.55, 55.9);
        var locator = new AreaLocator([city, neighbourhood, null]);
        Assert.Equal([1, 0], locator.AreasAt(55.87, 26.52));
        Assert.Equal([0], locator.AreasAt(55.95, 26.45));
        Assert.Empty(locator.AreasAt(57.0, 25.0));
    }

    [Fact]
    public void Boundaries_belong_to_the_area_and_holes_do_not()
    {
        var lake = Box(24.4, 56.4, 24.6, 56.6);
        var parish = Box(24.0, 56.0, 25.0, 57.0, lake);
        var locator = new AreaLocator([parish]);
        Assert.Equal([0], locator.AreasAt(56.0, 24.5));   // on the southern edge
        Assert.Equal([0], locator.AreasAt(57.0, 25.0));   // on a corner
        Assert.Empty(locator.AreasAt(56.5, 24.5));        // inside the hole
        Assert.Equal([0], locator.AreasAt(56.4, 24.5));   // on the hole's edge
        Assert.Empty(locator.AreasAt(56.0, 25.000001));   // just outside the corner
    }

    [Fact]
    public void Two_neighbours_share_their_common_edge()
    {
        var west = Box(24.0, 56.0, 24.5, 56.5);
        var east = Box(24.5, 56.0, 25.0, 56.5);
        var locator = new AreaLocator([west, east]);
        Assert.Equal([0, 1], locator.AreasAt(56.2, 24.5));
    }

    [Fact]
    public void A_multipolygon_holds_points_in_each_of_its_parts()
    {
        var islands = Factory.CreateMultiPolygon([Box(21.0, 57.0, 21.1, 57.1), Box(22.0, 57.0, 22.1, 57.1)]);
        var locator = new AreaLocator([islands]);
        Assert.Equal([0], locator.AreasAt(57.05, 21.05));
        Assert.Equal([0], locator.AreasAt(57.05, 22.05));
        Assert.Empty(locator.AreasAt(57.05, 21.5));
    }
}
