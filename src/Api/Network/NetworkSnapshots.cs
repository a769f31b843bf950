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
    /// The rows the last snapshot was made of, and its actors and ties, kept so that the next one reads only what changed
    /// since and dates again only the rows the new changes touched. Snapshots load one at a time, so the loader alone
    /// touches it.
    /// </summary>
    private sealed class RowCache
    {
        public long LastChangeId;
        public readonly Dictionary<int, Resource> Resources = [];
        public readonly Dictionary<int, Relationship> Ties = [];
        public RowsOverTime History = new([]);
        /// <summary>The rows their last deletions recorded, by change id, each parsed once.</summary>
        public readonly Dictionary<long, object> Deleted = [];
        public List<(int Id, int? ParentId, AreaKind Kind)> Areas = [];
        public Dictionary<int, int> MunicipalityOf = [];
        /// <summary>Every resource of every day but the closed ones, as the analysis sees it.</summary>
        public readonly Dictionary<int, Actor> Actors = [];
        /// <summary>Every tie of every day with a first day not after its last, whatever its actors.</summary>
        public readonly Dictionary<int, Tie> NetworkTies = [];
        /// <summary>Activities and introductions carry their own days, so they are read as they are (few rows), after any change of them.</summary>
        public List<ActivityRecord> Activities = [];
        public List<IntroductionRecord> Introductions = [];
    }

    /// <summary>More changes than this since the last snapshot (an import) are read as a whole new snapshot.</summary>
    private const int MaxChangesToApply = 5_000;

    private RowCache? _rows;

    public async Task<NetworkSnapshot> CurrentAsync(CancellationToken ct) => (await _snapshots.CurrentAsync(ct)).Value;

    /// <summary>The network of a new data version: the rows as they are, completed by the history (<see cref="RowsOverTime"/>),
    /// closed resources left out; after a few changes only the rows they touched are read and dated again.</summary>
    private async Task<NetworkSnapshot> LoadAsync(ResourceMapDbContext db, long version, CancellationToken ct)
    {
        var cached = _rows;
        _rows = null; // unusable if what follows fails half-way
        var rows = cached is not null && await UpdateAsync(cached, db, ct) ? cached : await ReadAllAsync(db, ct);
        var live = rows.Actors.Keys.ToHashSet();
        var snapshot = new NetworkSnapshot(version,
            rows.Actors.Values.OrderBy(a => a.Id).ToList(),
            rows.NetworkTies.Values.Where(t => live.Contains(t.SourceId) && live.Contains(t.TargetId)).OrderBy(t => t.Id).ToList())
        {
            AreaParents = rows.Areas.ToDictionary(a => a.Id, a => a.ParentId),
            Activities = rows.Activities,
            Introductions = rows.Introductions,
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
        rows.History = new RowsOverTime(await db.Changes.AsNoTracking()
            .Where(h => h.Id <= rows.LastChangeId && (h.Action == ChangeAction.Created || h.Action == ChangeAction.Deleted || h.Action == ChangeAction.Erased))
            .OrderBy(h => h.Id)
            .Select(h => new Lifecycle(h.Id, h.Entity, h.EntityId, h.Action, h.At))
            .ToListAsync(ct));
        await ReadAreasAsync(rows, db, ct);
        await ReadActivitiesAsync(rows, db, ct);
        // Activities and introductions are not dated by the history: only resources and ties can be "not there now".
        bool IsThereNow(string entity, int id) => entity switch
        {
            nameof(Resource) => rows.Resources.ContainsKey(id),
            nameof(Relationship) => rows.Ties.ContainsKey(id),
            _ => true,
        };
        var deletions = rows.History.LastDeletions(IsThereNow);
        await ReadDeletedAsync(rows, db, deletions.Select(d => d.ChangeId).ToList(), ct);
        foreach (var id in rows.Resources.Keys.Concat(deletions.Where(d => d.Entity == nameof(Resource)).Select(d => d.EntityId))) DateResource(rows, id);
        foreach (var id in rows.Ties.Keys.Concat(deletions.Where(d => d.Entity == nameof(Relationship)).Select(d => d.EntityId))) DateTie(rows, id);
        return rows;
    }

    /// <summary>Reads the areas; true when their tree changed (then every actor's municipality may have).</summary>
    private static async Task<bool> ReadAreasAsync(RowCache rows, ResourceMapDbContext db, CancellationToken ct)
    {
        var areas = (await db.Areas.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.Kind }).ToListAsync(ct)).Select(a => (a.Id, a.ParentId, a.Kind)).ToList();
        if (areas.SequenceEqual(rows.Areas)) return false;
        rows.Areas = areas;
        rows.MunicipalityOf = AreaTree.MunicipalityOf(areas);
        return true;
    }

    private static async Task ReadActivitiesAsync(RowCache rows, ResourceMapDbContext db, CancellationToken ct)
    {
        rows.Activities = (await db.Activities.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct))
            .Select(a => new ActivityRecord(a.Id, a.Name, a.StartsOn, a.EndsOn, Enum.Parse<Recurrence>(a.Recurrence.ToString()), a.AreaId, a.Sensitive,
                a.Participants.Select(p => p.ResourceId).Distinct().ToList()))
            .ToList();
        rows.Introductions = (await db.Introductions.AsNoTracking().OrderBy(i => i.Id).ToListAsync(ct))
            .Select(i => new IntroductionRecord(i.Id, i.FirstId, i.SecondId, i.On, i.ActivityId, Enum.Parse<Graph.Network.IntroductionOutcome>(i.Outcome.ToString()),
                i.OutcomeOn, i.RelationshipId))
            .ToList();
    }

    /// <summary>Parses the rows these deletions recorded.</summary>
    private static async Task ReadDeletedAsync(RowCache rows, ResourceMapDbContext db, IReadOnlyCollection<long> changeIds, CancellationToken ct)
    {
        foreach (var part in changeIds.Where(id => !rows.Deleted.ContainsKey(id)).Chunk(500))
            foreach (var row in await db.Changes.AsNoTracking().Where(h => part.Contains(h.Id)).Select(h => new { h.Id, h.Entity, h.Before }).ToListAsync(ct))
                rows.Deleted[row.Id] = row.Entity == nameof(Resource)
                    ? Persistence.History.Read(db, new Resource { Name = "" }, row.Before!)
                    : Persistence.History.Read(db, new Relationship(), row.Before!);
    }

    /// <summary>
    /// Brings the rows up to date from the changes recorded since they were read, and dates again the rows they touched;
    /// false when that is not the way (no change recorded for the new version, or too many): then everything is read again.
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
        // A touched row's earlier deletion record is no longer needed (restored, deleted again, or erased: an erased
        // person's values must not stay in memory).
        foreach (var (entity, id) in resourceIds.Select(id => (nameof(Resource), id)).Concat(tieIds.Select(id => (nameof(Relationship), id))))
            if (rows.History.LastDeletion(entity, id, erasedToo: true) is { } earlier) rows.Deleted.Remove(earlier.ChangeId);
        foreach (var lifecycle in changes.Where(h => Lifecycle.Decides(h.Action))) rows.History.Add(lifecycle);
        var deletions = resourceIds.Where(id => !rows.Resources.ContainsKey(id)).Select(id => rows.History.LastDeletion(nameof(Resource), id))
            .Concat(tieIds.Where(id => !rows.Ties.ContainsKey(id)).Select(id => rows.History.LastDeletion(nameof(Relationship), id)))
            .OfType<Lifecycle>()
            .Select(d => d.ChangeId)
            .ToList();
        await ReadDeletedAsync(rows, db, deletions, ct);
        var areasChanged = await ReadAreasAsync(rows, db, ct);
        if (changes.Any(h => h.Entity is nameof(Activity) or nameof(Introduction))) await ReadActivitiesAsync(rows, db, ct);
        foreach (var id in areasChanged ? rows.Actors.Keys.Union(resourceIds).ToList() : resourceIds) DateResource(rows, id);
        foreach (var id in tieIds) DateTie(rows, id);
        rows.LastChangeId = changes[^1].ChangeId;
        return true;
    }

    /// <summary>Puts a resource in the network as it is on every day, or takes it out (closed, or never there).</summary>
    private static void DateResource(RowCache rows, int id)
    {
        var dated = rows.History.Resource(id, rows.Resources.GetValueOrDefault(id), rows.Deleted);
        if (dated is not { Row: var r } || r.Status == ResourceStatus.Closed)
        {
            rows.Actors.Remove(id);
            return;
        }
        int? municipality = r.AreaId is { } area && rows.MunicipalityOf.TryGetValue(area, out var m) ? m : null;
        rows.Actors[id] = new Actor(r.Id, r.Name, r.Kind.ToString(), r.Latitude, r.Longitude, r.AreaId, r.TargetGroups, r.Offers, r.Needs,
            r.Sensitive, dated.LastDay, municipality);
    }

    /// <summary>Puts a tie in the network as it is on every day, or takes it out (never there, or its days are empty).</summary>
    private static void DateTie(RowCache rows, int id)
    {
        var dated = rows.History.Relationship(id, rows.Ties.GetValueOrDefault(id), rows.Deleted);
        if (dated is not { Row: var t } || (dated.Since is { } since && dated.Until is { } until && since > until))
        {
            rows.NetworkTies.Remove(id);
            return;
        }
        rows.NetworkTies[id] = new Tie(t.Id, t.SourceId, t.TargetId, t.Type.ToString(), t.Strength, t.Directed, dated.Since, dated.Until);
    }

    /// <summary>Ties projected from the activities the caller may read.</summary>
    public ActivityTies ActivityTies(NetworkSnapshot snapshot, int halfLifeDays, RequestCaller caller)
    {
        var hidden = HiddenActivities(snapshot, caller);
        return new ActivityTies(halfLifeDays, hidden.Count > 0 ? hidden : null);
    }

    /// <summary>The sensitive activities outside the caller's municipalities.</summary>
    public static HashSet<int> HiddenActivities(NetworkSnapshot snapshot, RequestCaller caller) =>
        snapshot.Activities.Where(a => a.Sensitive && !caller.IsInsider(a.AreaId)).Select(a => a.Id).ToHashSet();

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
