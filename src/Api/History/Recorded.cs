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
            .Select(h => new { Lifecycle = new Lifecycle(h.Id, h.Entity, h.EntityId, h.Action, h.At), h.Before })
            .ToListAsync(ct);
        var recorded = deletions.ToDictionary(d => d.Lifecycle.ChangeId, d => d.Before!);
        // Asked for because they are not in their table: each as its last deletion recorded it.
        return new RowsOverTime(deletions.OrderBy(d => d.Lifecycle.ChangeId).Select(d => d.Lifecycle)).LastDeletions((_, _) => false, erasedToo: true)
            .ToDictionary(d => d.EntityId, d => Persistence.History.Read(db, create(), recorded[d.ChangeId]));
    }
}
