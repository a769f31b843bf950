using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using ResourceMap.Api.Resources;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Geo;

/// <summary>
/// The spatial conditions as PostGIS queries, on PostgreSQL, with the answers of the spatial snapshot's R-tree on the
/// other providers: distances on the WGS84 spheroid (<c>ST_DWithin</c>/<c>ST_Distance</c> on the stored geography
/// point, within a millimetre of our Vincenty), shapes and area boundaries as plane figures in longitude and latitude with
/// their edge inside (<c>ST_Covers</c> on geometry, as NetTopologySuite's <c>Covers</c>), nearest first and then by id.
/// </summary>
public static class PostGis
{
    private const int Wgs84 = 4326;

    /// <summary>Whether this database answers spatial conditions itself.</summary>
    public static bool Answers(ResourceMapDbContext db) => db.Database.IsNpgsql();

    private static Point At(double latitude, double longitude) => new(longitude, latitude) { SRID = Wgs84 };

    /// <summary>The stored geography point, written out in every lambda: EF translates it there, not through a helper.</summary>
    private const string Place = ResourceMapDbContext.GeographyColumn;

    private static IQueryable<Resource> WithinDistance(IQueryable<Resource> query, double latitude, double longitude, double meters)
    {
        var centre = At(latitude, longitude);
        return query.Where(r => EF.Property<Point>(r, Place).IsWithinDistance(centre, meters));
    }

    /// <summary>The resources that meet the filter's shape, area and distance conditions (not nearest; the box is plain SQL, <see cref="ResourceSearch.WithinBox"/>).</summary>
    public static IQueryable<Resource> Matching(ResourceMapDbContext db, IQueryable<Resource> query, ResourceFilter filter)
    {
        if (filter.Within is { } shape)
        {
            var plane = InWgs84(shape);
            var covered = db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Resources" WHERE ST_Covers({plane}, "Geography"::geometry)""");
            query = query.Where(r => covered.Contains(r.Id));
        }
        if (filter.WithinAreaId is { } areaId)
        {
            var inArea = db.Database.SqlQuery<int>($"""
                SELECT r."Id" AS "Value" FROM "Resources" r JOIN "Areas" a ON a."Id" = {areaId}
                WHERE ST_Covers(a."Boundary", r."Geography"::geometry)
                """);
            query = query.Where(r => inArea.Contains(r.Id));
        }
        if (filter.Near is { } near) query = WithinDistance(query, near.Latitude, near.Longitude, near.MaxDistanceMeters);
        return query;
    }

    /// <summary>
    /// The <c>where.location</c> condition: a subquery of the matching ids. Built while the filter is read, so the area's
    /// check is a query of its own, answered at once.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Resource, bool>> Condition(ResourceMapDbContext db, ResourceFilter filter)
    {
        if (filter.WithinAreaId is { } areaId) ResourceSearch.RequireBoundary(areaId, ResourceSearch.ShapeOf(db, areaId).FirstOrDefault());
        var matching = Matching(db, db.Resources, filter);
        if (filter.BoundingBox is { } box) matching = ResourceSearch.WithinBox(matching, box);
        var ids = matching.Select(r => r.Id);
        return r => ids.Contains(r.Id);
    }

    /// <summary>
    /// Ids of the resources of <paramref name="query"/> that pass the spatial filters: nearest first when a distance is
    /// involved, else by id (the filter's box is already in <paramref name="query"/>). The k nearest take two queries: the index's nearest-neighbour order (<c>&lt;-&gt;</c>,
    /// distances on a sphere) picks k candidates; every one of the true k nearest on the spheroid is then no farther than
    /// the farthest candidate, so a distance query with that radius, sorted on the spheroid, finds them exactly.
    /// </summary>
    public static async Task<List<int>> RankedAsync(ResourceMapDbContext db, IQueryable<Resource> query, ResourceFilter filter, CancellationToken ct)
    {
        query = Matching(db, query, filter);
        if (filter.Nearest is { } nearest)
        {
            var centre = At(nearest.Latitude, nearest.Longitude);
            var candidates = await WithinDistance(query, nearest.Latitude, nearest.Longitude, nearest.MaxDistanceMeters)
                .OrderBy(r => EF.Functions.DistanceKnn(EF.Property<Point>(r, Place), centre))
                .Take(nearest.Count)
                .Select(r => EF.Property<Point>(r, Place).Distance(centre))
                .ToListAsync(ct);
            // A centimetre more: ST_DWithin and ST_Distance compute apart, and the farthest candidate must stay in.
            var radius = candidates.Count == nearest.Count ? Math.Min(candidates.Max() + 0.01, nearest.MaxDistanceMeters) : nearest.MaxDistanceMeters;
            return await ByDistance(WithinDistance(query, nearest.Latitude, nearest.Longitude, radius), centre).Take(nearest.Count).ToListAsync(ct);
        }
        if (filter.Near is { } near) return await ByDistance(query, At(near.Latitude, near.Longitude)).ToListAsync(ct);
        return await query.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
    }

    private static IQueryable<int> ByDistance(IQueryable<Resource> query, Point centre) =>
        query.OrderBy(r => EF.Property<Point>(r, Place).Distance(centre)).ThenBy(r => r.Id).Select(r => r.Id);

    /// <summary>Areas whose boundary holds the point (its edge included), the smallest (most specific) first.</summary>
    public static IQueryable<Area> AreasAt(IQueryable<Area> areas, double latitude, double longitude)
    {
        var point = At(latitude, longitude);
        return areas.Where(a => a.Boundary != null && a.Boundary.Covers(point)).OrderBy(a => a.Boundary!.Area).ThenBy(a => a.Id);
    }

    /// <summary>Areas whose boundary meets the shape.</summary>
    public static IQueryable<Area> Intersecting(IQueryable<Area> areas, Geometry shape)
    {
        var plane = InWgs84(shape);
        return areas.Where(a => a.Boundary != null && a.Boundary.Intersects(plane));
    }

    /// <summary>A copy of a shape read from GeoJSON with its SRID set: PostGIS refuses to compare geometries of two SRIDs.</summary>
    private static Geometry InWgs84(Geometry shape)
    {
        var copy = shape.Copy();
        copy.SRID = Wgs84;
        return copy;
    }
}
