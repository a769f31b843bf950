using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Loading;
using ResourceMap.Api.Protection;
using ResourceMap.Graph.Network;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Network;

/// <summary>
/// The network read from the database once per data version (its analyses are <see cref="NetworkAnalyses"/>'). Every
/// request costs one small query for the version; the rest is served from memory while nothing is written.
/// </summary>
public sealed class NetworkSnapshots
{
    private readonly VersionedCache<NetworkSnapshot> _snapshots;

    public NetworkSnapshots(ResourceMapDbContextFactory factory) => _snapshots = new(factory, LoadAsync);

    /// <summary>
    /// The rows the last snapshot was made of, kept so that the next one reads only what changed since: the rows the new
    /// changes touched, and the new lifecycles. Snapshots load one at a time, so the loader alone touches it.
    /// </summary>
    private sealed class RowCache
    {
        public long LastChangeId;
        public readonly Dictionary<int, Resource> Resources = [];
        public readonly Dictionary<int, Relationship> Ties = [];
        public readonly List<Lifecycle> History = [];
        /// <summary>The rows their last deletions recorded, by change id, each parsed once.</summary>
        public readonly Dictionary<long, object> Deleted = [];
        public List<(int Id, int? ParentId, AreaKind Kind)> Areas = [];
    }

    /// <summary>More changes than this since the last snapshot (an import) are read as a whole new snapshot.</summary>
    private const int MaxChangesToApply = 5_000;

    private RowCache? _rows;

    public async Task<NetworkSnapshot> CurrentAsync(CancellationToken ct) => (await _snapshots.CurrentAsync(ct)).Value;

    /// <summary>The network of a new data version: the rows as they are (updated from the changes since the last one),
    /// completed by the history (<see cref="RowsOverTime"/>), closed resources left out.</summary>
    private async Task<NetworkSnapshot> LoadAsync(ResourceMapDbContext db, long version, CancellationToken ct)
    {
        var cached = _rows;
        _rows = null; // unusable if what follows fails half-way
        var rows = cached is not null && await UpdateAsync(cached, db, ct) ? cached : await ReadAllAsync(db, ct);
        bool IsThereNow(string entity, int id) => entity == nameof(Resource) ? rows.Resources.ContainsKey(id) : rows.Ties.ContainsKey(id);
        var deletions = RowsOverTime.LastDeletions(rows.History, IsThereNow);
        var unread = deletions.Where(d => !rows.Deleted.ContainsKey(d.ChangeId)).Select(d => d.ChangeId).ToList();
        foreach (var part in unread.Chunk(500))
            foreach (var row in await db.Changes.AsNoTracking().Where(h => part.Contains(h.Id)).Select(h => new { h.Id, h.Entity, h.Before }).ToListAsync(ct))
                rows.Deleted[row.Id] = row.Entity == nameof(Resource)
                    ? Persistence.History.Read(db, new Resource { Name = "" }, row.Before!)
                    : Persistence.History.Read(db, new Relationship(), row.Before!);
        // Forget what is no longer deleted: restored since, or erased (an erased person's values must not stay in memory).
        foreach (var stale in rows.Deleted.Keys.Except(deletions.Select(d => d.ChangeId)).ToList()) rows.Deleted.Remove(stale);

        var (resources, ties) = RowsOverTime.Compose(rows.Resources.Values, rows.Ties.Values, rows.History, rows.Deleted);
        var municipalityOf = AreaTree.MunicipalityOf(rows.Areas);
        int? MunicipalityOf(int? areaId) => areaId is { } id && municipalityOf.TryGetValue(id, out var m) ? m : null;
        var actors = resources.Where(d => d.Row.Status != ResourceStatus.Closed)
            .Select(d => d.Row is var r ? new Actor(r.Id, r.Name, r.Kind.ToString(), r.Latitude, r.Longitude, r.AreaId, r.TargetGroups, r.Offers, r.Needs,
                r.Sensitive, d.LastDay, MunicipalityOf(r.AreaId)) : null!)
            .OrderBy(a => a.Id)
            .ToList();
        var live = actors.Select(a => a.Id).ToHashSet();
        var snapshot = new NetworkSnapshot(version, actors, ties
            .Where(d => live.Contains(d.Row.SourceId) && live.Contains(d.Row.TargetId) && (d.Since is null || d.Until is null || d.Since <= d.Until))
            .Select(d => new Tie(d.Row.Id, d.Row.SourceId, d.Row.TargetId, d.Row.Type.ToString(), d.Row.Strength, d.Row.Directed, d.Since, d.Until))
            .OrderBy(t => t.Id)
            .ToList())
        {
            AreaParents = rows.Areas.ToDictionary(a => a.Id, a => a.ParentId),
        };
        _rows = rows;
        return snapshot;
    }

    /// <summary>Only what the analysis reads of a resource: no description, address or contact stays in memory.</summary>
    private static IQueryable<Resource> AnalysedColumns(IQueryable<Resource> resources) => resources.AsNoTracking().Select(r => new Resource
    {
        Id = r.Id, Name = r.Name, Kind = r.Kind, Latitude = r.Latitude, Longitude = r.Longitude, AreaId = r.AreaId,
        TargetGroups = r.TargetGroups, Offers = r.Offers, Needs = r.Needs, Sensitive = r.Sensitive, Status = r.Status,
    });

    private static async Task<RowCache> ReadAllAsync(ResourceMapDbContext db, CancellationToken ct)
    {
        var rows = new RowCache();
        rows.LastChangeId = await db.Changes.MaxAsync(h => (long?)h.Id, ct) ?? 0;
        foreach (var r in await AnalysedColumns(db.Resources).ToListAsync(ct)) rows.Resources[r.Id] = r;
        foreach (var t in await db.Relationships.AsNoTracking().ToListAsync(ct)) rows.Ties[t.Id] = t;
        rows.History.AddRange(await db.Changes.AsNoTracking()
            .Where(h => h.Id <= rows.LastChangeId && (h.Action == ChangeAction.Created || h.Action == ChangeAction.Deleted || h.Action == ChangeAction.Erased))
            .OrderBy(h => h.Id)
            .Select(h => new Lifecycle(h.Id, h.Entity, h.EntityId, h.Action, h.At))
            .ToListAsync(ct));
        rows.Areas = await ReadAreasAsync(db, ct);
        return rows;
    }

    private static async Task<List<(int, int?, AreaKind)>> ReadAreasAsync(ResourceMapDbContext db, CancellationToken ct) =>
        (await db.Areas.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.Kind }).ToListAsync(ct)).Select(a => (a.Id, a.ParentId, a.Kind)).ToList();

    /// <summary>
    /// Brings the rows up to date from the changes recorded since they were read; false when that is not the way (no
    /// change recorded for the new version, or too many): then everything is read again.
    /// </summary>
    private static async Task<bool> UpdateAsync(RowCache rows, ResourceMapDbContext db, CancellationToken ct)
    {
        var changes = await db.Changes.AsNoTracking().Where(h => h.Id > rows.LastChangeId).OrderBy(h => h.Id).Take(MaxChangesToApply + 1)
            .Select(h => new Lifecycle(h.Id, h.Entity, h.EntityId, h.Action, h.At)).ToListAsync(ct);
        if (changes.Count == 0 || changes.Count > MaxChangesToApply) return false;
        var resourceIds = changes.Where(h => h.Entity == nameof(Resource)).Select(h => h.EntityId).Distinct().ToList();
        var tieIds = changes.Where(h => h.Entity == nameof(Relationship)).Select(h => h.EntityId).Distinct().ToList();
        foreach (var part in resourceIds.Chunk(500))
        {
            foreach (var id in part) rows.Resources.Remove(id);
            foreach (var r in await AnalysedColumns(db.Resources.Where(r => part.Contains(r.Id))).ToListAsync(ct)) rows.Resources[r.Id] = r;
        }
        foreach (var part in tieIds.Chunk(500))
        {
            foreach (var id in part) rows.Ties.Remove(id);
            foreach (var t in await db.Relationships.AsNoTracking().Where(t => part.Contains(t.Id)).ToListAsync(ct)) rows.Ties[t.Id] = t;
        }
        rows.History.AddRange(changes.Where(h => Lifecycle.Decides(h.Action)));
        rows.Areas = await ReadAreasAsync(db, ct);
        rows.LastChangeId = changes[^1].ChangeId;
        return true;
    }

    /// <summary>
    /// A scope from the client's input: the area includes every area inside it; sensitive actors outside the caller's
    /// municipalities are left out (they count in no analysis a caller could trace back to them).
    /// </summary>
    public Task<NetworkScope> ScopeAsync(NetworkSnapshot snapshot, int? areaId, DateOnly? asOf, IReadOnlyList<string>? targetGroups, IReadOnlyList<RelationshipType>? types,
        RequestCaller caller, CancellationToken ct)
    {
        var hidden = snapshot.Actors.Where(a => a.Sensitive && !caller.IsInsider(a.AreaId)).Select(a => a.Id).ToHashSet();
        var areas = areaId is { } id ? AreaTree.SelfAndDescendants(snapshot.AreaParents.Select(a => (a.Key, a.Value)), id) : null;
        return Task.FromResult(new NetworkScope(asOf, areas,
            targetGroups is { Count: > 0 } ? targetGroups.Select(g => g.Trim().ToLowerInvariant()).ToList() : null,
            types is { Count: > 0 } ? types.Select(t => t.ToString()).ToList() : null,
            hidden.Count > 0 ? hidden : null));
    }
}
