using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace ResourceMap.Api.Geo;

/// <summary>
/// Latvia's national grid, LKS-92 / Latvia TM (EPSG:3059), in which the State Land Service publishes administrative
/// boundaries: a transverse Mercator on GRS 80 (central meridian 24° E, scale 0.9996, false easting 500,000 m, false
/// northing −6,000,000 m) on the LKS-92 datum, which is ETRS89 and coincides with WGS84 to well under a metre. Coordinates
/// are taken in GIS order, easting first, as GDAL and QGIS write GeoJSON and shapefiles. Reprojected with ProjNET.
/// </summary>
public static class Lks92
{
    private const string Wkt =
        "PROJCS[\"LKS92 / Latvia TM\",GEOGCS[\"LKS92\",DATUM[\"Latvia_1992\",SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]]," +
        "TOWGS84[0,0,0,0,0,0,0],AUTHORITY[\"EPSG\",\"6661\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]]," +
        "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4661\"]],PROJECTION[\"Transverse_Mercator\"]," +
        "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",24],PARAMETER[\"scale_factor\",0.9996]," +
        "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",-6000000],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]]," +
        "AUTHORITY[\"EPSG\",\"3059\"]]";

    private static readonly Lazy<MathTransform> ToWgs84Transform = new(() => new CoordinateTransformationFactory()
        .CreateFromCoordinateSystems(new CoordinateSystemFactory().CreateFromWkt(Wkt), GeographicCoordinateSystem.WGS84)
        .MathTransform);

    /// <summary>Longitude and latitude (WGS84 degrees) of a point given in LKS-92 metres.</summary>
    public static (double Longitude, double Latitude) ToWgs84(double easting, double northing)
    {
        // ProjNET's transforms keep state between calls: one at a time.
        lock (ToWgs84Transform) return ToWgs84Transform.Value.Transform(easting, northing);
    }

    /// <summary>Whether the name of a GeoJSON <c>crs</c> member (the 2008 draft's, as GDAL and QGIS write it) names EPSG:3059.</summary>
    public static bool IsNamedBy(string? crsName) =>
        crsName is not null && (crsName.EndsWith("EPSG::3059", StringComparison.OrdinalIgnoreCase) || crsName.Equals("EPSG:3059", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The GeoJSON geometry with every position reprojected to WGS84, in place: positions are the innermost arrays of
    /// <c>coordinates</c>, whatever the geometry's type; what is not a position is left for the geometry's checks. Null
    /// when all went well, else the first position outside Latvia's grid (nothing is changed then): degrees labelled as
    /// metres, or a file from elsewhere.
    /// </summary>
    public static string? ReprojectGeometry(object? geometry)
    {
        if (geometry is not IDictionary<string, object?> g || !g.TryGetValue("coordinates", out var coordinates)) return null;
        var positions = new List<IList<object?>>();
        Positions(coordinates, positions);
        if (positions.FirstOrDefault(p => !InGrid((double)p[0]!, (double)p[1]!)) is { } outside)
            return $"({outside[0]}, {outside[1]}) is outside LKS-92's grid over Latvia (eastings about 300,000–770,000 m, northings 160,000–450,000 m)";
        foreach (var position in positions) (position[0], position[1]) = ToWgs84((double)position[0]!, (double)position[1]!);
        return null;
    }

    /// <summary>Within EPSG:3059's area of use (Latvia, onshore and offshore) with a margin of tens of kilometres.</summary>
    private static bool InGrid(double easting, double northing) => easting is >= 250_000 and <= 820_000 && northing is >= 100_000 and <= 500_000;

    private static void Positions(object? value, List<IList<object?>> found)
    {
        if (value is not IList<object?> list) return;
        if (list.Count >= 2 && list[0] is double && list[1] is double)
        {
            found.Add(list);
            return;
        }
        foreach (var item in list) Positions(item, found);
    }
}
