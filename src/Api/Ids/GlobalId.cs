using System.Text;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Ids;

/// <summary>
/// Relay global object ids: base64 of "Type:key", opaque to clients and unique across types, so <c>node(id)</c> can
/// find any object from its id alone.
/// </summary>
public static class GlobalId
{
    public const string Resource = "Resource";
    public const string Relationship = "Relationship";
    public const string Area = "Area";
    public const string Activity = "Activity";
    public const string Introduction = "Introduction";

    // A map query writes each resource's id as its own and again as an end of each of its ties: the ids of resources and
    // ties are made once and kept (a few MB for a hundred thousand; emptied beyond that, as a crude bound).
    private const int Kept = 200_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> ResourceIds = new(), RelationshipIds = new();

    public static string Encode(string type, int key)
    {
        var kept = type == Resource ? ResourceIds : type == Relationship ? RelationshipIds : null;
        if (kept is null) return Format(type, key);
        if (kept.TryGetValue(key, out var id)) return id;
        if (kept.Count >= Kept) kept.Clear();
        return kept.GetOrAdd(key, k => Format(type, k));
    }

    private static string Format(string type, int key)
    {
        // Formatted into the stack: only the answer is allocated.
        Span<byte> text = stackalloc byte[64];
        return System.Text.Unicode.Utf8.TryWrite(text, $"{type}:{key}", out var length)
            ? Convert.ToBase64String(text[..length])
            : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}"));
    }

    public static bool TryDecode(string? id, out string type, out int key)
    {
        type = "";
        key = 0;
        if (string.IsNullOrEmpty(id) || id.Length > 100) return false;
        var bytes = new byte[id.Length];
        if (!Convert.TryFromBase64String(id, bytes, out var length)) return false;
        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out key)) return false;
        type = text[..colon];
        return true;
    }

    /// <summary>The key of an id that must name an object of <paramref name="type"/>; a <c>BAD_USER_INPUT</c> error otherwise.</summary>
    public static int Decode(string? id, string type, string argument)
    {
        if (TryDecode(id, out var actual, out var key) && actual == type) return key;
        throw UserError.BadInput($"'{id}' is not a valid {type} id.", argument);
    }
}
