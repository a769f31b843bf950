using ResourceMap.Api.Geo;
using ResourceMap.Graph.Spatial;

namespace ResourceMap.Api.Tests;

/// <summary>Latvia's national grid (EPSG:3059) to WGS84, against the projection's definition and PROJ's answers.</summary>
public class Lks92Tests
{
    [Fact]
    public void The_central_meridian_is_24_degrees_east_and_the_false_easting_500_km()
    {
        // Any point with the false easting lies on the central meridian, whatever its northing.
        Assert.Equal(24.0, Lks92.ToWgs84(500_000, 311_995).Longitude, 9);
        Assert.Equal(24.0, Lks92.ToWgs84(500_000, 180_000).Longitude, 9);
        // Eastings grow eastwards: 21 km east of the meridian at Rīga's latitude is about a third of a degree.
        Assert.InRange(Lks92.ToWgs84(521_000, 311_995).Longitude - 24, 0.33, 0.36);
    }

    [Fact]
    public void The_Freedom_Monument_in_Riga_lands_within_a_metre_of_its_WGS84_place()
    {
        // The monument at 56.951522 N, 24.113292 E is E 506,891.193 m, N 311,995.308 m in LKS-92 by PROJ 9.1
        // (gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3059), an implementation independent of ProjNET.
        var (longitude, latitude) = Lks92.ToWgs84(506_891.193, 311_995.308);
        var metres = Geodesic.DistanceMeters(latitude, longitude, 56.951522, 24.113292);
        Assert.True(metres < 1, $"{metres:F3} m away");
        Assert.True(metres < 0.01, $"{metres:F3} m away: the two projections should agree to the centimetre");
    }

    [Fact]
    public void A_geojson_geometry_is_reprojected_in_place_and_other_values_are_left_alone()
    {
        var geometry = new Dictionary<string, object?>
        {
            ["type"] = "Polygon",
            ["coordinates"] = new List<object?> { new List<object?> { new List<object?> { 506_891.193, 311_995.308 }, new List<object?> { "x", 1.0 } } },
        };
        Assert.Null(Lks92.ReprojectGeometry(geometry));
        var ring = (List<object?>)((List<object?>)geometry["coordinates"]!)[0]!;
        var first = (List<object?>)ring[0]!;
        Assert.Equal(24.113292, (double)first[0]!, 6);
        Assert.Equal(56.951522, (double)first[1]!, 6);
        Assert.Equal(new List<object?> { "x", 1.0 }, ring[1]); // not a position: left for the geometry's checks to refuse
    }
}
