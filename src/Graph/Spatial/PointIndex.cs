using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace ResourceMap.Graph.Spatial;

/// <summary>A point found by a distance query: its position in the index's input and its geodesic distance in metres.</summary>
public readonly record struct PointHit(int Index, double Meters)
{
    /// <summary>Nearest first; equal distances by input order, so results do not depend on the tree's layout.</summary>
    public static int NearestFirst(PointHit a, PointHit b) => a.Meters != b.Meters ? a.Meters.CompareTo(b.Meters) : a.Index.CompareTo(b.Index);
}

/// <summary>
/// Points on the WGS84 ellipsoid in a sort-tile-recursive R-tree (Leutenegger, Lopez and Edgington, "STR: a simple and
/// efficient algorithm for R-tree packing", ICDE 1997; NetTopologySuite's <see cref="STRtree{T}"/>). Distance queries
/// narrow to a latitude/longitude box that surely holds every point in reach, then keep the points whose Vincenty distance
/// is within it. Building is O(n log n); a box query is O(log n + k) for k points in the box.
/// </summary>
public sealed class PointIndex
{
    private readonly STRtree<int> _tree = new();
    private readonly double[] _latitudes;
    private readonly double[] _longitudes;

    public PointIndex(IReadOnlyList<double> latitudes, IReadOnlyList<double> longitudes)
    {
        if (latitudes.Count != longitudes.Count) throw new ArgumentException("As many latitudes as longitudes are needed.");
        _latitudes = [.. latitudes];
        _longitudes = [.. longitudes];
        for (var i = 0; i < _latitudes.Length; i++) _tree.Insert(new Envelope(_longitudes[i], _longitudes[i], _latitudes[i], _latitudes[i]), i);
        _tree.Build();
    }

    public int Count => _latitudes.Length;
    public double Latitude(int index) => _latitudes[index];
    public double Longitude(int index) => _longitudes[index];

    /// <summary>The points in a box (edges included), in input order.</summary>
    public List<int> InBox(GeoBox box)
    {
        var found = new List<int>();
        foreach (var envelope in Envelopes(box)) found.AddRange(_tree.Query(envelope));
        found.Sort();
        return found;
    }

    /// <summary>The points within <paramref name="meters"/> of a point, nearest first (ties by input order).</summary>
    public List<PointHit> WithinDistance(double latitude, double longitude, double meters, Func<int, bool>? accept = null)
    {
        var hits = new List<PointHit>();
        foreach (var envelope in Envelopes(GeoBox.Around(latitude, longitude, meters)))
        {
            foreach (var i in _tree.Query(envelope))
            {
                if (accept is not null && !accept(i)) continue;
                var d = Geodesic.DistanceMeters(latitude, longitude, _latitudes[i], _longitudes[i]);
                if (d <= meters) hits.Add(new PointHit(i, d));
            }
        }
        hits.Sort(PointHit.NearestFirst);
        return hits;
    }

    /// <summary>
    /// The <paramref name="count"/> nearest accepted points, nearest first, none farther than <paramref name="maxMeters"/>.
    /// The search radius doubles until it holds enough points: every point within the radius is found, so once it holds
    /// <paramref name="count"/> of them they are the nearest. O(log(D / r0)) box queries for the distance D to the last one.
    /// </summary>
    public List<PointHit> Nearest(double latitude, double longitude, int count, double maxMeters = Geodesic.HalfCircumferenceMeters,
        Func<int, bool>? accept = null, double startMeters = 1_000)
    {
        if (count <= 0 || Count == 0) return [];
        var radius = Math.Min(maxMeters, Math.Max(startMeters, 1));
        while (true)
        {
            var hits = WithinDistance(latitude, longitude, radius, accept);
            if (hits.Count >= count || radius >= maxMeters) return hits.Count > count ? hits.GetRange(0, count) : hits;
            radius = Math.Min(maxMeters, radius * 4);
        }
    }

    /// <summary>The points a polygon or multipolygon covers (its boundary included), in input order.</summary>
    public List<int> Within(Geometry area)
    {
        var prepared = PreparedGeometryFactory.Prepare(area);
        var factory = area.Factory;
        return _tree.Query(area.EnvelopeInternal)
            .Where(i => prepared.Covers(factory.CreatePoint(new Coordinate(_longitudes[i], _latitudes[i]))))
            .Order().ToList();
    }

    /// <summary>The same search without the index, for benchmarks and tests: O(n) distance computations.</summary>
    public List<PointHit> WithinDistanceByScan(double latitude, double longitude, double meters)
    {
        var hits = new List<PointHit>();
        for (var i = 0; i < _latitudes.Length; i++)
        {
            var d = Geodesic.DistanceMeters(latitude, longitude, _latitudes[i], _longitudes[i]);
            if (d <= meters) hits.Add(new PointHit(i, d));
        }
        hits.Sort(PointHit.NearestFirst);
        return hits;
    }

    private static IEnumerable<Envelope> Envelopes(GeoBox box)
    {
        if (!box.CrossesAntimeridian)
        {
            yield return new Envelope(box.West, box.East, box.South, box.North);
            yield break;
        }
        yield return new Envelope(box.West, 180, box.South, box.North);
        yield return new Envelope(-180, box.East, box.South, box.North);
    }
}
