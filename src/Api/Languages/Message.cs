using System.Runtime.CompilerServices;
using System.Text;

namespace ResourceMap.Api.Languages;

/// <summary>
/// A text for a person, kept as its English template and its values so that it can be written in the language of the
/// request (<see cref="Catalog"/>): the template is the message id, as gettext's msgid is the English text.
/// </summary>
public sealed class Message(string template, IReadOnlyList<MessageValue> values)
{
    /// <summary>The English text with {0}, {1}… where the values go (braces of the text doubled).</summary>
    public string Template { get; } = template;

    public IReadOnlyList<MessageValue> Values { get; } = values;

    /// <summary>A text without values.</summary>
    public static Message Of(string text) => new(text.Replace("{", "{{").Replace("}", "}}"), []);

    /// <summary>A template (in the catalog's syntax, plural choices allowed) with its values.</summary>
    public static Message WithValues(string template, params object?[] values) =>
        new(template, values.Select(v => new MessageValue(v, null)).ToList());

    /// <summary>The text in the given language (English when the catalog has no translation).</summary>
    public string In(Language language) => Catalog.Render(this, language);

    public override string ToString() => In(Language.En);
}

/// <summary>A value of a message and the format its code asked for ("0.0", "N0"), applied in the message's language.</summary>
public readonly record struct MessageValue(object? Value, string? Format);

/// <summary>
/// Turns <c>$"'first' must be from 0 to {max}."</c> into the template "'first' must be from 0 to {0}." and the value
/// max, so that call sites keep writing interpolated strings.
/// </summary>
[InterpolatedStringHandler]
public ref struct MessageHandler
{
    private readonly StringBuilder template;
    private readonly List<MessageValue> values;

    public MessageHandler(int literalLength, int formattedCount)
    {
        template = new StringBuilder(literalLength + 4 * formattedCount);
        values = new List<MessageValue>(formattedCount);
    }

    public void AppendLiteral(string text) => template.Append(text.Replace("{", "{{").Replace("}", "}}"));

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        template.Append('{').Append(values.Count).Append('}');
        values.Add(new MessageValue(value, format));
    }

    public Message ToMessage() => new(template.ToString(), values);
}
