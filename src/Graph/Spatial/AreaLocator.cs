using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace ResourceMap.Graph.Spatial;

/// <summary>
/// Answers which areas a point lies in. Boundaries (WGS84 polygons or multipolygons) sit in an STR R-tree by envelope and
/// are tested exactly as prepared geometries, so a query is O(log n) plus one point-in-polygon test, O(log v) after
/// preparation, per area whose envelope holds the point. A point on a boundary lies in the area; a point in a hole does not.
/// </summary>
public sealed class AreaLocator
{
    private readonly STRtree<int> _tree = new();
    private readonly IPreparedGeometry[] _prepared;
    private readonly double[] _sizes;
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

    /// <param name="boundaries">One boundary per area; null for an area without one, which no point lies in.</param>
    public AreaLocator(IReadOnlyList<Geometry?> boundaries)
    {
        _prepared = new IPreparedGeometry[boundaries.Count];
        _sizes = new double[boundaries.Count];
        for (var i = 0; i < boundaries.Count; i++)
        {
            if (boundaries[i] is not { IsEmpty: false } boundary) continue;
            _prepared[i] = PreparedGeometryFactory.Prepare(boundary);
            _sizes[i] = boundary.Area;
            _tree.Insert(boundary.EnvelopeInternal, i);
        }
        _tree.Build();
    }

    /// <summary>Positions of the areas holding the point, the smallest (most specific) first.</summary>
    public List<int> AreasAt(double latitude, double longitude)
    {
        var point = _factory.CreatePoint(new Coordinate(longitude, latitude));
        var found = _tree.Query(point.EnvelopeInternal).Where(i => _prepared[i].Covers(point)).ToList();
        found.Sort((a, b) => _sizes[a] != _sizes[b] ? _sizes[a].CompareTo(_sizes[b]) : a.CompareTo(b));
        return found;
    }
}
