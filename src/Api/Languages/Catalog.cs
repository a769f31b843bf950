using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ResourceMap.Api.Languages;

/// <summary>
/// The translations of the API's messages (<c>messages.json</c>: for each English template its Latvian and Russian,
/// and an English one where English needs plural forms). A template writes a value as {0}, a number format as {0:0.0},
/// and words that agree with a number as {0:one=partneris|other=partneri}, chosen by the number's CLDR plural category
/// (lv: zero, one, other; ru: one, few, many, other; en: one, other); a category not written takes "other". Values are
/// formatted as the language writes numbers ("3,2" in Latvian and Russian); a value that is itself a message, or a text
/// the catalog translates, is written in the same language.
/// </summary>
public static partial class Catalog
{
    private sealed record Entry(string? En, string? Lv, string? Ru);

    private static readonly Lazy<IReadOnlyDictionary<string, Entry>> entries = new(Load);

    /// <summary>Every English template the catalog knows, with its translations.</summary>
    public static IReadOnlyDictionary<string, (string? En, string? Lv, string? Ru)> Entries =>
        entries.Value.ToDictionary(e => e.Key, e => (e.Value.En, e.Value.Lv, e.Value.Ru));

    public static string Render(Message message, Language language)
    {
        var template = Translation(message.Template, language) ?? message.Template;
        var culture = Culture(language);
        return Placeholder().Replace(template, match =>
        {
            if (!match.Groups[1].Success) return match.Value[..1];
            var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var value = index < message.Values.Count ? message.Values[index] : default;
            var spec = match.Groups[2].Success ? match.Groups[2].Value : null;
            return spec is not null && spec.Contains('=')
                ? PluralForm(spec, value.Value, language)
                : Format(value.Value, spec ?? value.Format, language, culture);
        });
    }

    /// <summary>A sentence of the analysis (<see cref="Graph.Network.Reason"/>) in the request's language.</summary>
    public static string Render(Graph.Network.Reason reason) => Message.WithValues(reason.Template, reason.Values).In(RequestLanguage.Current);

    /// <summary>A text without values in the given language; the text itself when the catalog has no translation.</summary>
    public static string Translate(string text, Language language) => Render(Message.Of(text), language);

    /// <summary>The CLDR plural category of a whole number in a language ("other" for fractions).</summary>
    public static string PluralCategory(object? value, Language language)
    {
        if (value is not (int or long or short or byte)) return "other";
        var n = Math.Abs(Convert.ToInt64(value, CultureInfo.InvariantCulture));
        var (last, lastTwo) = (n % 10, n % 100);
        return language switch
        {
            Language.Lv when last == 0 || lastTwo is >= 11 and <= 19 => "zero",
            Language.Lv when last == 1 && lastTwo != 11 => "one",
            Language.Ru when last == 1 && lastTwo != 11 => "one",
            Language.Ru when last is >= 2 and <= 4 && lastTwo is < 12 or > 14 => "few",
            Language.Ru => "many",
            Language.En when n == 1 => "one",
            _ => "other",
        };
    }

    private static string? Translation(string template, Language language) =>
        entries.Value.TryGetValue(template, out var entry)
            ? language switch
            {
                Language.Lv => entry.Lv,
                Language.Ru => entry.Ru,
                _ => entry.En,
            }
            : null;

    private static string PluralForm(string spec, object? value, Language language)
    {
        var forms = spec.Split('|')
            .Select(form => form.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1]);
        return forms.GetValueOrDefault(PluralCategory(value, language)) ?? forms.GetValueOrDefault("other") ?? "";
    }

    private static string Format(object? value, string? format, Language language, CultureInfo culture) => value switch
    {
        null => "",
        Message message => message.In(language),
        string text => Translate(text, language),
        IEnumerable<string> texts => string.Join(", ", texts.Select(t => Translate(t, language))),
        IFormattable formattable => formattable.ToString(format, culture),
        _ => value.ToString() ?? "",
    };

    private static CultureInfo Culture(Language language) => language switch
    {
        Language.Lv => CultureInfo.GetCultureInfo("lv-LV"),
        Language.Ru => CultureInfo.GetCultureInfo("ru-RU"),
        _ => CultureInfo.InvariantCulture,
    };

    private static IReadOnlyDictionary<string, Entry> Load()
    {
        using var stream = typeof(Catalog).Assembly.GetManifestResourceStream("messages.json")
            ?? throw new InvalidOperationException("messages.json is not embedded in the assembly.");
        return JsonSerializer.Deserialize<Dictionary<string, Entry>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    /// <summary>{{, }} or {index} / {index:spec}.</summary>
    [GeneratedRegex(@"\{\{|\}\}|\{(\d+)(?::([^{}]*))?\}")]
    private static partial Regex Placeholder();
}
