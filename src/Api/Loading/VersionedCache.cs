using Microsoft.EntityFrameworkCore;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Loading;

/// <summary>
/// Something read from the database once per data version and shared by every request until the data changes. Each use
/// costs one small query for the version; the value is loaded in one transaction with the version it belongs to.
/// </summary>
public sealed class VersionedCache<T>(ResourceMapDbContextFactory factory, Func<ResourceMapDbContext, long, CancellationToken, Task<T>> load)
    where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _current;

    private sealed record Entry(long Version, T Value);

    public async Task<(long Version, T Value)> CurrentAsync(CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var version = await db.GetDataVersionAsync(ct);
        if (_current is { } current && current.Version == version) return (current.Version, current.Value);
        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } loaded && loaded.Version == version) return (loaded.Version, loaded.Value);
            await using var tx = await db.BeginReadTransactionAsync(ct);
            version = await db.GetDataVersionAsync(ct);
            var fresh = new Entry(version, await load(db, version, ct));
            _current = fresh;
            return (fresh.Version, fresh.Value);
        }
        finally
        {
            _loading.Release();
        }
    }
}
