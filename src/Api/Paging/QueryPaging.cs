using Microsoft.EntityFrameworkCore;

namespace ResourceMap.Api.Paging;

public static class QueryPaging
{
    /// <summary>One page of an ordered database query: a COUNT and a single OFFSET/LIMIT query.</summary>
    public static async Task<Connection<T>> ToConnectionAsync<T>(this IOrderedQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var (offset, count) = page.Slice(total);
        var items = count == 0 ? [] : await query.Skip(offset).Take(count).ToListAsync(ct);
        return new Connection<T>(items, offset, total);
    }
}
