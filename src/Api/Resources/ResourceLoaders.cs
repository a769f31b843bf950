using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Loading;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Resources;

/// <summary>Per-request batch loaders for resources.</summary>
public sealed class ResourceLoaders(IDbContextFactory<ResourceMapDbContext> factory)
{
    public BatchLoader<int, Resource?> ById { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        return await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => (Resource?)r, ct);
    }, null);
}
