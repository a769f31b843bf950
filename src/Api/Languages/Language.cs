using Microsoft.Net.Http.Headers;

namespace ResourceMap.Api.Languages;

/// <summary>The languages the API writes its messages in; English when a request asks for none of the others.</summary>
public enum Language { En, Lv, Ru }

/// <summary>The language of the request being served, chosen from its Accept-Language header.</summary>
public static class RequestLanguage
{
    private static readonly AsyncLocal<Language> current = new();

    /// <summary>The language of the current request; it flows with the request's async work (English outside one).</summary>
    public static Language Current
    {
        get => current.Value;
        set => current.Value = value;
    }

    /// <summary>
    /// The first language range by quality (RFC 9110 §12.5.4; ties keep the header's order) whose primary subtag is lv,
    /// ru or en: "ru-RU, lv;q=0.8" is Russian, "de, lv;q=0.5" Latvian, "de" or none English. q=0 refuses a language.
    /// </summary>
    public static Language Choose(IList<StringWithQualityHeaderValue>? acceptLanguage)
    {
        if (acceptLanguage is null) return Language.En;
        var ranked = acceptLanguage
            .Select((range, order) => (Tag: range.Value.Value ?? "", Quality: range.Quality ?? 1, order))
            .Where(r => r.Quality > 0)
            .OrderByDescending(r => r.Quality)
            .ThenBy(r => r.order);
        foreach (var (tag, _, _) in ranked)
        {
            var primary = tag.Split('-')[0].ToLowerInvariant();
            if (primary == "lv") return Language.Lv;
            if (primary == "ru") return Language.Ru;
            if (primary == "en") return Language.En;
        }
        return Language.En;
    }

    /// <summary>Chooses the request's language, keeps it for the rest of the request and says it in Content-Language.</summary>
    public static Language Use(HttpContext http)
    {
        var language = Choose(http.Request.GetTypedHeaders().AcceptLanguage);
        Current = language;
        http.Response.Headers.ContentLanguage = Tag(language);
        return language;
    }

    /// <summary>The BCP 47 tag of a language.</summary>
    public static string Tag(Language language) => language switch
    {
        Language.Lv => "lv",
        Language.Ru => "ru",
        _ => "en",
    };
}
