using Microsoft.EntityFrameworkCore;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.History;

/// <summary>Rows as they were when last deleted, read back from the history: an analysis of an earlier day names them.</summary>
public static class Recorded
{
    public static async Task<Dictionary<int, T>> DeletedAsync<T>(ResourceMapDbContext db, IReadOnlyCollection<int> ids, Func<T> create, CancellationToken ct) where T : class
    {
        if (ids.Count == 0) return [];
        var entity = typeof(T).Name;
        var deletions = await db.Changes.AsNoTracking().Where(h => h.Entity == entity && ids.Contains(h.EntityId) && h.Action == ChangeAction.Deleted)
            .OrderBy(h => h.Id).ToListAsync(ct);
        return deletions.GroupBy(h => h.EntityId).ToDictionary(g => g.Key, g => Persistence.History.Read(db, create(), g.Last().Before!));
    }
}
