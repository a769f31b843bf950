using ResourceMap.Persistence.Model;

namespace ResourceMap.Persistence;

/// <summary>A record of the history that decides when a row was there: its creation, deletion or erasure.</summary>
public sealed record Lifecycle(long ChangeId, string Entity, int EntityId, ChangeAction Action, DateTimeOffset At)
{
    /// <summary>The day (UTC) it happened.</summary>
    public DateOnly Day => DateOnly.FromDateTime(At.UtcDateTime);

    /// <summary>Whether a change of this action belongs among the lifecycles.</summary>
    public static bool Decides(ChangeAction action) => action is ChangeAction.Created or ChangeAction.Deleted or ChangeAction.Erased;
}

/// <summary>A resource with the last day it was there; null while it still is.</summary>
public sealed record DatedResource(Resource Row, DateOnly? LastDay);

/// <summary>A tie with the first and last days it was valid (open when null).</summary>
public sealed record DatedRelationship(Relationship Row, DateOnly? Since, DateOnly? Until);

/// <summary>
/// The rows of every day, from the rows there now and the history, without a database: what an analysis of an earlier
/// day, or a comparison of two, must see — the network as it was, not as deletions have left it.
/// <list type="bullet">
/// <item>A tie recorded without a first day starts on the day it was created.</item>
/// <item>A resource or tie deleted since is there up to the day before its last deletion, as that deletion recorded it;
/// one created and deleted on the same day (a slip put right) never was.</item>
/// <item>An erased one is gone from the past too: its values are gone.</item>
/// </list>
/// The history is indexed once and can grow (<see cref="Add"/>), so that a row touched by new changes is dated again
/// alone (<see cref="Resource"/>, <see cref="Relationship"/>) and the rest of a network need not be.
/// </summary>
public sealed class RowsOverTime
{
    private readonly Dictionary<(string Entity, int Id), DateOnly> _createdOn = [];
    private readonly Dictionary<(string Entity, int Id), Lifecycle> _lastDeletion = [];
    private readonly HashSet<(string Entity, int Id)> _erased = [];

    /// <param name="history">Lifecycles in the order they happened.</param>
    public RowsOverTime(IEnumerable<Lifecycle> history)
    {
        foreach (var lifecycle in history) Add(lifecycle);
    }

    /// <summary>Takes in a lifecycle that happened after every one taken in before.</summary>
    public void Add(Lifecycle lifecycle)
    {
        var key = (lifecycle.Entity, lifecycle.EntityId);
        switch (lifecycle.Action)
        {
            case ChangeAction.Created:
                _createdOn.TryAdd(key, lifecycle.Day);
                break;
            case ChangeAction.Deleted:
                _lastDeletion[key] = lifecycle;
                break;
            case ChangeAction.Erased:
                _erased.Add(key);
                break;
        }
    }

    /// <summary>The last deletion of a row, if it was ever deleted; an erased row's only with <paramref name="erasedToo"/>.</summary>
    public Lifecycle? LastDeletion(string entity, int id, bool erasedToo = false) =>
        _lastDeletion.TryGetValue((entity, id), out var deletion) && (erasedToo || !_erased.Contains((entity, id))) ? deletion : null;

    /// <summary>The last deletion of each row that is not there now, erased ones left out unless <paramref name="erasedToo"/>.</summary>
    /// <param name="isThereNow">Whether a row (entity, id) is in its table now.</param>
    /// <param name="erasedToo">Keep the deletions of erased rows (whose recorded values are blanked).</param>
    public List<Lifecycle> LastDeletions(Func<string, int, bool> isThereNow, bool erasedToo = false) => _lastDeletion.Values
        .Where(d => (erasedToo || !_erased.Contains((d.Entity, d.EntityId))) && !isThereNow(d.Entity, d.EntityId))
        .ToList();

    /// <summary>A resource on every day: the row there now, else as its last deletion recorded it; null when it never was.</summary>
    /// <param name="id">The resource's id.</param>
    /// <param name="now">Its row now; null when it is not in its table.</param>
    /// <param name="deletedRows">The rows the <see cref="LastDeletions"/> recorded, by change id.</param>
    public DatedResource? Resource(int id, Resource? now, IReadOnlyDictionary<long, object> deletedRows)
    {
        if (now is not null) return new DatedResource(now, null);
        if (LastDeletion(nameof(Model.Resource), id) is not { } deletion) return null;
        var lastDay = deletion.Day.AddDays(-1);
        return CreatedOn(nameof(Model.Resource), id) > lastDay ? null : new DatedResource((Resource)deletedRows[deletion.ChangeId], lastDay);
    }

    /// <summary>A tie on every day: the row there now, else as its last deletion recorded it; null when it never was.</summary>
    /// <param name="id">The tie's id.</param>
    /// <param name="now">Its row now; null when it is not in its table.</param>
    /// <param name="deletedRows">The rows the <see cref="LastDeletions"/> recorded, by change id.</param>
    public DatedRelationship? Relationship(int id, Relationship? now, IReadOnlyDictionary<long, object> deletedRows)
    {
        if (now is not null) return Dated(now, null);
        return LastDeletion(nameof(Model.Relationship), id) is { } deletion ? Dated((Relationship)deletedRows[deletion.ChangeId], deletion.Day.AddDays(-1)) : null;
    }

    /// <summary>The resources and ties of every day.</summary>
    /// <param name="resources">The resources there now.</param>
    /// <param name="ties">The ties there now.</param>
    /// <param name="deletedRows">The rows the <see cref="LastDeletions"/> recorded, by change id.</param>
    public (List<DatedResource> Resources, List<DatedRelationship> Ties) Compose(IReadOnlyCollection<Resource> resources,
        IReadOnlyCollection<Relationship> ties, IReadOnlyDictionary<long, object> deletedRows)
    {
        var resourceIds = resources.Select(r => r.Id).ToHashSet();
        var tieIds = ties.Select(t => t.Id).ToHashSet();
        bool IsThereNow(string entity, int id) => entity == nameof(Model.Resource) ? resourceIds.Contains(id) : entity == nameof(Model.Relationship) && tieIds.Contains(id);
        var deletions = LastDeletions(IsThereNow);
        var datedResources = resources.Select(r => Resource(r.Id, r, deletedRows)!)
            .Concat(deletions.Where(d => d.Entity == nameof(Model.Resource)).Select(d => Resource(d.EntityId, null, deletedRows)).OfType<DatedResource>())
            .ToList();
        var datedTies = ties.Select(t => Relationship(t.Id, t, deletedRows)!)
            .Concat(deletions.Where(d => d.Entity == nameof(Model.Relationship)).Select(d => Relationship(d.EntityId, null, deletedRows)!))
            .ToList();
        return (datedResources, datedTies);
    }

    private DateOnly? CreatedOn(string entity, int id) => _createdOn.TryGetValue((entity, id), out var day) ? day : null;

    private DatedRelationship Dated(Relationship t, DateOnly? lastDay) => new(t, t.Since ?? CreatedOn(nameof(Model.Relationship), t.Id),
        lastDay is { } last && (t.Until is null || last < t.Until) ? last : t.Until);
}
