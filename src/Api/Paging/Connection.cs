using System.Text;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Paging;

/// <summary>
/// Relay cursor paging over a total ordering. Cursors are opaque offsets: simple, valid for any sort order, and
/// stable while the data between two requests does not change.
/// </summary>
public sealed record PageRequest(int? First, string? After, int? Last, string? Before)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Whether the total is asked for; when not, a forward page is read without counting (see <see cref="Forward"/>).</summary>
    public bool CountTotal { get; init; } = true;

    /// <summary>
    /// The start and size of a page read forward without knowing the total (the page reads one item more to know whether
    /// another page follows); null when the request needs the total: 'last', 'before', a page of 0 or the total asked for.
    /// </summary>
    public (int Offset, int Count)? Forward()
    {
        Validate();
        if (CountTotal || Last is not null || Before is not null || First == 0) return null;
        return (After is null ? 0 : Cursor.Decode(After, "after") + 1, First ?? DefaultPageSize);
    }

    /// <summary>The slice [Offset, Offset + Count) of <paramref name="total"/> items this request asks for.</summary>
    public (int Offset, int Count) Slice(int total)
    {
        Validate();
        var start = After is null ? 0 : Cursor.Decode(After, "after") + 1;
        var end = Before is null ? total : Math.Min(total, Cursor.Decode(Before, "before"));
        start = Math.Min(start, total);
        end = Math.Max(end, start);
        if (Last is not null) start = Math.Max(start, end - Last.Value);
        else end = Math.Min(end, start + (First ?? DefaultPageSize));
        return (start, end - start);
    }

    private void Validate()
    {
        if (First is < 0) throw UserError.BadInput("'first' must not be negative.", "first");
        if (Last is < 0) throw UserError.BadInput("'last' must not be negative.", "last");
        if (First > MaxPageSize || Last > MaxPageSize)
            throw new UserError(ErrorCodes.PageSizeTooLarge, $"A page holds at most {MaxPageSize} items.", First > MaxPageSize ? "first" : "last");
        if (First is not null && Last is not null) throw UserError.BadInput("Give 'first' or 'last', not both.", "last");
    }
}

public static class Cursor
{
    private const string Prefix = "cursor:";

    public static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset));

    public static int Decode(string cursor, string argument)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), out var offset) && offset >= 0)
                return offset;
        }
        catch (FormatException)
        {
        }
        throw UserError.BadInput($"'{cursor}' is not a valid cursor.", argument);
    }
}

/// <summary>One page of a list, with what a Relay client needs to ask for the next.</summary>
public sealed class Connection<T>
{
    public Connection(IReadOnlyList<T> items, int offset, int totalCount) : this(items, offset, totalCount, offset + items.Count < totalCount)
    {
    }

    /// <summary>A page whose total is null when it was not counted (not asked for).</summary>
    public Connection(IReadOnlyList<T> items, int offset, int? totalCount, bool hasNextPage)
    {
        _items = items;
        _offset = offset;
        _total = totalCount;
        PageInfo = new PageInfo(
            HasNextPage: hasNextPage,
            HasPreviousPage: offset > 0,
            StartCursor: items.Count > 0 ? Cursor.Encode(offset) : null,
            EndCursor: items.Count > 0 ? Cursor.Encode(offset + items.Count - 1) : null);
    }

    private readonly IReadOnlyList<T> _items;
    private readonly int _offset;
    private readonly int? _total;

    /// <summary>The items with their cursors, made when asked for (a map reads <see cref="Nodes"/>).</summary>
    public IReadOnlyList<Edge<T>> Edges => field ??= _items.Select((item, i) => new Edge<T>(item, Cursor.Encode(_offset + i))).ToList();

    public IEnumerable<T> Nodes => _items;

    public int TotalCount => _total ?? throw new InvalidOperationException("The total was not counted: the page was read without it.");

    public PageInfo PageInfo { get; }

    /// <summary>Pages an in-memory list.</summary>
    public static Connection<T> FromList(IReadOnlyList<T> all, PageRequest page)
    {
        var (offset, count) = page.Slice(all.Count);
        return new Connection<T>(all.Skip(offset).Take(count).ToList(), offset, all.Count);
    }
}

public sealed record Edge<T>(T Node, string Cursor);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
