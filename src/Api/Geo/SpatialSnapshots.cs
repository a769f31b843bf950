using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Loading;
using ResourceMap.Graph.Spatial;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Geo;

/// <summary>A resource with a place, as spatial queries and coverage see it.</summary>
public sealed record PlacedResource(int Id, double Latitude, double Longitude, ResourceStatus Status, IReadOnlyList<string> TargetGroups)
{
    /// <summary>Whether the resource works for this target group now (target groups are stored lower-case).</summary>
    public bool Serves(string targetGroup) => Status == ResourceStatus.Active && TargetGroups.Contains(targetGroup);
}

/// <summary>The places of all resources and the boundaries of all areas at one data version, with their spatial indexes.</summary>
public sealed class SpatialSnapshot
{
    private readonly AreaLocator _locator;
    private readonly Dictionary<int, Area> _areasById;

    public SpatialSnapshot(long version, IReadOnlyList<PlacedResource> resources, IReadOnlyList<Area> areas)
    {
        Version = version;
        Resources = resources;
        ResourceIndex = new PointIndex(resources.Select(r => r.Latitude).ToList(), resources.Select(r => r.Longitude).ToList());
        Areas = areas;
        _areasById = areas.ToDictionary(a => a.Id);
        _locator = new AreaLocator(areas.Select(a => a.Boundary).ToList());
    }

    public long Version { get; }

    /// <summary>Resources with coordinates, by id; positions in <see cref="ResourceIndex"/> are positions in this list.</summary>
    public IReadOnlyList<PlacedResource> Resources { get; }
    public PointIndex ResourceIndex { get; }

    /// <summary>Every area, by id, with boundary and population.</summary>
    public IReadOnlyList<Area> Areas { get; }

    public Area? Area(int id) => _areasById.GetValueOrDefault(id);

    /// <summary>The areas whose boundary holds the point, the most specific (smallest) first.</summary>
    public List<Area> AreasAt(double latitude, double longitude) => _locator.AreasAt(latitude, longitude).Select(i => Areas[i]).ToList();

    /// <summary>The area and every area inside it, at any depth.</summary>
    public HashSet<int> SelfAndDescendants(int areaId) => ResourceMap.Api.Areas.AreaTree.SelfAndDescendants(Areas.Select(a => (a.Id, a.ParentId)), areaId);
}

/// <summary>The current <see cref="SpatialSnapshot"/>, read once per data version.</summary>
public sealed class SpatialSnapshots(ResourceMapDbContextFactory factory)
{
    private readonly VersionedCache<SpatialSnapshot> _cache = new(factory, LoadAsync);

    public async Task<SpatialSnapshot> CurrentAsync(CancellationToken ct) => (await _cache.CurrentAsync(ct)).Value;

    private static async Task<SpatialSnapshot> LoadAsync(ResourceMapDbContext db, long version, CancellationToken ct)
    {
        var resources = await db.Resources.AsNoTracking().Where(r => r.Latitude != null && r.Longitude != null).OrderBy(r => r.Id)
            .Select(r => new PlacedResource(r.Id, r.Latitude!.Value, r.Longitude!.Value, r.Status, r.TargetGroups))
            .ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        return new SpatialSnapshot(version, resources, areas);
    }
}

/// <summary>The spatial snapshot for one request: the version is checked once however many fields ask for it.</summary>
public sealed class SpatialLoader(SpatialSnapshots snapshots)
{
    private readonly object _gate = new();
    private Task<SpatialSnapshot>? _current;

    // Sibling fields may ask at the same time; they share one task.
    public Task<SpatialSnapshot> CurrentAsync(CancellationToken ct)
    {
        lock (_gate) return _current ??= snapshots.CurrentAsync(ct);
    }
}
