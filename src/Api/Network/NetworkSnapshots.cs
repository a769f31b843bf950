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
    private readonly ResourceMapDbContextFactory _factory;
    private readonly VersionedCache<NetworkSnapshot> _snapshots;

    /// <summary>
    /// The rows deletions removed, by change id, read once: the history only grows, and every data version would otherwise
    /// read and parse all of it again. Snapshots load one at a time, so the loader alone touches it.
    /// </summary>
    private readonly Dictionary<long, object> _deleted = [];

    public NetworkSnapshots(ResourceMapDbContextFactory factory)
    {
        _factory = factory;
        _snapshots = new(factory, LoadAsync);
    }

    public async Task<NetworkSnapshot> CurrentAsync(CancellationToken ct) => (await _snapshots.CurrentAsync(ct)).Value;

    /// <summary>
    /// The network as the rows say it is, completed by the history: a tie recorded without a first day starts on the day
    /// it was recorded, and resources and ties deleted since are kept up to the day before their deletion, so that
    /// analysing an earlier day (or comparing two) sees the network as it was, not as deletions have left it.
    /// </summary>
    private async Task<NetworkSnapshot> LoadAsync(ResourceMapDbContext db, long version, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.Kind }).ToListAsync(ct);
        var municipalityOf = AreaTree.MunicipalityOf(areas.Select(a => (a.Id, a.ParentId, a.Kind)).ToList());
        int? MunicipalityOf(int? areaId) => areaId is { } id && municipalityOf.TryGetValue(id, out var m) ? m : null;
        var actors = (await db.Resources.AsNoTracking().Where(r => r.Status != ResourceStatus.Closed)
            .Select(r => new Actor(r.Id, r.Name, r.Kind.ToString(), r.Latitude, r.Longitude, r.AreaId, r.TargetGroups, r.Offers, r.Needs, r.Sensitive, null, null))
            .ToListAsync(ct))
            .Select(a => a with { MunicipalityId = MunicipalityOf(a.AreaId) })
            .ToList();
        var rows = await db.Relationships.AsNoTracking().ToListAsync(ct);
        // Only the history that changes the picture, found in SQL: the records of what is no longer there (created,
        // deleted, erased), and when the ties without a first day were created.
        var history = await db.Changes.AsNoTracking()
            .Where(h => (h.Action == ChangeAction.Created || h.Action == ChangeAction.Deleted || h.Action == ChangeAction.Erased) &&
                        ((h.Entity == nameof(Resource) && !db.Resources.Any(r => r.Id == h.EntityId)) ||
                         (h.Entity == nameof(Relationship) && !db.Relationships.Any(t => t.Id == h.EntityId)) ||
                         (h.Entity == nameof(Relationship) && h.Action == ChangeAction.Created && db.Relationships.Any(t => t.Id == h.EntityId && t.Since == null))))
            .OrderBy(h => h.Id).Select(h => new { h.Id, h.Entity, h.EntityId, h.Action, h.At }).ToListAsync(ct);
        var erased = history.Where(h => h.Action == ChangeAction.Erased).Select(h => (h.Entity, h.EntityId)).ToHashSet();
        var createdOn = history.Where(h => h.Action == ChangeAction.Created).GroupBy(h => (h.Entity, h.EntityId))
            .ToDictionary(g => g.Key, g => DateOnly.FromDateTime(g.First().At.UtcDateTime));
        DateOnly? CreatedOn(string entity, int id) => createdOn.TryGetValue((entity, id), out var day) ? day : null;
        Tie ToTie(Relationship t, DateOnly? lastDay) => new(t.Id, t.SourceId, t.TargetId, t.Type.ToString(), t.Strength, t.Directed,
            t.Since ?? CreatedOn(nameof(Relationship), t.Id),
            lastDay is { } last && (t.Until is null || last < t.Until) ? last : t.Until);
        var ties = rows.Select(t => ToTie(t, null)).ToList();

        // The last deletion of each resource and tie that is not there now, counted up to the day before it; one created
        // and deleted on the same day (a slip put right) never was, and an erased one is gone from the past too.
        var deletions = history.Where(h => h.Action == ChangeAction.Deleted && !erased.Contains((h.Entity, h.EntityId)))
            .GroupBy(h => (h.Entity, h.EntityId)).Select(g => g.Last()).ToList();
        var unread = deletions.Where(d => !_deleted.ContainsKey(d.Id)).Select(d => d.Id).ToList();
        foreach (var row in await db.Changes.AsNoTracking().Where(h => unread.Contains(h.Id)).Select(h => new { h.Id, h.Entity, h.Before }).ToListAsync(ct))
            _deleted[row.Id] = row.Entity == nameof(Resource)
                ? Persistence.History.Read(db, new Resource { Name = "" }, row.Before!)
                : Persistence.History.Read(db, new Relationship(), row.Before!);
        // Forget what is no longer deleted: restored since, or erased (an erased person's values must not stay in memory).
        foreach (var stale in _deleted.Keys.Except(deletions.Select(d => d.Id)).ToList()) _deleted.Remove(stale);

        foreach (var deletion in deletions)
        {
            var lastDay = DateOnly.FromDateTime(deletion.At.UtcDateTime).AddDays(-1);
            switch (_deleted[deletion.Id])
            {
                case Resource r when r.Status != ResourceStatus.Closed && !(CreatedOn(nameof(Resource), r.Id) > lastDay):
                    actors.Add(new Actor(r.Id, r.Name, r.Kind.ToString(), r.Latitude, r.Longitude, r.AreaId, r.TargetGroups, r.Offers, r.Needs, r.Sensitive, lastDay, MunicipalityOf(r.AreaId)));
                    break;
                case Relationship t:
                    ties.Add(ToTie(t, lastDay));
                    break;
            }
        }

        var live = actors.Select(a => a.Id).ToHashSet();
        return new NetworkSnapshot(version, actors.OrderBy(a => a.Id).ToList(),
            ties.Where(t => live.Contains(t.SourceId) && live.Contains(t.TargetId) && (t.Since is null || t.Until is null || t.Since <= t.Until)).OrderBy(t => t.Id).ToList());
    }

    /// <summary>
    /// A scope from the client's input: the area includes every area inside it; sensitive actors outside the caller's
    /// municipalities are left out (they count in no analysis a caller could trace back to them).
    /// </summary>
    public async Task<NetworkScope> ScopeAsync(NetworkSnapshot snapshot, int? areaId, DateOnly? asOf, IReadOnlyList<string>? targetGroups, IReadOnlyList<RelationshipType>? types,
        RequestCaller caller, CancellationToken ct)
    {
        var hidden = snapshot.Actors.Where(a => a.Sensitive && !caller.IsInsider(a.AreaId)).Select(a => a.Id).ToHashSet();
        HashSet<int>? areas = null;
        if (areaId is { } id)
        {
            await using var db = _factory.CreateDbContext();
            areas = (await AreaTree.SelfAndDescendantsAsync(db, id, ct)).ToHashSet();
        }
        return new NetworkScope(asOf, areas,
            targetGroups is { Count: > 0 } ? targetGroups.Select(g => g.Trim().ToLowerInvariant()).ToList() : null,
            types is { Count: > 0 } ? types.Select(t => t.ToString()).ToList() : null,
            hidden.Count > 0 ? hidden : null);
    }
}
