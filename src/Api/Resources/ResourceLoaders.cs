using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Loading;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Resources;

/// <summary>Per-request batch loaders for resources.</summary>
public sealed class ResourceLoaders(IDbContextFactory<ResourceMapDbContext> factory, Access.RequestCaller caller)
{
    public BatchLoader<int, Resource?> ById { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        return await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => (Resource?)r, ct);
    }, null);

    /// <summary>The resources, or for those deleted since, their values when deleted: for analyses of earlier days.</summary>
    public BatchLoader<int, Resource?> AsRecorded { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        var found = await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => (Resource?)r, ct);
        var deleted = await History.Recorded.DeletedAsync(db, ids.Where(id => !found.ContainsKey(id)).ToList(), () => new Resource { Name = "" }, ct);
        foreach (var (id, resource) in deleted)
            if (!resource.Sensitive || caller.IsInsider(resource.AreaId)) found[id] = resource;
        return found;
    }, null);
}
