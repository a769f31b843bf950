namespace ResourceMap.Graph.Spatial;

/// <summary>
/// Distances on the WGS84 ellipsoid by Vincenty's inverse formula (T. Vincenty, "Direct and inverse solutions of
/// geodesics on the ellipsoid with application of nested equations", Survey Review 23(176), 1975): accurate to well under a
/// millimetre wherever it converges; for nearly antipodal points, where it may not, it falls back to the great-circle
/// distance on the mean sphere (error below 0.5 %). O(1) with at most 200 iterations.
/// </summary>
public static class Geodesic
{
    public const double SemiMajorAxisMeters = 6378137.0;
    public const double Flattening = 1 / 298.257223563;
    public const double SemiMinorAxisMeters = SemiMajorAxisMeters * (1 - Flattening);
    public const double MeanRadiusMeters = 6371008.8;

    /// <summary>Half the meridian circumference: no two points on Earth are farther apart along the surface.</summary>
    public const double HalfCircumferenceMeters = 20_003_931.5;

    /// <summary>Geodesic distance in metres between two WGS84 points given in degrees.</summary>
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        const double a = SemiMajorAxisMeters, b = SemiMinorAxisMeters, f = Flattening;
        var l = ToRadians(lon2 - lon1);
        var u1 = Math.Atan((1 - f) * Math.Tan(ToRadians(lat1)));
        var u2 = Math.Atan((1 - f) * Math.Tan(ToRadians(lat2)));
        double sinU1 = Math.Sin(u1), cosU1 = Math.Cos(u1), sinU2 = Math.Sin(u2), cosU2 = Math.Cos(u2);

        var lambda = l;
        for (var i = 0; i < 200; i++)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            var sinSigma = Math.Sqrt(Math.Pow(cosU2 * sinLambda, 2) + Math.Pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0) return 0; // coincident points
            var cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            var sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            var cosSqAlpha = 1 - sinAlpha * sinAlpha;
            var cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha; // equatorial line
            var c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
            var previous = lambda;
            lambda = l + (1 - c) * f * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - previous) < 1e-12)
            {
                var uSq = cosSqAlpha * (a * a - b * b) / (b * b);
                var bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                var bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                var deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                    - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
                return b * bigA * (sigma - deltaSigma);
            }
        }
        return GreatCircleMeters(lat1, lon1, lat2, lon2);
    }

    /// <summary>Haversine distance on the mean sphere, in metres.</summary>
    public static double GreatCircleMeters(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLon = ToRadians(lon2 - lon1);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * MeanRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>A latitude/longitude box; <see cref="West"/> &gt; <see cref="East"/> when it crosses the antimeridian.</summary>
public readonly record struct GeoBox(double South, double West, double North, double East)
{
    public bool CrossesAntimeridian => West > East;

    public bool Contains(double latitude, double longitude) =>
        latitude >= South && latitude <= North &&
        (CrossesAntimeridian ? longitude >= West || longitude <= East : longitude >= West && longitude <= East);

    /// <summary>
    /// A box sure to contain every point within <paramref name="radiusMeters"/> of the centre, for a cheap indexed
    /// pre-filter before the exact geodesic test. Degrees of latitude are at least 110.5 km long on WGS84; the 1 % margin
    /// covers the ellipsoid's deviation from the sphere used for longitude.
    /// </summary>
    public static GeoBox Around(double latitude, double longitude, double radiusMeters)
    {
        var dLat = radiusMeters / 110_500.0 * 1.01;
        var south = Math.Max(-90, latitude - dLat);
        var north = Math.Min(90, latitude + dLat);
        var widest = Math.Max(Math.Abs(south), Math.Abs(north));
        if (widest >= 89.9) return new GeoBox(south, -180, north, 180);
        var dLon = radiusMeters / (111_320.0 * Math.Cos(widest * Math.PI / 180)) * 1.01;
        if (dLon >= 180) return new GeoBox(south, -180, north, 180);
        var west = longitude - dLon;
        var east = longitude + dLon;
        if (west < -180) west += 360;
        if (east > 180) east -= 360;
        return new GeoBox(south, west, north, east);
    }
}
