using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// Issue 22's "done when", in Chromium against the real server (a server of its own: it changes Daugavpils' network): a
/// Daugavpils worker sends survey links to five demo associations, two answer on a phone-sized screen without an
/// account (one in Russian), the worker accepts part of it, and a second wave's comparison shows what changed.
/// </summary>
public sealed class SurveyWebTests(WebAppTests.NoTilesServer demo) : IClassFixture<WebAppTests.NoTilesServer>
{
    private const string Seniors = "Senioru biedrība \"Draudzība-K\"";
    private const string Parish = "Križu draudze";
    private const string Library = "Latgales Centrālā bibliotēka";
    private const string Forte = "Latgales reģiona invalīdu biedrība \"FORTE\"";
    private const string Varaviksne = "Biedrība \"Varavīksne\"";
    private const string Saskarsme = "Dienas centrs \"Saskarsme\"";

    [Fact]
    public async Task A_Daugavpils_worker_surveys_five_associations_two_answer_one_in_Russian_on_a_phone_and_two_waves_are_compared()
    {
        var server = demo.Server;
        var worker = await server.TokenAsync("worker", "Daugavpils");
        var libraryBefore = await TiesAsync(Library);
        var page = await WebAppTests.BrowseAsync(server, "browse-survey.mjs", worker, JsonSerializer.Serialize(new
        {
            invite = new[] { Seniors, Parish, Varaviksne, Forte, Saskarsme },
            seniors = Seniors, parish = Parish, library = Library, forte = Forte, revoked = Varaviksne,
        }));

        Assert.Equal("Daugavpils partneru aptauja, 1. kārta, Daugavpils", page.GetProperty("waveTitle").GetString());
        Assert.Equal(5, page.GetProperty("links").GetInt32());
        Assert.Equal(5, page.GetProperty("qrCodes").GetInt32());
        // The token left the address as soon as the form opened, and the browser keeps none.
        Assert.DoesNotContain("#", page.GetProperty("urlAfterOpen").GetString());
        Assert.Equal("{}{}", page.GetProperty("tokenStored").GetString());
        // The phone is set to Russian: the form opened in Russian, with nothing chosen.
        Assert.Equal("ru", page.GetProperty("openedIn").GetString());
        // The Russian form, written by hand: its title, the consent with the retention, the refusal without consent.
        Assert.Equal("Опрос о сотрудничестве", page.GetProperty("titleRu").GetString());
        Assert.Contains("730 дней после окончания опроса", page.GetProperty("consentRu").GetString());
        Assert.Equal("Чтобы сохранить ответы, отметьте согласие.", page.GetProperty("withoutConsent").GetString());
        Assert.StartsWith("Спасибо! Ответы отправлены.", page.GetProperty("submittedRu").GetString());
        Assert.True(page.GetProperty("phoneOverflow").GetInt32() <= 0, "the form is wider than a phone's screen");
        var texts = page.GetProperty("texts");
        Assert.Equal(("Aptauja par sadarbību", "Nosūtīt atbildes", "Cik bieži", "lv"), Texts(texts.GetProperty("lv")));
        Assert.Equal(("Опрос о сотрудничестве", "Отправить ответы", "Как часто", "ru"), Texts(texts.GetProperty("ru")));
        Assert.Equal(("Survey on working together", "Send the answers", "How often", "en"), Texts(texts.GetProperty("en")));
        // A revoked link and a made-up one, each in the language chosen.
        Assert.Equal("Эта ссылка отозвана. Попросите у социального работника новую.", page.GetProperty("revokedRu").GetString());
        Assert.Equal("This link is not valid. Check that it was copied whole.", page.GetProperty("madeUpEn").GetString());

        // The map holds exactly what the worker accepted: the parish tie (monthly: strength 3) and the new choir with
        // its tie (weekly: 4); the library tie was rejected. Read independently from the API.
        Assert.Contains((Seniors, Parish, "COOPERATION", 3), await TiesAsync(Parish));
        Assert.Equal([(Seniors, "Križu senioru koris", "SHARED_ACTIVITY", 4)], await TiesAsync("Križu senioru koris"));
        Assert.Equal(libraryBefore, await TiesAsync(Library));
        // Both sides named the parish tie: the worker saw it.
        Assert.Contains(page.GetProperty("itemsShown").EnumerateArray(), r => r.GetString()!.Contains(Parish) && r.GetString()!.Contains("abas puses to nosauca"));

        // Wave 2 against wave 1, worked by hand: wave 1 named Draudzība–parish (both sides), Draudzība–choir and
        // Draudzība–library, by 2 respondents; wave 2 names Draudzība–parish (one side) and Draudzība–FORTE (both), by 2
        // (the parish did not answer again). New: FORTE; lost: the choir and the library (Draudzība-K answered and did not
        // name them). Trust: wave 1 only the parish tie has scores, (4 + 3 + 4)/3 = 3,67; wave 2 the parish 4 and FORTE
        // 3 (its side's), so (4 + 3)/2 = 3,50.
        var rows = page.GetProperty("comparison").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList()).ToList();
        Assert.Equal(["Atbildējušie", "2", "2"], rows[0]);
        Assert.Equal(["Nosauktās saites", "3", "2"], rows[1]);
        Assert.Equal(["Abu pušu apstiprinātās saites", "1", "1"], rows[2]);
        Assert.Equal(["Vidējā uzticēšanās (1–4)", "3,67", "3,50"], rows[3]);
        Assert.Equal("Jaunas saites: 1; zudušas: 2; nav jautāts vēlreiz: 0.", page.GetProperty("changes").GetString());
        // Tie by tie, new first, then lost, then kept (each row: the partner of Draudzība-K, wave 1, wave 2, the change).
        // Wave 1: the parish tie named by both, its trust (4 + 3 + 4)/3 and value (3 + 3 + 2)/3 from Draudzība-K's
        // side (the parish gave no scores); the choir and the library named by one side with no scores. Wave 2: the
        // parish by one side with trust 4; FORTE by both, trust 3 (FORTE's side; Draudzība-K gave none).
        const string OneSide = "nosauca viena puse; uzticēšanās —, vērtība —";
        List<string>[] expectedTies =
        [
            [Forte, "—", "nosauca abas puses; uzticēšanās 3,00, vērtība —", "jauna"],
            [Library, OneSide, "—", "zudusi"],
            ["Križu senioru koris", OneSide, "—", "zudusi"],
            [Parish, "nosauca abas puses; uzticēšanās 3,67, vērtība 2,67", "nosauca viena puse; uzticēšanās 4,00, vērtība —", "saglabājusies"],
        ];
        Assert.Equal(expectedTies, Partners(page.GetProperty("comparedTies")));

        // The impact report, opened by the same worker, compares the same two waves beside the dated ties, and keeps
        // them in its address; in Russian too.
        Assert.Equal("Daugavpils partneru aptauja, 1. kārta (01.01.2026.–31.12.2099.) — Daugavpils partneru aptauja, 2. kārta (01.01.2026.–31.12.2099.)",
            page.GetProperty("reportWaves").GetString());
        Assert.Equal(expectedTies, Partners(page.GetProperty("reportTies")));
        Assert.Equal(2, page.GetProperty("reportAddress").GetString()!.Split(',').Length);
        Assert.Equal("Опрос партнёров: два этапа", page.GetProperty("reportHeadingRu").GetString());
        Assert.Equal(["—", "назвали обе стороны; доверие 3,00, ценность —", "новая"], Partners(page.GetProperty("reportTiesRu"))[0].Skip(1));
        WebAppTests.AssertScreenshots("survey-1-links.png", "survey-2-phone-ru.png", "survey-3-phone-sent.png", "survey-4-reviewed.png", "survey-5-compared.png", "survey-6-report-ru.png");
    }

    /// <summary>The rows of a table of ties, each tie named by Draudzība-K's partner (its ends come in the API's order).</summary>
    private static List<string>[] Partners(JsonElement rows) => rows.EnumerateArray()
        .Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList())
        .Select(r => r.Skip(1).Prepend(r[0].Split(" — ").Single(end => end != Seniors)).ToList())
        .ToArray();

    [Theory]
    [InlineData("ru-RU, lv;q=0.8", "ru", "Эта ссылка на опрос недействительна: проверьте, что она скопирована полностью.")]
    [InlineData("de, lv;q=0.5", "lv", "Šī aptaujas saite nav derīga: pārbaudiet, vai tā nokopēta pilnībā.")]
    [InlineData("de", "en", "This survey link is not valid: check that it was copied whole.")]
    [InlineData("ru;q=0, en", "en", "This survey link is not valid: check that it was copied whole.")]
    public async Task Over_HTTP_errors_follow_Accept_Language_and_say_which_in_Content_Language(string accept, string chosen, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ surveyForm(token: \"made-up\") { wave } }" }),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", accept);
        using var response = await demo.Server.Client.SendAsync(request);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal("INVITATION_NOT_VALID", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal([chosen], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task Suggestions_give_their_reasons_in_the_request_s_language()
    {
        async Task<List<string>> Reasons(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ network(scope: { asOf: \"2026-01-01\" }) { suggestions(first: 50) { reasons } } }" }),
            };
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
            using var response = await demo.Server.Client.SendAsync(request);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("network").GetProperty("suggestions")
                .EnumerateArray().SelectMany(s => s.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)).ToList();
        }
        var (english, latvian, russian) = (await Reasons("en"), await Reasons("lv"), await Reasons("ru"));
        Assert.Equal(english.Count, latvian.Count);
        // Sentences written by hand for what the demo's suggestions say in English.
        Assert.Contains("Both serve seniors.", english);
        Assert.Contains("Abi strādā ar mērķa grupām: seniori.", latvian);
        Assert.Contains("Оба работают с целевыми группами: пожилые люди.", russian);
        var distance = english.First(r => r.EndsWith(" km apart.", StringComparison.Ordinal));
        var km = distance[..distance.IndexOf(' ')];
        Assert.Contains($"Attālums: {km.Replace('.', ',')} km.", latvian);
        Assert.Contains($"Расстояние: {km.Replace('.', ',')} км.", russian);
    }

    private static (string?, string?, string?, string?) Texts(JsonElement t) =>
        (t.GetProperty("title").GetString(), t.GetProperty("submit").GetString(), t.GetProperty("frequency").GetString(), t.GetProperty("lang").GetString());

    private async Task<List<(string, string, string, int)>> TiesAsync(string name)
    {
        var found = await demo.Server.DataAsync("query($t: String) { resources(text: $t, first: 50) { nodes { name relationships { type strength source { name } target { name } } } } }", new { t = name });
        var resource = found.GetProperty("resources").GetProperty("nodes").EnumerateArray().SingleOrDefault(n => n.GetProperty("name").GetString() == name);
        if (resource.ValueKind != JsonValueKind.Object) return [];
        return resource.GetProperty("relationships").EnumerateArray()
            .Select(r => (r.GetProperty("source").GetProperty("name").GetString()!, r.GetProperty("target").GetProperty("name").GetString()!, r.GetProperty("type").GetString()!, r.GetProperty("strength").GetInt32()))
            .ToList();
    }
}
