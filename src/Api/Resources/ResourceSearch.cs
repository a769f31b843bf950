using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Paging;
using ResourceMap.Api.Schema;
using ResourceMap.Graph.Spatial;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;
using ResourceMap.Persistence.Search;

namespace ResourceMap.Api.Resources;

/// <summary>A point and a radius in metres on the WGS84 ellipsoid.</summary>
public sealed record NearPoint(double Latitude, double Longitude, double MaxDistanceMeters);

/// <summary>The <see cref="Count"/> nearest to a point, none farther than <see cref="MaxDistanceMeters"/>.</summary>
public sealed record NearestPoints(double Latitude, double Longitude, int Count, double MaxDistanceMeters);

/// <summary>What a client filters resources by; every part is optional and all given parts must hold.</summary>
public sealed record ResourceFilter(
    IReadOnlyList<ResourceKind>? Kinds = null,
    IReadOnlyList<string>? TargetGroups = null,
    int? AreaId = null,
    string? Text = null,
    IReadOnlyList<ResourceStatus>? Statuses = null,
    GeoBox? BoundingBox = null,
    NearPoint? Near = null,
    NearestPoints? Nearest = null,
    Geometry? Within = null,
    int? WithinAreaId = null,
    System.Linq.Expressions.Expression<Func<Resource, bool>>? Where = null,
    IReadOnlyList<object?>? Order = null)
{
    public bool IsSpatial => Near is not null || Nearest is not null || Within is not null || WithinAreaId is not null;
}

/// <summary>
/// Finds resources. Attribute filters run in SQL; distance, nearest and inside-a-shape filters run in PostGIS on
/// PostgreSQL (<see cref="PostGis"/>), else on the R-tree of the spatial snapshot (geodesic metres for distances, exact point-in-polygon for shapes), and their matches are intersected
/// with the SQL filters. Results sorted by distance are paged in memory over ids, then only the page's rows are read.
/// </summary>
public static class ResourceSearch
{
    /// <summary>A page of the resources that pass the filter, reading the columns of <paramref name="columns"/> (all when null).</summary>
    public static async Task<Connection<Resource>> FindAsync(ResourceMapDbContext db, SpatialLoader spatial, ResourceFilter filter, PageRequest page,
        Expression<Func<Resource, Resource>>? columns, CancellationToken ct)
    {
        var query = await ApplyAsync(db, db.Resources.AsNoTracking(), filter, ct);
        if (!filter.IsSpatial) return await ResourceFilters.Order.Apply(query, filter.Order, r => r.Id).ToConnectionAsync(page, ct, columns);

        List<int> ranked;
        if (PostGis.Answers(db))
        {
            if (filter.WithinAreaId is { } areaId)
                RequireBoundary(areaId, await ShapeOf(db, areaId).FirstOrDefaultAsync(ct));
            ranked = await PostGis.RankedAsync(db, query, filter, ct);
        }
        else
        {
            var matchingIds = (await query.Select(r => r.Id).ToListAsync(ct)).ToHashSet();
            ranked = Spatial(await spatial.CurrentAsync(ct), filter, matchingIds);
        }
        if (filter.Order is not null)
            return await ResourceFilters.Order.Apply(query.Where(r => ranked.Contains(r.Id)), filter.Order, r => r.Id).ToConnectionAsync(page, ct, columns);
        var (offset, count) = page.Slice(ranked.Count);
        var pageIds = ranked.Skip(offset).Take(count).ToList();
        var pageRows = db.Resources.AsNoTracking().Where(r => pageIds.Contains(r.Id));
        var rows = await (columns is null ? pageRows : pageRows.Select(columns)).ToDictionaryAsync(r => r.Id, ct);
        return new Connection<Resource>(pageIds.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), offset, ranked.Count);
    }

    /// <summary>Ids of the resources that pass the spatial filters and are among <paramref name="allowed"/>: nearest first when a distance is involved, else by id.</summary>
    private static List<int> Spatial(SpatialSnapshot snapshot, ResourceFilter filter, HashSet<int> allowed)
    {
        var resources = snapshot.Resources;
        var index = snapshot.ResourceIndex;
        var inside = Inside(snapshot, filter);
        bool Accept(int i) => allowed.Contains(resources[i].Id) && (inside is null || inside.Contains(i));

        if (filter.Nearest is { } nearest)
        {
            var hits = index.Nearest(nearest.Latitude, nearest.Longitude, nearest.Count, nearest.MaxDistanceMeters, Accept);
            if (filter.Near is { } n) hits = hits.Where(h => Geodesic.DistanceMeters(n.Latitude, n.Longitude, index.Latitude(h.Index), index.Longitude(h.Index)) <= n.MaxDistanceMeters).ToList();
            return hits.Select(h => resources[h.Index].Id).ToList();
        }
        if (filter.Near is { } near)
            return index.WithinDistance(near.Latitude, near.Longitude, near.MaxDistanceMeters, Accept).Select(h => resources[h.Index].Id).ToList();
        return inside!.Where(Accept).Select(i => resources[i].Id).Order().ToList();
    }

    /// <summary>Positions in the snapshot of the resources inside the shape and the area, or null when neither is asked.</summary>
    private static HashSet<int>? Inside(SpatialSnapshot snapshot, ResourceFilter filter)
    {
        var index = snapshot.ResourceIndex;
        HashSet<int>? inside = null;
        if (filter.Within is { } shape) inside = index.Within(shape).ToHashSet();
        if (filter.WithinAreaId is { } areaId)
        {
            var area = snapshot.Area(areaId);
            RequireBoundary(areaId, area is null ? null : new AreaShape(area.Name, area.Boundary is not null));
            var inArea = index.Within(area!.Boundary!);
            inside = inside is null ? inArea.ToHashSet() : inside.Intersect(inArea).ToHashSet();
        }
        return inside;
    }

    /// <summary>An area's name and whether it has a boundary, which <c>withinAreaId</c> needs.</summary>
    public sealed record AreaShape(string Name, bool HasBoundary);

    /// <summary>The area's name and whether it has a boundary, read from the database.</summary>
    public static IQueryable<AreaShape> ShapeOf(ResourceMapDbContext db, int areaId) =>
        db.Areas.Where(a => a.Id == areaId).Select(a => new AreaShape(a.Name, a.Boundary != null));

    /// <summary>A <c>NOT_FOUND</c> or <c>BAD_USER_INPUT</c> error unless the area exists and has a boundary.</summary>
    public static void RequireBoundary(int areaId, AreaShape? area)
    {
        if (area is null) throw UserError.NotFound($"withinAreaId: there is no area {areaId}.", "withinAreaId");
        if (!area.HasBoundary) throw UserError.BadInput($"withinAreaId: the area '{area.Name}' has no boundary; use areaId to find resources assigned to it.", "withinAreaId");
    }

    /// <summary>The <c>where.location</c> condition answered from the snapshot's R-tree: the matching ids, which the SQL then tests.</summary>
    public static Func<ResourceFilter, Expression<Func<Resource, bool>>> InSnapshot(SpatialSnapshot snapshot) => filter =>
    {
        var ids = SpatialIds(snapshot, filter);
        return r => ids.Contains(r.Id);
    };

    /// <summary>Ids of the resources that meet every spatial condition of the filter (near, within, withinAreaId, boundingBox), by id.</summary>
    private static List<int> SpatialIds(SpatialSnapshot snapshot, ResourceFilter filter)
    {
        var index = snapshot.ResourceIndex;
        IEnumerable<int> positions = Inside(snapshot, filter) ?? (IEnumerable<int>)Enumerable.Range(0, index.Count);
        if (filter.BoundingBox is { } box) positions = positions.Intersect(index.InBox(box));
        if (filter.Near is { } near)
            positions = positions.Intersect(index.WithinDistance(near.Latitude, near.Longitude, near.MaxDistanceMeters).Select(h => h.Index));
        return positions.Select(i => snapshot.Resources[i].Id).Order().ToList();
    }

    public static async Task<IQueryable<Resource>> ApplyAsync(ResourceMapDbContext db, IQueryable<Resource> query, ResourceFilter filter, CancellationToken ct)
    {
        if (filter.Kinds is { Count: > 0 } kinds) query = query.Where(r => kinds.Contains(r.Kind));
        if (filter.Statuses is { Count: > 0 } statuses) query = query.Where(r => statuses.Contains(r.Status));
        if (filter.TargetGroups is { Count: > 0 } groups)
        {
            var wanted = groups.Select(g => g.Trim().ToLowerInvariant()).ToList();
            query = query.Where(r => r.TargetGroups.Any(g => wanted.Contains(g)));
        }
        if (filter.AreaId is { } areaId)
        {
            var areaIds = await AreaTree.SelfAndDescendantsAsync(db, areaId, ct);
            query = query.Where(r => r.AreaId != null && areaIds.Contains(r.AreaId.Value));
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var folded = TextFolding.Fold(filter.Text.Trim());
            query = query.Where(r => r.SearchText.Contains(folded));
        }
        if (filter.BoundingBox is { } box) query = WithinBox(query, box);
        if (filter.Where is { } where) query = query.Where(where);
        return query;
    }

    public static IQueryable<Resource> WithinBox(IQueryable<Resource> query, GeoBox box)
    {
        query = query.Where(r => r.Latitude != null && r.Latitude >= box.South && r.Latitude <= box.North);
        return box.CrossesAntimeridian
            ? query.Where(r => r.Longitude >= box.West || r.Longitude <= box.East)
            : query.Where(r => r.Longitude >= box.West && r.Longitude <= box.East);
    }

    /// <summary>A <c>BoundingBoxInput</c>, checked.</summary>
    public static GeoBox ReadBox(InputFields box) =>
        ValidBox(box.Value<double>("south")!.Value, box.Value<double>("west")!.Value, box.Value<double>("north")!.Value, box.Value<double>("east")!.Value);

    /// <summary>A <c>NearInput</c>, checked.</summary>
    public static NearPoint ReadNear(InputFields near) =>
        ValidNear(near.Value<double>("latitude")!.Value, near.Value<double>("longitude")!.Value, near.Value<double>("maxDistanceMeters")!.Value);

    /// <summary>A <c>NearestInput</c>, checked.</summary>
    public static NearestPoints ReadNearest(InputFields nearest) =>
        ValidNearest(nearest.Value<double>("latitude")!.Value, nearest.Value<double>("longitude")!.Value, nearest.Value<int>("count")!.Value, nearest.Value<double>("maxDistanceMeters"));

    private static GeoBox ValidBox(double south, double west, double north, double east)
    {
        Coordinates.Check(south, west, "boundingBox");
        Coordinates.Check(north, east, "boundingBox");
        if (south > north) throw UserError.BadInput("boundingBox: 'south' must not be greater than 'north'.", "boundingBox");
        return new GeoBox(south, west, north, east);
    }

    private static NearPoint ValidNear(double latitude, double longitude, double maxDistanceMeters)
    {
        Coordinates.Check(latitude, longitude, "near");
        return new NearPoint(latitude, longitude, Distance.Check(maxDistanceMeters, "near.maxDistanceMeters"));
    }

    private static NearestPoints ValidNearest(double latitude, double longitude, int count, double? maxDistanceMeters)
    {
        Coordinates.Check(latitude, longitude, "nearest");
        if (count is < 1 or > PageRequest.MaxPageSize) throw UserError.BadInput($"nearest: 'count' must be from 1 to {PageRequest.MaxPageSize}, not {count}.", "nearest");
        return new NearestPoints(latitude, longitude, count, maxDistanceMeters is { } max ? Distance.Check(max, "nearest.maxDistanceMeters") : Geodesic.HalfCircumferenceMeters);
    }
}

public static class Distance
{
    /// <summary>The distance, or a <c>BAD_USER_INPUT</c> error unless it is from 0 to half the Earth's circumference.</summary>
    public static double Check(double meters, string field)
    {
        if (!double.IsFinite(meters) || meters < 0 || meters > Geodesic.HalfCircumferenceMeters)
            throw UserError.BadInput($"{field}: must be a distance in metres from 0 to 20,003,931 (half the Earth's circumference), not {meters}.", field);
        return meters;
    }
}

public static class Coordinates
{
    /// <summary>A <c>BAD_USER_INPUT</c> error unless both are finite and in range.</summary>
    public static void Check(double latitude, double longitude, string field)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
            throw UserError.BadInput($"{field}: latitude must be a finite number from -90 to 90, not {latitude}.", field);
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
            throw UserError.BadInput($"{field}: longitude must be a finite number from -180 to 180, not {longitude}.", field);
    }
}
