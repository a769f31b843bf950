using ResourceMap.Persistence;

namespace ResourceMap.Api.Changes;

public enum ChangeKind
{
    Created,
    Updated,
    Deleted,
}

/// <summary>A resource was created, changed or deleted; <see cref="DataVersion"/> is the version that holds the change.</summary>
public sealed record ResourceChange(ChangeKind Kind, int ResourceId, long DataVersion);

/// <summary>The data moved to a new version: which resources, ties and areas the change touched, and by what.</summary>
public sealed record NetworkChange(long DataVersion, string Cause, IReadOnlyList<int> ResourceIds, IReadOnlyList<int> RelationshipIds, IReadOnlyList<int> AreaIds);

/// <summary>
/// What mutations changed, for subscribers. In process only: with several server instances each would need a shared
/// bus (for example a database notification) — one instance is what ResourceMap runs today.
/// </summary>
public sealed class ChangeFeed
{
    public Broadcast<ResourceChange> Resources { get; } = new();
    public Broadcast<NetworkChange> Network { get; } = new();

    /// <summary>Called by a mutation after its transaction committed.</summary>
    public async Task PublishAsync(ResourceMapDbContext db, string cause, CancellationToken ct,
        IEnumerable<(ChangeKind Kind, int Id)>? resources = null, IEnumerable<int>? relationships = null, IEnumerable<int>? areas = null)
    {
        var version = await db.GetDataVersionAsync(ct);
        var changed = resources?.ToList() ?? [];
        foreach (var (kind, id) in changed) Resources.Publish(new ResourceChange(kind, id, version));
        Network.Publish(new NetworkChange(version, cause, changed.Select(c => c.Id).ToList(), relationships?.ToList() ?? [], areas?.ToList() ?? []));
    }
}

/// <summary>A minimal hot observable: every value goes to the observers subscribed at that moment.</summary>
public sealed class Broadcast<T> : IObservable<T>
{
    private readonly List<IObserver<T>> _observers = [];

    public IDisposable Subscribe(IObserver<T> observer)
    {
        lock (_observers) _observers.Add(observer);
        return new Unsubscriber(() => { lock (_observers) _observers.Remove(observer); });
    }

    public void Publish(T value)
    {
        IObserver<T>[] observers;
        lock (_observers) observers = [.. _observers];
        foreach (var observer in observers) observer.OnNext(value);
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
