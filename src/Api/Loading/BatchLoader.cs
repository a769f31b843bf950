using System.Collections.Concurrent;
using GraphQL.DataLoader;

namespace ResourceMap.Api.Loading;

/// <summary>
/// Collects the keys that resolvers ask for while GraphQL.NET walks one level of the result, then fetches them all in one
/// query when the first result is awaited (GraphQL.NET awaits <see cref="IDataLoaderResult"/>s after the level's other
/// fields). One instance per request; values are cached for the request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing)
    where TKey : notnull
{
    private readonly object _gate = new();
    // Read without the gate: resolvers of a page look up values loaded ahead hundreds of times per request.
    private readonly ConcurrentDictionary<TKey, TValue> _loaded = [];
    private readonly HashSet<TKey> _pending = [];
    private Task _inFlight = Task.CompletedTask;

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_loaded.ContainsKey(key)) _pending.Add(key);
        }
        return new Result(this, key);
    }

    /// <summary>The value of a key already fetched, so that a resolver can answer at once instead of with a deferred result.</summary>
    public bool TryGetLoaded(TKey key, out TValue value) => _loaded.TryGetValue(key, out value!);

    /// <summary>
    /// Fetches these keys now, in one query: a list resolver that sees its items' field in the selection (look-ahead)
    /// loads it for the whole page, and the items' resolvers then find their values with <see cref="TryGetLoaded"/>.
    /// </summary>
    public Task PrimeAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken) => FetchAsync(keys.ToList(), cancellationToken);

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_loaded.TryGetValue(key, out var value)) return value;
                if (_inFlight.IsCompleted)
                {
                    if (_pending.Count == 0) _pending.Add(key);
                    var keys = _pending.ToList();
                    _pending.Clear();
                    _inFlight = FetchAsync(keys, cancellationToken);
                }
                wait = _inFlight;
            }
            await wait;
        }
    }

    private async Task FetchAsync(List<TKey> keys, CancellationToken cancellationToken)
    {
        var values = await fetch(keys, cancellationToken);
        lock (_gate)
        {
            foreach (var key in keys) _loaded[key] = values.TryGetValue(key, out var v) ? v : missing;
        }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>A deferred result made of several others, for list fields whose items come from loaders.</summary>
public sealed class CombinedResult<T>(IReadOnlyList<IDataLoaderResult<T>> parts) : IDataLoaderResult<IReadOnlyList<T>>
{
    public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var values = new List<T>(parts.Count);
        foreach (var part in parts) values.Add(await part.GetResultAsync(cancellationToken));
        return values;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}

/// <summary>A deferred result transformed once it is known.</summary>
public sealed class MappedResult<TIn, TOut>(IDataLoaderResult<TIn> source, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
{
    public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) => map(await source.GetResultAsync(cancellationToken));

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}

/// <summary>A result already known, where a loader result is expected.</summary>
public sealed class KnownResult<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}
