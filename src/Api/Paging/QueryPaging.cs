using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ResourceMap.Api.Paging;

public static class QueryPaging
{
    /// <summary>
    /// One page of an ordered database query: an OFFSET/LIMIT query reading the columns of <paramref name="columns"/> (all
    /// when null), and a COUNT when the page needs the total — not for a page read forward without asking for it, which
    /// reads one row more to know whether another page follows.
    /// </summary>
    public static async Task<Connection<T>> ToConnectionAsync<T>(this IOrderedQueryable<T> query, PageRequest page, CancellationToken ct,
        Expression<Func<T, T>>? columns = null)
    {
        var rows = columns is null ? query : query.Select(columns);
        if (page.Forward() is var (start, size))
        {
            var read = await rows.Skip(start).Take(size + 1).ToListAsync(ct);
            // Past the end, where the page starts depends on the total: count after all.
            if (read.Count > 0 || start == 0)
            {
                var more = read.Count > size;
                if (more) read.RemoveAt(size);
                return new Connection<T>(read, start, null, more);
            }
        }
        var total = await query.CountAsync(ct);
        var (offset, count) = page.Slice(total);
        var items = count == 0 ? [] : await rows.Skip(offset).Take(count).ToListAsync(ct);
        return new Connection<T>(items, offset, total);
    }
}
