using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Paging;
using ResourceMap.Graph.Spatial;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;
using ResourceMap.Persistence.Search;

namespace ResourceMap.Api.Resources;

/// <summary>A point and a radius in metres on the WGS84 ellipsoid.</summary>
public sealed record NearPoint(double Latitude, double Longitude, double MaxDistanceMeters);

/// <summary>What a client filters resources by; every part is optional and all given parts must hold.</summary>
public sealed record ResourceFilter(
    IReadOnlyList<ResourceKind>? Kinds = null,
    IReadOnlyList<string>? TargetGroups = null,
    int? AreaId = null,
    string? Text = null,
    IReadOnlyList<ResourceStatus>? Statuses = null,
    GeoBox? BoundingBox = null,
    NearPoint? Near = null);

/// <summary>
/// Finds resources. Everything but the exact distance test runs in SQL; a distance filter first narrows to an indexed
/// latitude/longitude box in SQL, then keeps the points truly within reach (geodesic metres) and sorts them nearest first.
/// </summary>
public static class ResourceSearch
{
    public static async Task<Connection<Resource>> FindAsync(ResourceMapDbContext db, ResourceFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = await ApplyAsync(db, db.Resources.AsNoTracking(), filter, ct);
        if (filter.Near is { } near)
        {
            var candidates = await query.ToListAsync(ct);
            var within = candidates
                .Select(r => (Resource: r, Meters: Geodesic.DistanceMeters(near.Latitude, near.Longitude, r.Latitude!.Value, r.Longitude!.Value)))
                .Where(x => x.Meters <= near.MaxDistanceMeters)
                .OrderBy(x => x.Meters).ThenBy(x => x.Resource.Id)
                .Select(x => x.Resource)
                .ToList();
            return Connection<Resource>.FromList(within, page);
        }

        return await query.OrderBy(r => r.Id).ToConnectionAsync(page, ct);
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
        if (filter.Near is { } near) query = WithinBox(query, GeoBox.Around(near.Latitude, near.Longitude, near.MaxDistanceMeters));
        return query;
    }

    private static IQueryable<Resource> WithinBox(IQueryable<Resource> query, GeoBox box)
    {
        query = query.Where(r => r.Latitude != null && r.Latitude >= box.South && r.Latitude <= box.North);
        return box.CrossesAntimeridian
            ? query.Where(r => r.Longitude >= box.West || r.Longitude <= box.East)
            : query.Where(r => r.Longitude >= box.West && r.Longitude <= box.East);
    }

    public static GeoBox ValidBox(double south, double west, double north, double east)
    {
        Coordinates.Check(south, west, "boundingBox");
        Coordinates.Check(north, east, "boundingBox");
        if (south > north) throw UserError.BadInput("boundingBox: 'south' must not be greater than 'north'.", "boundingBox");
        return new GeoBox(south, west, north, east);
    }

    public static NearPoint ValidNear(double latitude, double longitude, double maxDistanceMeters)
    {
        Coordinates.Check(latitude, longitude, "near");
        if (!double.IsFinite(maxDistanceMeters) || maxDistanceMeters < 0 || maxDistanceMeters > 20_100_000)
            throw UserError.BadInput("near: 'maxDistanceMeters' must be between 0 and 20,100,000 (half the Earth's circumference).", "near");
        return new NearPoint(latitude, longitude, maxDistanceMeters);
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
