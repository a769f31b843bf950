using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ResourceMap.Api.Paging;

public static class QueryPaging
{
    /// <summary>
    /// One page of an ordered database query: a COUNT and a single OFFSET/LIMIT query reading the columns of
    /// <paramref name="columns"/> (all when null).
    /// </summary>
    public static async Task<Connection<T>> ToConnectionAsync<T>(this IOrderedQueryable<T> query, PageRequest page, CancellationToken ct,
        Expression<Func<T, T>>? columns = null)
    {
        var total = await query.CountAsync(ct);
        var (offset, count) = page.Slice(total);
        var rows = columns is null ? query : query.Select(columns);
        var items = count == 0 ? [] : await rows.Skip(offset).Take(count).ToListAsync(ct);
        return new Connection<T>(items, offset, total);
    }
}
