using System.Collections;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Schema;

/// <summary>
/// The fields of one input object as the client sent them. Keeps "absent" apart from "null", so an update changes only
/// the fields it names and an explicit null clears a field.
/// </summary>
public sealed class InputFields(IDictionary<string, object?> values)
{
    /// <summary>The mutation argument <c>input</c>.</summary>
    public static InputFields Of(GraphQL.IResolveFieldContext context) =>
        new(GraphQL.ResolveFieldContextExtensions.GetArgument<Dictionary<string, object?>>(context, "input"));

    public bool Has(string name) => values.ContainsKey(name);

    public object? Raw(string name) => values.TryGetValue(name, out var v) ? v : null;

    public string? String(string name) => Raw(name)?.ToString();

    public T? Value<T>(string name) where T : struct => Raw(name) switch
    {
        null => null,
        T t => t,
        IConvertible c => (T)Convert.ChangeType(c, typeof(T), System.Globalization.CultureInfo.InvariantCulture),
        var other => throw UserError.BadInput($"'{name}' has an unexpected value '{other}'.", name),
    };

    public List<string>? Strings(string name) => Raw(name) switch
    {
        null => null,
        IEnumerable list and not string => list.Cast<object?>().Select(o => o?.ToString() ?? "").ToList(),
        var single => [single.ToString()!],
    };

    public InputFields? Object(string name) => Raw(name) is IDictionary<string, object?> d ? new InputFields(d) : null;
}

/// <summary>Rules for text that people type, shared by every input.</summary>
public static class TextRules
{
    /// <summary>Trimmed text, or null for null or blank; a <c>BAD_USER_INPUT</c> error when too long or holding control characters.</summary>
    public static string? Optional(string? value, string field, int maxLength, bool multiline = false)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return null;
        if (trimmed.Length > maxLength) throw UserError.BadInput($"'{field}' is longer than {maxLength} characters.", field);
        if (trimmed.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            throw UserError.BadInput($"'{field}' contains control characters.", field);
        return trimmed;
    }

    public static string Required(string? value, string field, int maxLength) =>
        Optional(value, field, maxLength) ?? throw UserError.BadInput($"'{field}' must not be empty.", field);
}
