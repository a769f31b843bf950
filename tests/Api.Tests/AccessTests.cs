using System.Text.Json;
using ResourceMap.Api.Access;

namespace ResourceMap.Api.Tests;

/// <summary>
/// Every role against every mutation: who may edit what (anonymous and viewers nothing, workers their municipalities,
/// admins everything), each refusal with its code, and nothing written when refused.
/// </summary>
public class AccessTests(DemoApi demo) : IClassFixture<DemoApi>
{
    private static readonly Caller Nobody = Caller.Anonymous;
    private static readonly Caller CesisViewer = new("viewer", Role.Viewer, new HashSet<string> { "Cēsu novads" });
    private static readonly Caller CesisWorker = new("worker", Role.Worker, new HashSet<string> { "Cēsu novads" });
    private static readonly Caller ZoseniWorker = new("parish worker", Role.Worker, new HashSet<string> { "Zosēnu pagasts" });
    private static readonly Caller DaugavpilsWorker = new("city worker", Role.Worker, new HashSet<string> { "Daugavpils" });
    private static readonly Caller Admin = TestApi.Admin;

    public static readonly TheoryData<string, string, string?> Cases = Matrix();

    private static TheoryData<string, string, string?> Matrix()
    {
        // For each mutation on a resource or tie in Zosēni (Cēsu novads): the code each caller gets, or null for success.
        var data = new TheoryData<string, string, string?>();
        foreach (var mutation in new[] { "createResource", "updateResource", "deleteResource", "createRelationship", "updateRelationship", "deleteRelationship", "undoChange", "undoImport", "erasePerson",
                     "createActivity", "updateActivity", "deleteActivity", "recordIntroduction", "updateIntroduction", "deleteIntroduction",
                     "createSurvey", "inviteToSurvey", "revokeSurveyInvitation", "moderateSurveyResponse" })
        {
            data.Add(mutation, "anonymous", "UNAUTHENTICATED");
            data.Add(mutation, "viewer", "FORBIDDEN");
            data.Add(mutation, "worker", null);
            data.Add(mutation, "parish worker", null);
            // A change outside one's municipalities answers as one that does not exist: change ids are sequential, and
            // FORBIDDEN "in Zosēnu pagasts" would tell an outsider where each change's object lives.
            data.Add(mutation, "city worker", mutation is "undoChange" or "undoImport" ? "NOT_FOUND" : "FORBIDDEN");
            data.Add(mutation, "admin", null);
        }
        data.Add("importAreas", "anonymous", "UNAUTHENTICATED");
        data.Add("importAreas", "viewer", "FORBIDDEN");
        data.Add("importAreas", "worker", "FORBIDDEN");
        data.Add("importAreas", "city worker", "FORBIDDEN");
        data.Add("importAreas", "admin", null);
        foreach (var mutation in new[] { "createUser", "updateUser" })
        {
            data.Add(mutation, "anonymous", "UNAUTHENTICATED");
            foreach (var who in new[] { "viewer", "worker", "parish worker", "city worker" }) data.Add(mutation, who, "FORBIDDEN");
            data.Add(mutation, "admin", null);
        }
        return data;
    }

    private static Caller Named(string name) => name switch
    {
        "anonymous" => Nobody,
        "viewer" => CesisViewer,
        "worker" => CesisWorker,
        "parish worker" => ZoseniWorker,
        "city worker" => DaugavpilsWorker,
        _ => Admin,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_may_do_what_its_municipalities_allow(string mutation, string who, string? expectedCode)
    {
        var api = demo.Api;
        var zoseni = await demo.AreaIdAsync("Zosēnu pagasts");
        // Fresh objects for each case, made by an admin: a resource in Zosēni, a second one, and a tie between them.
        var a = await CreateAsync(api, zoseni, $"A {mutation} {who}");
        var b = await CreateAsync(api, zoseni, $"B {mutation} {who}");
        var tie = (await api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION }) { relationship { id } } }", new { a, b }))
            .GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString();

        var tieHistory = (await api.DataAsync("query($id: ID!) { history(id: $id) { id batch } }", new { id = tie })).GetProperty("history")[0];
        var tieCreated = tieHistory.GetProperty("id").GetString();
        var person = mutation == "erasePerson"
            ? (await api.DataAsync("mutation($a: ID) { createResource(input: { name: \"Brīvprātīgais\", kind: VOLUNTEER, areaId: $a }) { resource { id } } }", new { a = zoseni }))
                .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()
            : null;
        var activity = mutation is "updateActivity" or "deleteActivity"
            ? (await api.DataAsync("mutation($a: ID!, $b: ID!) { createActivity(input: { name: \"Talka\", kind: OTHER, startsOn: \"2023-05-06\", venueId: $a, participants: [{ resourceId: $a }, { resourceId: $b }] }) { activity { id } } }", new { a, b }))
                .GetProperty("createActivity").GetProperty("activity").GetProperty("id").GetString()
            : null;
        var introduction = mutation is "updateIntroduction" or "deleteIntroduction"
            ? (await api.DataAsync("mutation($a: ID!, $b: ID!) { recordIntroduction(input: { firstId: $a, secondId: $b, on: \"2023-05-06\" }) { introduction { id } } }", new { a, b }))
                .GetProperty("recordIntroduction").GetProperty("introduction").GetProperty("id").GetString()
            : null;
        var user = mutation == "updateUser"
            ? (await api.DataAsync("mutation($n: String!) { createUser(input: { name: $n, role: VIEWER, municipalities: [\"Cēsu novads\"], password: \"lietotāja-parole\" }) { id } }", new { n = $"Lietotājs {who}" }))
                .GetProperty("createUser").GetProperty("id").GetString()
            : null;
        var survey = mutation is "inviteToSurvey" or "revokeSurveyInvitation" or "moderateSurveyResponse"
            ? (await api.DataAsync("mutation($area: ID!) { createSurvey(input: { name: \"Aptauja\", areaId: $area, opensOn: \"2026-01-01\", closesOn: \"2099-12-31\" }) { id } }", new { area = zoseni }))
                .GetProperty("createSurvey").GetProperty("id").GetString()
            : null;
        JsonElement? invitation = survey is null
            ? null
            : (await api.DataAsync("mutation($s: ID!, $a: ID!) { inviteToSurvey(input: { surveyId: $s, resourceIds: [$a] }) { link invitation { id } } }", new { s = survey, a }))
                .GetProperty("inviteToSurvey")[0];
        var response = mutation == "moderateSurveyResponse"
            ? await AnsweredAsync(api, survey!, invitation!.Value.GetProperty("link").GetString()!.Split('#')[1], b)
            : null;
        var (query, variables) = mutation switch
        {
            "createSurvey" => ("mutation($area: ID!) { createSurvey(input: { name: \"Aptauja\", areaId: $area, opensOn: \"2026-01-01\", closesOn: \"2099-12-31\" }) { id } }", (object)new { area = zoseni }),
            "inviteToSurvey" => ("mutation($s: ID!, $b: ID!) { inviteToSurvey(input: { surveyId: $s, resourceIds: [$b] }) { link } }", new { s = survey, b }),
            "revokeSurveyInvitation" => ("mutation($id: ID!) { revokeSurveyInvitation(id: $id) { status } }", new { id = invitation!.Value.GetProperty("invitation").GetProperty("id").GetString() }),
            "moderateSurveyResponse" => ("mutation($id: ID!) { moderateSurveyResponse(input: { responseId: $id, accept: [\"partner:0\"] }) { id } }", new { id = response }),
            "createUser" => ("mutation($n: String!) { createUser(input: { name: $n, role: WORKER, municipalities: [\"Cēsu novads\"], password: \"jaunā-parole-1\" }) { id } }", (object)new { n = $"Jauns {who}" }),
            "updateUser" => ("mutation($id: ID!) { updateUser(input: { id: $id, role: WORKER }) { id } }", new { id = user }),
            "erasePerson" => ("mutation($id: ID!) { erasePerson(input: { id: $id }) { erasedResourceId } }", (object)new { id = person }),
            "undoChange" => ("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = tieCreated }),
            "undoImport" => ("mutation($b: ID!) { undoImport(input: { batch: $b }) { action } }", new { b = tieHistory.GetProperty("batch").GetString() }),
            "createResource" => ("mutation($area: ID) { createResource(input: { name: \"Jauns\", kind: INFORMAL_GROUP, areaId: $area }) { resource { id } } }", new { area = zoseni }),
            "updateResource" => ("mutation($id: ID!) { updateResource(input: { id: $id, name: \"Pārdēvēts\" }) { resource { id } } }", new { id = a }),
            "deleteResource" => ("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = a }),
            "createRelationship" => ("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $b, targetId: $a, type: REFERRAL }) { relationship { id } } }", new { a, b }),
            "updateRelationship" => ("mutation($id: ID!) { updateRelationship(input: { id: $id, strength: 5 }) { relationship { id } } }", new { id = tie }),
            "deleteRelationship" => ("mutation($id: ID!) { deleteRelationship(input: { id: $id }) { deletedRelationshipId } }", new { id = tie }),
            "createActivity" => ("mutation($a: ID!) { createActivity(input: { name: \"Sapulce\", kind: MEETING, startsOn: \"2023-05-06\", venueId: $a }) { activity { id } } }", new { a }),
            "updateActivity" => ("mutation($id: ID!) { updateActivity(input: { id: $id, name: \"Lielā talka\" }) { activity { id } } }", new { id = activity }),
            "deleteActivity" => ("mutation($id: ID!) { deleteActivity(input: { id: $id }) { deletedActivityId } }", new { id = activity }),
            "recordIntroduction" => ("mutation($a: ID!, $b: ID!) { recordIntroduction(input: { firstId: $a, secondId: $b, on: \"2023-05-06\" }) { introduction { id } } }", new { a, b }),
            "updateIntroduction" => ("mutation($id: ID!) { updateIntroduction(input: { id: $id, outcome: DECLINED }) { introduction { id } } }", new { id = introduction }),
            "deleteIntroduction" => ("mutation($id: ID!) { deleteIntroduction(input: { id: $id }) { deletedIntroductionId } }", new { id = introduction }),
            _ => ("mutation($fc: GeoJSONFeatureCollectionInput!) { importAreas(input: { featureCollection: $fc }) { created { id } } }", new
            {
                fc = new
                {
                    type = "FeatureCollection",
                    features = new[]
                    {
                        new
                        {
                            type = "Feature",
                            properties = new { name = $"Jauns pagasts ({who})", kind = "parish", parent = "Cēsu novads" },
                            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 25.0, 57.0 }, new[] { 25.1, 57.0 }, new[] { 25.1, 57.1 }, new[] { 25.0, 57.0 } } } },
                        },
                    },
                },
            }),
        };

        var before = await api.SnapshotAsync();
        var answer = await api.ExecuteAsync(query, variables, Named(who));
        if (expectedCode is null)
        {
            Assert.False(answer.TryGetProperty("errors", out var errors), errors.ToString());
            Assert.NotEqual(before, await api.SnapshotAsync());
        }
        else
        {
            var error = answer.GetProperty("errors")[0];
            Assert.Equal(expectedCode, error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
            Assert.Equal(before, await api.SnapshotAsync());
        }
    }

    [Fact]
    public async Task The_matrix_covers_every_mutation_of_the_schema()
    {
        var fields = (await demo.Api.DataAsync("{ __type(name: \"Mutation\") { fields { name } } }")).GetProperty("__type").GetProperty("fields")
            .EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order();
        // signIn is open to everyone and signOut ends the caller's own session: PasswordSignInTests (EndToEnd) tries
        // both with real sessions, which the callers of this matrix do not have. importSpreadsheet takes a file, which
        // JSON variables cannot carry: SpreadsheetReimportTests tries it for each role, row by row. saveSurveyAnswers and
        // withdrawSurveyAnswers are open to whoever holds a survey link, whatever their role: SurveyTests tries revoked,
        // expired and made-up links.
        Assert.Equal(fields, Cases.Select(c => (string)c[0]).Concat(["signIn", "signOut", "importSpreadsheet", "saveSurveyAnswers", "withdrawSurveyAnswers"]).Distinct().Order());
    }

    [Fact]
    public async Task A_worker_may_not_move_a_resource_out_of_their_municipalities_nor_tie_two_resources_elsewhere()
    {
        var api = demo.Api;
        var zoseni = await demo.AreaIdAsync("Zosēnu pagasts");
        var mezciems = await demo.AreaIdAsync("Mežciems");
        var ours = await CreateAsync(api, zoseni, "Mūsu pulciņš");
        var theirs1 = await CreateAsync(api, mezciems, "Viņu pulciņš 1");
        var theirs2 = await CreateAsync(api, mezciems, "Viņu pulciņš 2");
        var before = await api.SnapshotAsync();

        var moved = await api.ExecuteAsync("mutation($id: ID!, $area: ID) { updateResource(input: { id: $id, areaId: $area }) { resource { id } } }", new { id = ours, area = mezciems }, CesisWorker);
        Assert.Equal("FORBIDDEN", moved.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("Mežciems", moved.GetProperty("errors")[0].GetProperty("message").GetString());
        var elsewhere = await api.ExecuteAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION }) { relationship { id } } }", new { a = theirs1, b = theirs2 }, CesisWorker);
        Assert.Equal("FORBIDDEN", elsewhere.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var noArea = await api.ExecuteAsync("mutation { createResource(input: { name: \"Bez vietas\", kind: OTHER }) { resource { id } } }", caller: CesisWorker);
        Assert.Equal("FORBIDDEN", noArea.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(before, await api.SnapshotAsync());

        // A tie across the border may be recorded from either side.
        var across = await api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: REFERRAL }) { relationship { id } } }", new { a = theirs1, b = ours }, CesisWorker);
        Assert.Equal(JsonValueKind.String, across.GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task A_point_given_without_an_area_is_placed_in_the_most_specific_area_holding_it_before_rights_are_checked()
    {
        var api = demo.Api;
        // Zosēnu pagasts is a circle of 5 km around 57.14, 25.90 inside Cēsu novads (demo data): the parish, not the county.
        var created = await api.DataAsync("mutation { createResource(input: { name: \"Zosēnu jauniešu klubs\", kind: INFORMAL_GROUP, latitude: 57.139, longitude: 25.898 }) { resource { id area { name } } } }", caller: CesisWorker);
        var resource = created.GetProperty("createResource").GetProperty("resource");
        Assert.Equal("Zosēnu pagasts", resource.GetProperty("area").GetProperty("name").GetString());
        var id = resource.GetProperty("id").GetString();

        // Moved into Mežciems (Daugavpils; a circle of 1.1 km around 55.886, 26.65 in the demo) by its point alone: the
        // area follows, and the move is refused.
        var before = await api.SnapshotAsync();
        var moved = await api.ExecuteAsync("mutation($id: ID!) { updateResource(input: { id: $id, latitude: 55.8862, longitude: 26.6505 }) { resource { id } } }", new { id }, CesisWorker);
        Assert.Equal("FORBIDDEN", moved.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("Mežciems", moved.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(before, await api.SnapshotAsync());

        // A point in no area (the Baltic Sea) leaves it to admins, and the refusal names the fields that would help.
        var atSea = await api.ExecuteAsync("mutation { createResource(input: { name: \"Jūrā\", kind: OTHER, latitude: 57.5, longitude: 20.0 }) { resource { id } } }", caller: CesisWorker);
        Assert.Equal("FORBIDDEN", atSea.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'areaId'", atSea.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    /// <summary>The invited actor answers, naming the other as a partner; returns the response's id.</summary>
    private static async Task<string> AnsweredAsync(TestApi api, string survey, string token, string partner)
    {
        await api.DataAsync("""
            mutation($token: String!, $partner: ID!) { saveSurveyAnswers(input: { token: $token, consent: true, submit: true,
              partners: [{ resourceId: $partner, type: COOPERATION, frequency: MONTHLY }] }) { wave } }
            """, new { token, partner }, Nobody);
        return (await api.DataAsync("query($id: ID!) { survey(id: $id) { responses { id } } }", new { id = survey }))
            .GetProperty("survey").GetProperty("responses")[0].GetProperty("id").GetString()!;
    }

    private static async Task<string> CreateAsync(TestApi api, string areaId, string name) =>
        (await api.DataAsync("mutation($name: String!, $area: ID) { createResource(input: { name: $name, kind: INFORMAL_GROUP, areaId: $area }) { resource { id } } }", new { name, area = areaId }))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
}
