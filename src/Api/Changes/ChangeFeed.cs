using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Changes;

public enum ChangeKind
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// A resource was created, changed or deleted; <see cref="DataVersion"/> is the version that holds the change. A
/// <see cref="Protected"/> one (sensitive, or erased) goes only to insiders of its area.
/// </summary>
public sealed record ResourceChange(ChangeKind Kind, int ResourceId, long DataVersion, Protection? Protected);

/// <summary>The area of a resource that only its insiders may hear of.</summary>
public sealed record Protection(int? AreaId);

/// <summary>A tie was created, changed or deleted; <see cref="Ends"/> are its ends that only their insiders may hear of.</summary>
public sealed record TieChange(int RelationshipId, IReadOnlyList<Protection> Ends);

/// <summary>An activity was created, changed or deleted; a <see cref="Protected"/> (sensitive) one goes only to insiders of its area.</summary>
public sealed record ActivityChange(int ActivityId, Protection? Protected);

/// <summary>An introduction was recorded, changed or deleted; <see cref="Ends"/> are the actors introduced that only their insiders may hear of.</summary>
public sealed record IntroductionChange(int IntroductionId, IReadOnlyList<Protection> Ends);

/// <summary>The data moved to a new version: which resources, ties, areas, activities and introductions the change touched, and by what.</summary>
public sealed record NetworkChange(long DataVersion, string Cause, IReadOnlyList<ResourceChange> Resources, IReadOnlyList<TieChange> Relationships, IReadOnlyList<int> AreaIds)
{
    public IReadOnlyList<ActivityChange> Activities { get; init; } = [];
    public IReadOnlyList<IntroductionChange> Introductions { get; init; } = [];

    /// <summary>Whether anything is left to tell.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Resources.Count == 0 && Relationships.Count == 0 && AreaIds.Count == 0 && Activities.Count == 0 && Introductions.Count == 0;
}

/// <summary>
/// What mutations changed, for subscribers. On PostgreSQL, which several server instances may share, each change is
/// also announced to the other instances (<see cref="ChangeAnnouncements"/>), whose subscribers then hear of it too.
/// </summary>
public sealed class ChangeFeed(ResourceMapDbContextFactory factory)
{
    public Broadcast<ResourceChange> Resources { get; } = new();
    public Broadcast<NetworkChange> Network { get; } = new();

    /// <summary>Announces changes to the other instances and assembles theirs; null when there can be no others.</summary>
    public ChangeAnnouncements? Announcements { get; } = factory.Provider == DatabaseProvider.PostgreSql ? new() : null;

    /// <summary>Called by a mutation after its transaction committed.</summary>
    public async Task PublishAsync(ResourceMapDbContext db, string cause, CancellationToken ct,
        IEnumerable<(ChangeKind Kind, int Id)>? resources = null, IEnumerable<int>? relationships = null, IEnumerable<int>? areas = null,
        IEnumerable<int>? activities = null, IEnumerable<int>? introductions = null)
    {
        var version = await db.GetDataVersionAsync(ct);
        var changed = resources?.ToList() ?? [];
        var ties = relationships?.Distinct().ToList() ?? [];
        var introduced = introductions?.Distinct().ToList() ?? [];
        var ends = await EndsAsync(db, nameof(Relationship), nameof(Relationship.SourceId), nameof(Relationship.TargetId), ties, ct);
        var pairs = await EndsAsync(db, nameof(Introduction), nameof(Introduction.FirstId), nameof(Introduction.SecondId), introduced, ct);
        var protection = await ProtectionAsync(db, nameof(Resource), changed.Select(c => c.Id).Concat(ends.Values.Concat(pairs.Values).SelectMany(e => new[] { e.Source, e.Target })).Distinct().ToList(), ct);
        var events = changed.Select(c => new ResourceChange(c.Kind, c.Id, version, protection.GetValueOrDefault(c.Id))).ToList();
        // A tie (or an introduction) with no record of its ends: admins only.
        List<Protection> EndsOf(Dictionary<int, (int Source, int Target)> known, int id) => known.TryGetValue(id, out var e)
            ? new[] { e.Source, e.Target }.Where(protection.ContainsKey).Select(r => protection[r]).ToList()
            : [new Protection(null)];
        var tieEvents = ties.Select(id => new TieChange(id, EndsOf(ends, id))).ToList();
        var activityIds = activities?.Distinct().ToList() ?? [];
        var activityProtection = await ProtectionAsync(db, nameof(Activity), activityIds, ct);
        var change = new NetworkChange(version, cause, events, tieEvents, areas?.ToList() ?? [])
        {
            Activities = activityIds.Select(id => new ActivityChange(id, activityProtection.GetValueOrDefault(id))).ToList(),
            Introductions = introduced.Select(id => new IntroductionChange(id, EndsOf(pairs, id))).ToList(),
        };
        Deliver(change);
        if (Announcements is not null)
            foreach (var message in Announcements.Messages(change))
                await db.Database.ExecuteSqlAsync($"SELECT pg_notify({ChangeAnnouncements.Channel}, {message})", ct);
    }

    /// <summary>Hands a change to this instance's subscribers.</summary>
    public void Deliver(NetworkChange change)
    {
        foreach (var resource in change.Resources) Resources.Publish(resource);
        Network.Publish(change);
    }

    /// <summary>The two resources of these ties (or introductions), from their latest recorded values (the row may be gone).</summary>
    private static async Task<Dictionary<int, (int Source, int Target)>> EndsAsync(ResourceMapDbContext db, string entity, string first, string second, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var latest = await db.Changes.AsNoTracking().Where(h => h.Entity == entity && ids.Contains(h.EntityId)).OrderByDescending(h => h.Id)
            .Select(h => new { h.EntityId, Values = h.After ?? h.Before }).ToListAsync(ct);
        var ends = new Dictionary<int, (int, int)>();
        foreach (var row in latest.GroupBy(h => h.EntityId).Select(g => g.First()))
        {
            var values = JsonDocument.Parse(row.Values ?? "{}").RootElement;
            if (values.TryGetProperty(first, out var source) && values.TryGetProperty(second, out var target))
                ends[row.EntityId] = (source.GetInt32(), target.GetInt32());
        }
        return ends;
    }

    /// <summary>
    /// Which of these resources (or activities) are protected, from their latest recorded values (the row may be gone):
    /// sensitive ones, and erased ones, whose values are gone.
    /// </summary>
    private static async Task<Dictionary<int, Protection>> ProtectionAsync(ResourceMapDbContext db, string entity, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var latest = (await db.Changes.AsNoTracking().Where(h => h.Entity == entity && ids.Contains(h.EntityId)).OrderByDescending(h => h.Id)
                .Select(h => new { h.EntityId, Values = h.After ?? h.Before }).ToListAsync(ct))
            .GroupBy(h => h.EntityId).Select(g => (Id: g.Key, Values: JsonDocument.Parse(g.First().Values ?? "{}").RootElement));
        var protection = new Dictionary<int, Protection>();
        foreach (var (id, values) in latest)
        {
            var sensitive = !values.TryGetProperty(nameof(Resource.Sensitive), out var flag) || flag.GetBoolean();
            if (sensitive)
                protection[id] = new Protection(values.TryGetProperty(nameof(Resource.AreaId), out var area) && area.ValueKind == JsonValueKind.Number ? area.GetInt32() : null);
        }
        return protection;
    }
}

/// <summary>
/// A minimal hot observable: every value goes to the observers subscribed at that moment. Values are handed over by one
/// delivery loop of its own, in order, so a publisher (a mutation, after its commit) never waits for any subscriber.
/// </summary>
public sealed class Broadcast<T> : IObservable<T>
{
    private readonly List<IObserver<T>> _observers = [];
    private readonly System.Threading.Channels.Channel<(T Value, IObserver<T>[] Observers)> _pending =
        System.Threading.Channels.Channel.CreateUnbounded<(T, IObserver<T>[])>(new() { SingleReader = true });

    public Broadcast()
    {
        _ = Task.Run(DeliverAsync);
    }

    public IDisposable Subscribe(IObserver<T> observer)
    {
        lock (_observers) _observers.Add(observer);
        return new Unsubscriber(() => { lock (_observers) _observers.Remove(observer); });
    }

    public void Publish(T value)
    {
        IObserver<T>[] observers;
        lock (_observers) observers = [.. _observers];
        if (observers.Length > 0) _pending.Writer.TryWrite((value, observers));
    }

    private async Task DeliverAsync()
    {
        await foreach (var (value, observers) in _pending.Reader.ReadAllAsync())
            foreach (var observer in observers)
            {
                try
                {
                    observer.OnNext(value);
                }
                catch (Exception)
                {
                    // One subscriber's failure is its own; the others still hear of the change.
                }
            }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

/// <summary>Only the values that pass a test.</summary>
public sealed class Filtered<T>(IObservable<T> source, Func<T, bool> keep) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer) => source.Subscribe(new Observer(observer, keep));

    private sealed class Observer(IObserver<T> inner, Func<T, bool> keep) : IObserver<T>
    {
        public void OnCompleted() => inner.OnCompleted();
        public void OnError(Exception error) => inner.OnError(error);
        public void OnNext(T value)
        {
            if (keep(value)) inner.OnNext(value);
        }
    }
}

/// <summary>Each value changed on its way.</summary>
public sealed class Mapped<T>(IObservable<T> source, Func<T, T> map) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer) => source.Subscribe(new Observer(observer, map));

    private sealed class Observer(IObserver<T> inner, Func<T, T> map) : IObserver<T>
    {
        public void OnCompleted() => inner.OnCompleted();
        public void OnError(Exception error) => inner.OnError(error);
        public void OnNext(T value) => inner.OnNext(map(value));
    }
}
