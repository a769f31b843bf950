using NetTopologySuite.Geometries;

namespace ResourceMap.Graph.Spatial;

/// <summary>
/// An equirectangular projection to metres about a reference point, scaled by the WGS84 meridian and prime-vertical radii
/// of curvature at that latitude. Over a municipality (tens of kilometres) lengths and areas are off by well under 1 %,
/// which is what area weighting and grid cells of a chosen size in metres need; it is not meant for whole countries.
/// </summary>
public sealed class LocalProjection
{
    private readonly double _latitude0;
    private readonly double _longitude0;
    private readonly double _metresPerDegreeX;
    private readonly double _metresPerDegreeY;

    public LocalProjection(double latitude, double longitude)
    {
        const double a = Geodesic.SemiMajorAxisMeters;
        var e2 = Geodesic.Flattening * (2 - Geodesic.Flattening);
        var phi = latitude * Math.PI / 180;
        var w = Math.Sqrt(1 - e2 * Math.Sin(phi) * Math.Sin(phi));
        var meridian = a * (1 - e2) / (w * w * w);
        var primeVertical = a / w;
        _latitude0 = latitude;
        _longitude0 = longitude;
        _metresPerDegreeY = meridian * Math.PI / 180;
        _metresPerDegreeX = primeVertical * Math.Cos(phi) * Math.PI / 180;
    }

    /// <summary>A projection centred on a geometry's envelope.</summary>
    public static LocalProjection Around(Geometry geometry)
    {
        var centre = geometry.EnvelopeInternal.Centre;
        return new LocalProjection(centre.Y, centre.X);
    }

    public Geometry ToMetres(Geometry lonLat) => Transform(lonLat, (x, y) =>
        ((x - _longitude0) * _metresPerDegreeX, (y - _latitude0) * _metresPerDegreeY));

    public Geometry ToDegrees(Geometry metres) => Transform(metres, (x, y) =>
        (_longitude0 + x / _metresPerDegreeX, _latitude0 + y / _metresPerDegreeY));

    public (double Latitude, double Longitude) ToDegrees(double x, double y) =>
        (_latitude0 + y / _metresPerDegreeY, _longitude0 + x / _metresPerDegreeX);

    private static Geometry Transform(Geometry geometry, Func<double, double, (double, double)> map)
    {
        var copy = geometry.Copy();
        copy.Apply(new Mapper(map));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class Mapper(Func<double, double, (double, double)> map) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = map(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
