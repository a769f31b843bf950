using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Loading;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Relationships;

/// <summary>Per-request batch loaders for ties.</summary>
public sealed class RelationshipLoaders(IDbContextFactory<ResourceMapDbContext> factory)
{
    public BatchLoader<int, Relationship?> ById { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        return await db.Relationships.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (Relationship?)t, ct);
    }, null);

    /// <summary>Each resource's ties, in either direction, ordered by id.</summary>
    public BatchLoader<int, IReadOnlyList<Relationship>> ByResource { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        var ties = await db.Relationships.AsNoTracking().Where(t => ids.Contains(t.SourceId) || ids.Contains(t.TargetId)).OrderBy(t => t.Id).ToListAsync(ct);
        var byResource = ids.ToDictionary(id => id, _ => new List<Relationship>());
        foreach (var tie in ties)
        {
            if (byResource.TryGetValue(tie.SourceId, out var fromSource)) fromSource.Add(tie);
            if (tie.TargetId != tie.SourceId && byResource.TryGetValue(tie.TargetId, out var fromTarget)) fromTarget.Add(tie);
        }
        return byResource.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Relationship>)kv.Value);
    }, []);
}
