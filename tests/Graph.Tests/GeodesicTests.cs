using ResourceMap.Graph.Spatial;

namespace ResourceMap.Graph.Tests;

public class GeodesicTests
{
    private static double Dms(int degrees, int minutes, double seconds) => Math.Sign(degrees) * (Math.Abs(degrees) + minutes / 60.0 + seconds / 3600.0);

    [Fact]
    public void Flinders_Peak_to_Buninyong_matches_Vincentys_published_distance()
    {
        // Vincenty (1975) and Geoscience Australia's worked example: 54 972.271 m.
        var meters = Geodesic.DistanceMeters(-Dms(37, 57, 3.72030), Dms(144, 25, 29.52440), -Dms(37, 39, 10.15610), Dms(143, 55, 35.38390));
        Assert.Equal(54972.271, meters, 0.001);
    }

    [Fact]
    public void One_degree_of_longitude_on_the_equator_is_an_arc_of_the_semi_major_axis()
    {
        // On the equator the geodesic runs along it: a·π/180 = 6378137·π/180 = 111 319.4908 m.
        Assert.Equal(111319.4908, Geodesic.DistanceMeters(0, 0, 0, 1), 0.001);
    }

    [Fact]
    public void Pole_to_pole_is_twice_the_meridian_quadrant()
    {
        // The WGS84 meridian quadrant is 10 001 965.729 m (Karney 2013, Table 1 / GeographicLib).
        Assert.Equal(2 * 10001965.729, Geodesic.DistanceMeters(90, 0, -90, 0), 0.01);
    }

    [Fact]
    public void Nearly_antipodal_points_still_get_a_distance_within_half_a_percent()
    {
        // Vincenty's iteration fails here; half the equator (20 037 508.34 m) is the true geodesic length bound.
        var meters = Geodesic.DistanceMeters(0, 0, 0.5, 179.7);
        Assert.InRange(meters, 19_900_000, 20_037_509);
    }

    [Fact]
    public void Distance_is_zero_for_the_same_point_and_symmetric()
    {
        Assert.Equal(0, Geodesic.DistanceMeters(57.3119, 25.27, 57.3119, 25.27));
        Assert.Equal(Geodesic.DistanceMeters(57.3119, 25.27, 55.8747, 26.5362), Geodesic.DistanceMeters(55.8747, 26.5362, 57.3119, 25.27), 1e-6);
    }

    [Theory]
    [InlineData(56.0, 24.0, 1000.0)]
    [InlineData(57.3, 25.3, 50_000.0)]
    [InlineData(-33.9, 151.2, 2_000.0)]
    [InlineData(89.5, 10.0, 100_000.0)]
    [InlineData(0.0, 179.99, 5_000.0)]
    public void Box_around_a_point_holds_every_point_of_the_circle(double lat, double lon, double radius)
    {
        var box = GeoBox.Around(lat, lon, radius);
        // Walk the circle: points at the radius in 72 directions, found by bisection along each bearing's offset.
        for (var bearing = 0; bearing < 360; bearing += 5)
        {
            var (dLat, dLon) = (Math.Cos(bearing * Math.PI / 180), Math.Sin(bearing * Math.PI / 180));
            double lo = 0, hi = 10;
            for (var i = 0; i < 60; i++)
            {
                var mid = (lo + hi) / 2;
                var (pLat, pLon) = (Math.Clamp(lat + dLat * mid, -90, 90), Wrap(lon + dLon * mid));
                if (Geodesic.DistanceMeters(lat, lon, pLat, pLon) < radius) lo = mid; else hi = mid;
            }
            var (edgeLat, edgeLon) = (Math.Clamp(lat + dLat * lo, -90, 90), Wrap(lon + dLon * lo));
            Assert.True(box.Contains(edgeLat, edgeLon), $"bearing {bearing}: ({edgeLat}, {edgeLon}) is outside {box}");
        }
    }

    [Fact]
    public void Box_crossing_the_antimeridian_contains_both_sides_and_not_the_middle()
    {
        var box = GeoBox.Around(0, 179.99, 5_000);
        Assert.True(box.CrossesAntimeridian);
        Assert.True(box.Contains(0, 179.995));
        Assert.True(box.Contains(0, -179.99));
        Assert.False(box.Contains(0, 0));
    }

    private static double Wrap(double lon) => lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
}
