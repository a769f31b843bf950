using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Languages;

namespace ResourceMap.Api.Tests;

/// <summary>
/// Partner surveys through the API: a Daugavpils worker invites five of the demo's associations, two answer (one in
/// Russian), the worker accepts part of it and the map holds exactly what was accepted; a second wave and the comparison
/// worked out by hand; revoked and expired links; consent; public data only; rights; erasure.
/// </summary>
public class SurveyTests
{
    private static readonly Caller DaugavpilsWorker = new("daugavpils darbiniece", Role.Worker, new HashSet<string> { "Daugavpils" });
    private static readonly Caller CesisWorker = new("cēsu darbiniece", Role.Worker, new HashSet<string> { "Cēsu novads" });
    private static readonly Caller DaugavpilsViewer = new("daugavpils skatītājs", Role.Viewer, new HashSet<string> { "Daugavpils" });
    private static readonly Caller Respondent = Caller.Anonymous;

    private const string Draudziba = "Senioru biedrība \"Draudzība-K\"";
    private const string Parish = "Križu draudze";
    private const string Library = "Latgales Centrālā bibliotēka";
    private const string Varaviksne = "Biedrība \"Varavīksne\"";
    private const string Forte = "Latgales reģiona invalīdu biedrība \"FORTE\"";
    private const string Saskarsme = "Dienas centrs \"Saskarsme\"";

    private const string Save = """
        mutation($input: SaveSurveyAnswersInput!) { saveSurveyAnswers(input: $input) {
          surveyName wave actor { name }
          answer { language submittedAt partners { actor { name } newName type frequency reliable } }
        } }
        """;

    private static async Task<string> AreaIdAsync(TestApi api, string name)
    {
        var data = await api.DataAsync("query($t: String) { areas(text: $t) { nodes { id name } } }", new { t = name });
        return data.GetProperty("areas").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    private static async Task<string> CreateWaveAsync(TestApi api, int? wave = null, string closesOn = "2099-12-31")
    {
        var data = await api.DataAsync("""
            mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id wave name area { name } } }
            """, new { input = new { name = "Daugavpils partneru aptauja", areaId = await AreaIdAsync(api, "Daugavpils"), opensOn = "2026-01-01", closesOn, wave } }, DaugavpilsWorker);
        return data.GetProperty("createSurvey").GetProperty("id").GetString()!;
    }

    /// <summary>Invites the actors; returns each one's token, read from its link (after '#').</summary>
    private static async Task<Dictionary<string, string>> InviteAsync(TestApi api, string surveyId, params string[] names)
    {
        var ids = new List<string>();
        foreach (var name in names) ids.Add(await api.ResourceIdAsync(name));
        var data = await api.DataAsync("""
            mutation($input: InviteToSurveyInput!) { inviteToSurvey(input: $input) { link qrSvg invitation { id status resource { name } } } }
            """, new { input = new { surveyId, resourceIds = ids } }, DaugavpilsWorker);
        return data.GetProperty("inviteToSurvey").EnumerateArray().ToDictionary(
            i => i.GetProperty("invitation").GetProperty("resource").GetProperty("name").GetString()!,
            i => i.GetProperty("link").GetString()!.Split('#')[1]);
    }

    private static async Task<JsonElement> ResponsesAsync(TestApi api, string surveyId) =>
        (await api.DataAsync("""
            query($id: ID!) { survey(id: $id) { responses { id language submittedAt resource { name }
              items { key field current proposed partner { name } newActorName type frequency strength trust value namedByBothSides decision existingTie { id } } } } }
            """, new { id = surveyId }, DaugavpilsWorker)).GetProperty("survey").GetProperty("responses");

    private static string ErrorCode(JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    private static async Task<List<(string A, string B, string Type, int Strength)>> TiesOfAsync(TestApi api, string name)
    {
        var data = await api.DataAsync("""
            query($id: ID!) { node(id: $id) { ... on Resource { relationships { type strength source { name } target { name } } } } }
            """, new { id = await api.ResourceIdAsync(name) });
        return data.GetProperty("node").GetProperty("relationships").EnumerateArray()
            .Select(r => (r.GetProperty("source").GetProperty("name").GetString()!, r.GetProperty("target").GetProperty("name").GetString()!, r.GetProperty("type").GetString()!, r.GetProperty("strength").GetInt32()))
            .ToList();
    }

    [Fact]
    public async Task A_Daugavpils_worker_surveys_five_associations_accepts_part_of_two_answers_and_compares_two_waves()
    {
        await using var api = await TestApi.StartAsync();
        var wave1 = await CreateWaveAsync(api);
        var tokens = await InviteAsync(api, wave1, Draudziba, Parish, Varaviksne, Forte, Saskarsme);
        Assert.Equal(5, tokens.Count);
        Assert.Equal(5, tokens.Values.Distinct().Count());
        Assert.All(tokens.Values, t => Assert.True(t.Length >= 43, "a token holds at least 256 random bits"));
        var parishBefore = await TiesOfAsync(api, Parish);
        var libraryBefore = await TiesOfAsync(api, Library);

        // The form shows the actor's own record; no account is needed.
        var form = await api.DataAsync("query($t: String!) { surveyForm(token: $t) { surveyName wave areaName actor { name languages } answer { note } } }",
            new { t = tokens[Draudziba] }, Respondent);
        Assert.Equal((Draudziba, 1, "Daugavpils"), (form.GetProperty("surveyForm").GetProperty("actor").GetProperty("name").GetString(),
            form.GetProperty("surveyForm").GetProperty("wave").GetInt32(), form.GetProperty("surveyForm").GetProperty("areaName").GetString()));
        Assert.Equal(JsonValueKind.Null, form.GetProperty("surveyForm").GetProperty("answer").ValueKind);

        // "Draudzība-K" answers in Russian: the parish (monthly), the library's computer courses (weekly), a new choir;
        // it corrects its needs. A draft first, then the finished answer.
        var parishId = await api.ResourceIdAsync(Parish);
        var libraryId = await api.ResourceIdAsync(Library);
        object Answer(bool submit) => new
        {
            input = new
            {
                token = tokens[Draudziba], consent = true, language = "ru", submit,
                record = new { needs = new[] { "computer skills", "Latvian language", "project funding", "transport" } },
                partners = new object[]
                {
                    new { resourceId = parishId, type = "COOPERATION", frequency = "MONTHLY", reliable = 4, open = 3, sharesMission = 4, influence = 3, involvement = 3, resources = 2 },
                    new { resourceId = libraryId, type = "COOPERATION", frequency = "WEEKLY", reliable = 3, open = 3, sharesMission = 3 },
                    new { newName = "Križu senioru koris", newKind = "INFORMAL_GROUP", type = "SHARED_ACTIVITY", frequency = "WEEKLY", reliable = 4, open = 4, sharesMission = 4 },
                },
                note = "Спасибо!",
            },
        };
        var draft = await api.DataAsync(Save, Answer(submit: false), Respondent);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("saveSurveyAnswers").GetProperty("answer").GetProperty("submittedAt").ValueKind);
        var saved = await api.DataAsync(Save, Answer(submit: true), Respondent);
        var answer = saved.GetProperty("saveSurveyAnswers").GetProperty("answer");
        Assert.Equal("ru", answer.GetProperty("language").GetString());
        Assert.Equal(3, answer.GetProperty("partners").GetArrayLength());
        // Nothing on the map changed by itself.
        Assert.Equal(parishBefore, await TiesOfAsync(api, Parish));
        Assert.Equal(libraryBefore, await TiesOfAsync(api, Library));

        // The parish answers too, in Latvian, naming "Draudzība-K" back (a reciprocated tie).
        await api.DataAsync(Save, new
        {
            input = new
            {
                token = tokens[Parish], consent = true, language = "lv", submit = true,
                partners = new object[] { new { resourceId = await api.ResourceIdAsync(Draudziba), type = "COOPERATION", frequency = "QUARTERLY", reliable = 3, open = 4, sharesMission = 2 } },
            },
        }, Respondent);

        var responses = await ResponsesAsync(api, wave1);
        Assert.Equal(2, responses.GetArrayLength());
        var seniors = responses.EnumerateArray().Single(r => r.GetProperty("resource").GetProperty("name").GetString() == Draudziba);
        var items = seniors.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        Assert.Equal(["needs", "partner:0", "partner:1", "partner:2"], items.Keys.Order());
        Assert.Equal("computer skills; Latvian language; project funding", items["needs"].GetProperty("current").GetString());
        Assert.True(items["partner:0"].GetProperty("namedByBothSides").GetBoolean());
        Assert.False(items["partner:1"].GetProperty("namedByBothSides").GetBoolean());
        Assert.Equal(3, items["partner:0"].GetProperty("strength").GetInt32()); // monthly
        Assert.Equal(11.0 / 3, items["partner:0"].GetProperty("trust").GetDouble(), 9); // (4 + 3 + 4) / 3
        Assert.Equal(8.0 / 3, items["partner:0"].GetProperty("value").GetDouble(), 9); // (3 + 3 + 2) / 3
        Assert.Equal(JsonValueKind.Null, items["partner:1"].GetProperty("value").ValueKind); // no value item answered
        Assert.Equal("Križu senioru koris", items["partner:2"].GetProperty("newActorName").GetString());

        // The worker accepts the parish, the choir and the needs, and rejects the library.
        var moderated = await api.DataAsync("""
            mutation($input: ModerateSurveyResponseInput!) { moderateSurveyResponse(input: $input) { items { key decision partner { name } } } }
            """, new { input = new { responseId = seniors.GetProperty("id").GetString(), accept = new[] { "partner:0", "partner:2", "needs" }, reject = new[] { "partner:1" } } }, DaugavpilsWorker);
        var decided = moderated.GetProperty("moderateSurveyResponse").GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        Assert.Equal("ACCEPTED", decided["partner:0"].GetProperty("decision").GetString());
        Assert.Equal("REJECTED", decided["partner:1"].GetProperty("decision").GetString());
        Assert.Equal("Križu senioru koris", decided["partner:2"].GetProperty("partner").GetProperty("name").GetString());

        // The map holds exactly what was accepted.
        Assert.Contains((Draudziba, Parish, "COOPERATION", 3), await TiesOfAsync(api, Parish));
        Assert.Equal(parishBefore.Count + 1, (await TiesOfAsync(api, Parish)).Count);
        Assert.Equal(libraryBefore, await TiesOfAsync(api, Library));
        Assert.Equal([(Draudziba, "Križu senioru koris", "SHARED_ACTIVITY", 4)], await TiesOfAsync(api, "Križu senioru koris"));
        var needs = await api.DataAsync("query($id: ID!) { node(id: $id) { ... on Resource { needs } } }", new { id = await api.ResourceIdAsync(Draudziba) });
        Assert.Equal(["computer skills", "Latvian language", "project funding", "transport"], needs.GetProperty("node").GetProperty("needs").EnumerateArray().Select(n => n.GetString()));

        // The history names the survey and wave.
        await using (var db = api.Factory.CreateDbContext())
        {
            var written = await db.Changes.Where(c => c.Source != null).ToListAsync();
            Assert.Equal(4, written.Count); // the resource's needs, the new choir, two ties
            Assert.All(written, c => Assert.Contains("“Daugavpils partneru aptauja”, wave 1", c.Source));
            Assert.All(written, c => Assert.Equal(DaugavpilsWorker.Name, c.Author));
            Assert.Single(written.Select(c => c.Batch).Distinct());
        }
        var choirHistory = (await api.DataAsync("query($id: ID!) { history(id: $id) { action author source } }", new { id = await api.ResourceIdAsync("Križu senioru koris") }, DaugavpilsWorker))
            .GetProperty("history")[0];
        Assert.Equal(("CREATED", DaugavpilsWorker.Name), (choirHistory.GetProperty("action").GetString(), choirHistory.GetProperty("author").GetString()));
        Assert.Contains("wave 1", choirHistory.GetProperty("source").GetString());
        // A decided item stays decided; the respondent can no longer change the answer under review.
        var again = await api.ExecuteAsync("""
            mutation($input: ModerateSurveyResponseInput!) { moderateSurveyResponse(input: $input) { id } }
            """, new { input = new { responseId = seniors.GetProperty("id").GetString(), accept = new[] { "partner:1" } } }, DaugavpilsWorker);
        Assert.Equal("CONFLICT", ErrorCode(again));
        Assert.Equal("CONFLICT", ErrorCode(await api.ExecuteAsync(Save, Answer(submit: true), Respondent)));

        // Wave 2, a year later: "Draudzība-K" names the parish (trust now 4, 4, 4) and FORTE; the parish answers again
        // naming nobody; FORTE answers naming "Draudzība-K".
        var wave2 = await CreateWaveAsync(api);
        var tokens2 = await InviteAsync(api, wave2, Draudziba, Parish, Forte);
        var forteId = await api.ResourceIdAsync(Forte);
        var draudzibaId = await api.ResourceIdAsync(Draudziba);
        await api.DataAsync(Save, new
        {
            input = new
            {
                token = tokens2[Draudziba], consent = true, language = "ru", submit = true,
                partners = new object[]
                {
                    new { resourceId = parishId, type = "COOPERATION", frequency = "WEEKLY", reliable = 4, open = 4, sharesMission = 4, influence = 4, involvement = 3, resources = 2 },
                    new { resourceId = forteId, type = "COOPERATION", frequency = "MONTHLY", reliable = 2, open = 3, sharesMission = 4 },
                },
            },
        }, Respondent);
        await api.DataAsync(Save, new { input = new { token = tokens2[Parish], consent = true, language = "lv", submit = true, partners = Array.Empty<object>() } }, Respondent);
        await api.DataAsync(Save, new
        {
            input = new
            {
                token = tokens2[Forte], consent = true, language = "lv", submit = true,
                partners = new object[] { new { resourceId = draudzibaId, type = "COOPERATION", frequency = "MONTHLY", reliable = 4, open = 4, sharesMission = 4 } },
            },
        }, Respondent);

        var comparison = (await api.DataAsync("""
            query($a: ID!, $b: ID!) { surveyComparison(firstId: $a, secondId: $b) {
              first { respondents tiesNamed confirmedByBothSides averageTrust averageValue }
              second { respondents tiesNamed confirmedByBothSides averageTrust averageValue }
              newTies lostTies notAskedAgain
              ties { first { name } second { name } inFirst { bothSides trust } inSecond { bothSides trust } change }
            } }
            """, new { a = wave1, b = wave2 }, DaugavpilsWorker)).GetProperty("surveyComparison");
        // Worked by hand. Wave 1: ties Draudzība–parish (both sides; trust (11/3 + 3)/2 = 10/3), Draudzība–library
        // (trust 3), Draudzība–choir (accepted new actor; trust 4): 3 ties, 1 confirmed, average trust (10/3 + 3 + 4)/3
        // = 31/9, value only Draudzība–parish 8/3. Wave 2: Draudzība–parish (one side, trust 4), Draudzība–FORTE (both;
        // trust (3 + 4)/2 = 3.5): 2 ties, 1 confirmed, average trust 3.75, value (4+3+2)/3 = 3.
        // New: FORTE. Lost: library and choir (Draudzība-K answered wave 2 and named neither); none unasked.
        var first = comparison.GetProperty("first");
        var second = comparison.GetProperty("second");
        Assert.Equal((2, 3, 1), (first.GetProperty("respondents").GetInt32(), first.GetProperty("tiesNamed").GetInt32(), first.GetProperty("confirmedByBothSides").GetInt32()));
        Assert.Equal(31.0 / 9, first.GetProperty("averageTrust").GetDouble(), 9);
        Assert.Equal(8.0 / 3, first.GetProperty("averageValue").GetDouble(), 9);
        Assert.Equal((3, 2, 1), (second.GetProperty("respondents").GetInt32(), second.GetProperty("tiesNamed").GetInt32(), second.GetProperty("confirmedByBothSides").GetInt32()));
        Assert.Equal(3.75, second.GetProperty("averageTrust").GetDouble(), 9);
        Assert.Equal(3.0, second.GetProperty("averageValue").GetDouble(), 9);
        Assert.Equal((1, 2, 0), (comparison.GetProperty("newTies").GetInt32(), comparison.GetProperty("lostTies").GetInt32(), comparison.GetProperty("notAskedAgain").GetInt32()));
        // Each tie with its partner (the other end from Draudzība-K) and what became of it.
        var ties = comparison.GetProperty("ties").EnumerateArray().Select(t => (
            Partner: new[] { t.GetProperty("first").GetProperty("name").GetString(), t.GetProperty("second").GetProperty("name").GetString() }.Single(n => n != Draudziba),
            Change: t.GetProperty("change").GetString())).OrderBy(t => t.Partner, StringComparer.Ordinal);
        Assert.Equal([(Parish, "KEPT"), ("Križu senioru koris", "LOST"), (Library, "LOST"), (Forte, "NEW")], ties);
    }

    [Fact]
    public async Task Revoked_expired_and_made_up_links_open_nothing_and_a_reissued_link_keeps_the_answer()
    {
        await using var api = await TestApi.StartAsync();
        var wave = await CreateWaveAsync(api);
        var tokens = await InviteAsync(api, wave, Draudziba, Varaviksne);
        const string Open = "query($t: String!) { surveyForm(token: $t) { actor { name } answer { partners { newName } } } }";

        Assert.Equal("INVITATION_NOT_VALID", ErrorCode(await api.ExecuteAsync(Open, new { t = "made-up" }, Respondent)));
        Assert.Equal("INVITATION_NOT_VALID", ErrorCode(await api.ExecuteAsync(Open, new { t = tokens[Draudziba][..^1] }, Respondent)));

        await api.DataAsync(Save, new { input = new { token = tokens[Draudziba], consent = true, partners = new[] { new { newName = "Koris" } } } }, Respondent);
        // Invited again (a lost letter): the old link is revoked, the new one opens the same answer.
        var reissued = await InviteAsync(api, wave, Draudziba);
        Assert.Equal("INVITATION_REVOKED", ErrorCode(await api.ExecuteAsync(Open, new { t = tokens[Draudziba] }, Respondent)));
        var form = await api.DataAsync(Open, new { t = reissued[Draudziba] }, Respondent);
        Assert.Equal("Koris", form.GetProperty("surveyForm").GetProperty("answer").GetProperty("partners")[0].GetProperty("newName").GetString());

        // Revoked by the worker.
        var invitations = (await api.DataAsync("query($id: ID!) { survey(id: $id) { invitations { id status resource { name } } } }", new { id = wave }, DaugavpilsWorker))
            .GetProperty("survey").GetProperty("invitations").EnumerateArray().ToList();
        Assert.Equal(["ANSWERING", "REVOKED", "SENT"], invitations.Select(i => i.GetProperty("status").GetString()).Order());
        var varaviksne = invitations.Single(i => i.GetProperty("resource").GetProperty("name").GetString() == Varaviksne).GetProperty("id").GetString();
        Assert.Equal("FORBIDDEN", ErrorCode(await api.ExecuteAsync("mutation($id: ID!) { revokeSurveyInvitation(id: $id) { status } }", new { id = varaviksne }, CesisWorker)));
        Assert.Equal("REVOKED", (await api.DataAsync("mutation($id: ID!) { revokeSurveyInvitation(id: $id) { status } }", new { id = varaviksne }, DaugavpilsWorker))
            .GetProperty("revokeSurveyInvitation").GetProperty("status").GetString());
        var before = await api.SnapshotAsync();
        Assert.Equal("INVITATION_REVOKED", ErrorCode(await api.ExecuteAsync(Save, new { input = new { token = tokens[Varaviksne], consent = true } }, Respondent)));
        Assert.Equal(before, await api.SnapshotAsync());

        // Expired: past its expiry, or the wave closed.
        await using (var db = api.Factory.CreateDbContext())
        {
            var invitation = await db.SurveyInvitations.SingleAsync(i => i.RevokedAt == null);
            invitation.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        Assert.Equal("INVITATION_EXPIRED", ErrorCode(await api.ExecuteAsync(Open, new { t = reissued[Draudziba] }, Respondent)));
    }

    [Fact]
    public async Task Nothing_is_kept_without_consent_and_the_form_takes_only_public_actors_that_are_not_persons()
    {
        await using var api = await TestApi.StartAsync();
        var wave = await CreateWaveAsync(api);
        var token = (await InviteAsync(api, wave, Draudziba))[Draudziba];
        var before = await api.SnapshotAsync();

        var noConsent = await api.ExecuteAsync(Save, new { input = new { token, consent = false, partners = new[] { new { newName = "Koris" } } } }, Respondent);
        Assert.Equal("BAD_USER_INPUT", ErrorCode(noConsent));
        Assert.Equal("consent", noConsent.GetProperty("errors")[0].GetProperty("extensions").GetProperty("data").GetProperty("field").GetString());
        // The sensitive WhatsApp group is not public; the neighbourhood leader is a person.
        var whatsApp = await api.ResourceIdAsync("Bērnu ar invaliditāti ģimeņu WhatsApp grupa");
        Assert.Equal("NOT_FOUND", ErrorCode(await api.ExecuteAsync(Save, new { input = new { token, consent = true, partners = new[] { new { resourceId = whatsApp } } } }, Respondent)));
        var leader = await api.ResourceIdAsync("Križu apkaimes līderis");
        Assert.Equal("NOT_FOUND", ErrorCode(await api.ExecuteAsync(Save, new { input = new { token, consent = true, partners = new[] { new { resourceId = leader } } } }, Respondent)));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.ExecuteAsync(Save, new { input = new { token, consent = true, partners = new[] { new { newName = "Jānis Bērziņš", newKind = "VOLUNTEER" } } } }, Respondent)));
        // Limits: scales 1–4, at most 100 partners.
        Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.ExecuteAsync(Save, new { input = new { token, consent = true, partners = new[] { new { newName = "Koris", reliable = 5 } } } }, Respondent)));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.ExecuteAsync(Save,
            new { input = new { token, consent = true, partners = Enumerable.Range(0, 101).Select(i => new { newName = $"Grupa {i}" }).ToArray() } }, Respondent)));
        Assert.Equal(before, await api.SnapshotAsync());

        // A token opens its own form and nothing else: the worker's queries stay closed to it.
        Assert.Equal("UNAUTHENTICATED", ErrorCode(await api.ExecuteAsync("query($id: ID!) { survey(id: $id) { name } }", new { id = wave }, Respondent)));
    }

    [Fact]
    public async Task Only_workers_of_the_survey_s_municipality_create_invite_and_review()
    {
        await using var api = await TestApi.StartAsync();
        var daugavpils = await AreaIdAsync(api, "Daugavpils");
        var input = new { input = new { name = "Aptauja", areaId = daugavpils, opensOn = "2026-01-01", closesOn = "2099-01-01" } };
        const string Create = "mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }";
        Assert.Equal("FORBIDDEN", ErrorCode(await api.ExecuteAsync(Create, input, CesisWorker)));
        Assert.Equal("FORBIDDEN", ErrorCode(await api.ExecuteAsync(Create, input, DaugavpilsViewer)));
        Assert.Equal("UNAUTHENTICATED", ErrorCode(await api.ExecuteAsync(Create, input, Respondent)));
        var wave = await CreateWaveAsync(api);
        Assert.Equal("NOT_FOUND", ErrorCode(await api.ExecuteAsync("query($id: ID!) { survey(id: $id) { name } }", new { id = wave }, CesisWorker)));
        Assert.Single((await api.DataAsync("{ surveys { name wave } }", caller: DaugavpilsViewer)).GetProperty("surveys").EnumerateArray());
        Assert.Empty((await api.DataAsync("{ surveys { name wave } }", caller: CesisWorker)).GetProperty("surveys").EnumerateArray());
        // Waves of one survey are numbered in turn; a wave given twice is refused.
        Assert.Equal(2, (await api.DataAsync("""
            mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { wave } }
            """, new { input = new { name = "Daugavpils partneru aptauja", areaId = daugavpils, opensOn = "2027-01-01", closesOn = "2099-01-01" } }, DaugavpilsWorker))
            .GetProperty("createSurvey").GetProperty("wave").GetInt32());
        Assert.Equal("CONFLICT", ErrorCode(await api.ExecuteAsync(Create,
            new { input = new { name = "Daugavpils partneru aptauja", areaId = daugavpils, opensOn = "2027-01-01", closesOn = "2099-01-01", wave = 1 } }, DaugavpilsWorker)));
    }

    [Fact]
    public async Task Erasing_a_person_removes_their_answers_and_their_place_in_others()
    {
        await using var api = await TestApi.StartAsync();
        var wave = await CreateWaveAsync(api);
        var tokens = await InviteAsync(api, wave, "Mentors (Daugavpils)", Draudziba);
        var mentor = await api.ResourceIdAsync("Mentors (Daugavpils)");
        await api.DataAsync(Save, new { input = new { token = tokens["Mentors (Daugavpils)"], consent = true, partners = new[] { new { resourceId = await api.ResourceIdAsync(Draudziba) } } } }, Respondent);
        await api.DataAsync(Save, new { input = new { token = tokens[Draudziba], consent = true, partners = new[] { new { newName = "Koris" } } } }, Respondent);
        // A worker turned a group the seniors named into a person's record after they answered.
        var mentorKey = GlobalIdKey(mentor);
        await using (var db = api.Factory.CreateDbContext())
        {
            var response = (await db.SurveyResponses.ToListAsync()).Single(r => r.ResourceId != mentorKey);
            response.Partners = [response.Partners[0] with { NewName = null, ResourceId = mentorKey }];
            await db.SaveChangesAsync();
        }

        await api.DataAsync("mutation($input: ErasePersonInput!) { erasePerson(input: $input) { erasedResourceId } }", new { input = new { id = mentor } }, DaugavpilsWorker);

        await using (var db = api.Factory.CreateDbContext())
        {
            Assert.False(await db.SurveyResponses.AnyAsync(r => r.ResourceId == mentorKey));
            Assert.False(await db.SurveyInvitations.AnyAsync(i => i.ResourceId == mentorKey));
            var seniors = await db.SurveyResponses.SingleAsync();
            Assert.DoesNotContain(seniors.Partners, p => p.ResourceId == mentorKey);
        }
        var items = (await ResponsesAsync(api, wave))[0].GetProperty("items");
        Assert.Empty(items.EnumerateArray());
    }

    [Fact]
    public async Task Errors_follow_the_request_s_language_with_the_same_codes()
    {
        await using var api = await TestApi.StartAsync();
        const string Open = "query($t: String!) { surveyForm(token: $t) { actor { name } } }";
        var messages = new Dictionary<Language, (string Code, string Message)>();
        foreach (var language in new[] { Language.En, Language.Lv, Language.Ru })
        {
            RequestLanguage.Current = language;
            var response = await api.ExecuteAsync(Open, new { t = "made-up" }, Respondent);
            messages[language] = (ErrorCode(response), response.GetProperty("errors")[0].GetProperty("message").GetString()!);
        }
        RequestLanguage.Current = Language.En;
        Assert.All(messages.Values, m => Assert.Equal("INVITATION_NOT_VALID", m.Code));
        Assert.Equal("This survey link is not valid: check that it was copied whole.", messages[Language.En].Message);
        Assert.Equal("Šī aptaujas saite nav derīga: pārbaudiet, vai tā nokopēta pilnībā.", messages[Language.Lv].Message);
        Assert.Equal("Эта ссылка на опрос недействительна: проверьте, что она скопирована полностью.", messages[Language.Ru].Message);
    }

    [Fact]
    public async Task Answers_are_deleted_730_days_after_their_wave_closes_and_what_was_accepted_stays()
    {
        await using var api = await TestApi.StartAsync();
        var wave = await CreateWaveAsync(api, closesOn: "2099-12-31");
        var token = (await InviteAsync(api, wave, Draudziba))[Draudziba];
        await api.DataAsync(Save, new { input = new { token, consent = true, partners = new[] { new { newName = "Koris" } } } }, Respondent);
        await using var db = api.Factory.CreateDbContext();
        var closes = new DateOnly(2099, 12, 31);
        // Kept through the 730th day after closing, gone on the 731st.
        Assert.Equal(0, await Surveys.SurveyRetention.PurgeAsync(db, closes.AddDays(730), default));
        Assert.Equal(1, await db.SurveyResponses.CountAsync());
        Assert.Equal(1, await Surveys.SurveyRetention.PurgeAsync(db, closes.AddDays(731), default));
        Assert.Equal(0, await db.SurveyResponses.CountAsync());
        Assert.Equal(0, await db.SurveyInvitations.CountAsync());
        Assert.Equal(1, await db.Surveys.CountAsync());
    }

    private static int GlobalIdKey(string id) => ResourceMap.Api.Ids.GlobalId.Decode(id, ResourceMap.Api.Ids.GlobalId.Resource, "id");
}
