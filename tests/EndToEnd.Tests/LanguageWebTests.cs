using System.Text.Json;
using System.Text.RegularExpressions;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// Every page of the web app in Latvian, Russian and English, each opened by a browser set to that language (a server
/// of its own: it adds a survey): the map, the impact report, the survey desk and the survey form. Every text of each
/// page is in the page's language, and what the pages write themselves takes each language's plural forms and dates.
/// </summary>
public sealed partial class LanguageWebTests(WebAppTests.NoTilesServer demo) : IClassFixture<WebAppTests.NoTilesServer>
{
    private static readonly string[] Languages = ["lv", "ru", "en"];
    private static readonly string[] Pages = ["map", "report", "surveys", "survey"];

    [Fact]
    public async Task Every_page_speaks_Latvian_Russian_and_English_as_the_browser_asks()
    {
        var server = demo.Server;
        var worker = await server.TokenAsync("worker", "Cēsu novads");
        var cesis = (await server.DataAsync("{ areas(text: \"Cēsu novads\") { nodes { id name } } }")).GetProperty("areas").GetProperty("nodes")
            .EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Cēsu novads").GetProperty("id").GetString();
        var pensioners = (await server.DataAsync("{ resources(text: \"pensionāru biedrība\") { nodes { id name } } }")).GetProperty("resources").GetProperty("nodes")
            .EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Cēsu novada pensionāru biedrība").GetProperty("id").GetString();
        var survey = (await server.DataAsync("mutation($a: ID!) { createSurvey(input: { name: \"Cēsu partneru aptauja\", areaId: $a, opensOn: \"2026-01-01\", closesOn: \"2099-12-31\" }) { id } }",
            new { a = cesis }, worker)).GetProperty("createSurvey").GetProperty("id").GetString();
        var link = (await server.DataAsync("mutation($s: ID!, $r: ID!) { inviteToSurvey(input: { surveyId: $s, resourceIds: [$r] }) { link } }",
            new { s = survey, r = pensioners }, worker)).GetProperty("inviteToSurvey")[0].GetProperty("link").GetString()!;

        var result = await WebAppTests.BrowseAsync(server, "browse-languages.mjs", worker, link);

        foreach (var page in Pages)
        {
            var texts = Languages.ToDictionary(l => l, l => Texts(result.GetProperty(l).GetProperty(page)));
            foreach (var language in Languages) Assert.Equal(language, result.GetProperty(language).GetProperty(page).GetProperty("lang").GetString());
            // The same texts on the page in each language, none empty, and none left in another language: a Russian or
            // English text equal to the Latvian one was not translated. (Names of languages and formats are the same.)
            Assert.Equal(texts["lv"].Keys.Order(), texts["ru"].Keys.Order());
            Assert.Equal(texts["lv"].Keys.Order(), texts["en"].Keys.Order());
            var untranslated = texts["lv"]
                .Where(t => !Untranslatable.Contains(t.Key))
                .Where(t => string.IsNullOrWhiteSpace(t.Value) || texts["ru"][t.Key] == t.Value || texts["en"][t.Key] == t.Value || texts["ru"][t.Key] == texts["en"][t.Key])
                .Select(t => $"{t.Key}: {t.Value} | {texts["ru"][t.Key]} | {texts["en"][t.Key]}");
            Assert.True(!untranslated.Any(), $"{page}: empty or the same in two languages:\n{string.Join("\n", untranslated)}");
        }

        // What the map writes itself: "N resources, M ties." with each language's plural forms for those numbers,
        // worked here by the languages' rules (CLDR), not the page's.
        var counts = LoadedPattern().Match(Written(result, "lv", "map", "status"));
        Assert.True(counts.Success, Written(result, "lv", "map", "status"));
        var (resources, ties) = (int.Parse(counts.Groups[1].Value), int.Parse(counts.Groups[3].Value));
        Assert.StartsWith($"{resources} {Latvian(resources, "resurss", "resursi")}, {ties} {Latvian(ties, "saite", "saites")}.", Written(result, "lv", "map", "status"));
        Assert.StartsWith($"{resources} {Russian(resources, "ресурс", "ресурса", "ресурсов")}, {ties} {Russian(ties, "связь", "связи", "связей")}.", Written(result, "ru", "map", "status"));
        Assert.StartsWith($"{resources} {(resources == 1 ? "resource" : "resources")}, {ties} {(ties == 1 ? "tie" : "ties")}.", Written(result, "en", "map", "status"));

        // The consent states the retention (730 days) in each language's plural; the desk says the link was sent.
        Assert.Contains("730 dienas pēc aptaujas beigām", Written(result, "lv", "survey", "consent"));
        Assert.Contains("730 дней после окончания опроса", Written(result, "ru", "survey", "consent"));
        Assert.Contains("730 days after the survey ends", Written(result, "en", "survey", "consent"));
        Assert.Equal(["saite nosūtīta", "ссылка отправлена", "link sent"], Languages.Select(l => Written(result, l, "surveys", "invitation")));
        Assert.Equal(["Cēsu partneru aptauja, 1. kārta, Cēsu novads", "Cēsu partneru aptauja, этап 1, Cēsu novads", "Cēsu partneru aptauja, wave 1, Cēsu novads"],
            Languages.Select(l => Written(result, l, "surveys", "wave")));

        // The report's days as each language writes them: 06.12.2026. (lv), 06.12.2026 (ru), 2026-12-06 (en).
        var today = DateTime.UtcNow;
        Assert.Contains(today.ToString("dd.MM.yyyy.", System.Globalization.CultureInfo.InvariantCulture), Written(result, "lv", "report", "scope"));
        Assert.Matches($@"{today:dd\.MM\.yyyy}(?!\.)", Written(result, "ru", "report", "scope"));
        Assert.Contains(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Written(result, "en", "report", "scope"));

        WebAppTests.AssertScreenshots([.. Languages.SelectMany(l => Pages.Select(p => $"languages-{l}-{p}.png"))]);
    }

    /// <summary>Texts that are the same in every language: the names of programs and of their file formats.</summary>
    private static readonly HashSet<string> Untranslatable = ["exportGexf", "exportGraphml"];

    private static Dictionary<string, string> Texts(JsonElement page) =>
        page.GetProperty("texts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static string Written(JsonElement result, string language, string page, string name) =>
        result.GetProperty(language).GetProperty(page).GetProperty("written").GetProperty(name).GetString()!;

    /// <summary>Latvian: the singular for numbers ending in 1 but not 11 (1, 21, 101), else the plural.</summary>
    private static string Latvian(int n, string one, string other) => n % 10 == 1 && n % 100 != 11 ? one : other;

    /// <summary>Russian: "one" for 1, 21, 31… (not 11); "few" for 2–4, 22–24… (not 12–14); "many" for the rest.</summary>
    private static string Russian(int n, string one, string few, string many) =>
        n % 10 == 1 && n % 100 != 11 ? one : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? few : many;

    [GeneratedRegex(@"^(\d+) (\S+), (\d+) (\S+)\.")]
    private static partial Regex LoadedPattern();
}
