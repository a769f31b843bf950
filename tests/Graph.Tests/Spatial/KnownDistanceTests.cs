using ResourceMap.Graph.Spatial;

namespace ResourceMap.Graph.Tests.Spatial;

public class KnownDistanceTests
{
    // Reference lengths from GeographicLib 2.0 (Karney's algorithm, an independent implementation on WGS84):
    //   Geodesic.WGS84.Inverse(57.3119, 25.2700, 55.8750, 26.5362)['s12'] = 177 901.405 m   (Cēsis → Daugavpils)
    //   Geodesic.WGS84.Inverse(57.3150, 25.3560, 57.3119, 25.2700)['s12'] =   5 193.875 m   (Priekuļi → Cēsis)
    [Theory]
    [InlineData(57.3119, 25.2700, 55.8750, 26.5362, 177_901.405)]
    [InlineData(57.3150, 25.3560, 57.3119, 25.2700, 5_193.875)]
    public void Latvian_distances_match_GeographicLib_within_half_a_percent(double lat1, double lon1, double lat2, double lon2, double expected)
    {
        var meters = Geodesic.DistanceMeters(lat1, lon1, lat2, lon2);
        Assert.InRange(meters, expected * 0.995, expected * 1.005);
        Assert.Equal(expected, meters, 0.01); // Vincenty and Karney agree to the millimetre at these distances.
    }
}
