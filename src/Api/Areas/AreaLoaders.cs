using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Loading;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Areas;

/// <summary>Per-request batch loaders for areas.</summary>
public sealed class AreaLoaders(IDbContextFactory<ResourceMapDbContext> factory)
{
    public BatchLoader<int, Area?> ById { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        return await db.Areas.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (Area?)a, ct);
    }, null);

    public BatchLoader<int, IReadOnlyList<Area>> ChildrenOf { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        var children = await db.Areas.AsNoTracking().Where(a => a.ParentId != null && ids.Contains(a.ParentId.Value)).OrderBy(a => a.Id).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<Area>)children.Where(a => a.ParentId == id).ToList());
    }, []);

    /// <summary>
    /// Resources in each area and the areas inside it, not closed. Sensitive ones count too, for everyone: a count is the
    /// one place where they appear to those who may not see them.
    /// </summary>
    public BatchLoader<int, int> ResourceCounts { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        var perArea = await db.Resources.IgnoreQueryFilters().Where(r => r.AreaId != null && r.Status != ResourceStatus.Closed)
            .GroupBy(r => r.AreaId!.Value).Select(g => new { Area = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Area, x => x.Count, ct);
        var tree = (await db.Areas.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(ct)).Select(a => (a.Id, a.ParentId)).ToList();
        return ids.ToDictionary(id => id, id => AreaTree.SelfAndDescendants(tree, id).Sum(area => perArea.GetValueOrDefault(area)));
    }, 0);
}

public static class AreaTree
{
    /// <summary>The area and every area inside it, at any depth. Areas are few (hundreds), so the tree is walked in memory.</summary>
    public static async Task<List<int>> SelfAndDescendantsAsync(ResourceMapDbContext db, int areaId, CancellationToken ct)
    {
        var parents = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
        return SelfAndDescendants(parents.Select(a => (a.Id, a.ParentId)), areaId).ToList();
    }

    /// <summary>
    /// Each area's municipality: the highest area above it (or itself) that is not a country, so a parish and a
    /// neighbourhood belong to their municipality and a state city to itself.
    /// </summary>
    public static Dictionary<int, int> MunicipalityOf(IReadOnlyCollection<(int Id, int? ParentId, AreaKind Kind)> areas)
    {
        var byId = areas.ToDictionary(a => a.Id);
        var result = new Dictionary<int, int>();
        foreach (var area in areas)
        {
            var top = area;
            // Bounded by the number of areas: a cycle in bad data must not hang the loader.
            for (var steps = 0; steps < areas.Count && top.ParentId is { } parent && byId.TryGetValue(parent, out var up) && up.Kind != AreaKind.Country; steps++) top = up;
            if (top.Kind != AreaKind.Country) result[area.Id] = top.Id;
        }
        return result;
    }

    /// <summary>The same walk over (id, parent) pairs already in memory.</summary>
    public static HashSet<int> SelfAndDescendants(IEnumerable<(int Id, int? ParentId)> areas, int areaId)
    {
        var childrenOf = areas.Where(a => a.ParentId != null).ToLookup(a => a.ParentId!.Value, a => a.Id);
        var result = new HashSet<int> { areaId };
        var queue = new Queue<int>([areaId]);
        while (queue.TryDequeue(out var id))
            foreach (var child in childrenOf[id]) if (result.Add(child)) queue.Enqueue(child);
        return result;
    }
}
