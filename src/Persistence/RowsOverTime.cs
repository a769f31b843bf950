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
/// </summary>
public static class RowsOverTime
{
    /// <summary>The last deletion of each row that is not there now, erased ones left out unless <paramref name="erasedToo"/>.</summary>
    /// <param name="history">Lifecycles in the order they happened.</param>
    /// <param name="isThereNow">Whether a row (entity, id) is in its table now.</param>
    /// <param name="erasedToo">Keep the deletions of erased rows (whose recorded values are blanked).</param>
    public static List<Lifecycle> LastDeletions(IEnumerable<Lifecycle> history, Func<string, int, bool> isThereNow, bool erasedToo = false)
    {
        var records = history as IReadOnlyCollection<Lifecycle> ?? history.ToList();
        var erased = erasedToo ? [] : records.Where(h => h.Action == ChangeAction.Erased).Select(h => (h.Entity, h.EntityId)).ToHashSet();
        return records.Where(h => h.Action == ChangeAction.Deleted && !erased.Contains((h.Entity, h.EntityId)) && !isThereNow(h.Entity, h.EntityId))
            .GroupBy(h => (h.Entity, h.EntityId))
            .Select(g => g.MaxBy(h => h.ChangeId)!)
            .ToList();
    }

    /// <summary>The resources and ties of every day.</summary>
    /// <param name="resources">The resources there now.</param>
    /// <param name="ties">The ties there now.</param>
    /// <param name="history">Every lifecycle, in the order they happened.</param>
    /// <param name="deletedRows">The rows the <see cref="LastDeletions"/> recorded, by change id.</param>
    public static (List<DatedResource> Resources, List<DatedRelationship> Ties) Compose(IReadOnlyCollection<Resource> resources,
        IReadOnlyCollection<Relationship> ties, IReadOnlyList<Lifecycle> history, IReadOnlyDictionary<long, object> deletedRows)
    {
        var createdOn = new Dictionary<(string, int), DateOnly>();
        foreach (var h in history.Where(h => h.Action == ChangeAction.Created)) createdOn.TryAdd((h.Entity, h.EntityId), h.Day);
        DateOnly? CreatedOn(string entity, int id) => createdOn.TryGetValue((entity, id), out var day) ? day : null;
        DatedRelationship Dated(Relationship t, DateOnly? lastDay) => new(t, t.Since ?? CreatedOn(nameof(Relationship), t.Id),
            lastDay is { } last && (t.Until is null || last < t.Until) ? last : t.Until);

        var datedResources = resources.Select(r => new DatedResource(r, null)).ToList();
        var datedTies = ties.Select(t => Dated(t, null)).ToList();
        var resourceIds = resources.Select(r => r.Id).ToHashSet();
        var tieIds = ties.Select(t => t.Id).ToHashSet();
        bool IsThereNow(string entity, int id) => entity == nameof(Resource) ? resourceIds.Contains(id) : entity == nameof(Relationship) && tieIds.Contains(id);

        foreach (var deletion in LastDeletions(history, IsThereNow))
        {
            var lastDay = deletion.Day.AddDays(-1);
            switch (deletedRows[deletion.ChangeId])
            {
                case Resource r when !(CreatedOn(nameof(Resource), r.Id) > lastDay):
                    datedResources.Add(new DatedResource(r, lastDay));
                    break;
                case Relationship t:
                    datedTies.Add(Dated(t, lastDay));
                    break;
            }
        }
        return (datedResources, datedTies);
    }
}
