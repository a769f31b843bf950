using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using ResourceMap.Api.Access;

namespace ResourceMap.Api.Tests;

/// <summary>
/// Activities, introductions and reach through the API: the demo's activities as the seeds describe them, the same rules,
/// rights, versions and history as resources, the two-mode projection, introductions through to the comparison, and
/// small-cell suppression for each role.
/// </summary>
public class ActivityTests(DemoApi demo) : IClassFixture<DemoApi>
{
    private static readonly Caller CesisWorker = new("cēsu darbiniece", Role.Worker, new HashSet<string> { "Cēsu novads" });
    private static readonly Caller CesisViewer = new("cēsu skatītājs", Role.Viewer, new HashSet<string> { "Cēsu novads" });
    private static readonly Caller DaugavpilsWorker = new("daugavpils darbiniece", Role.Worker, new HashSet<string> { "Daugavpils" });
    private static readonly Caller DaugavpilsViewer = new("daugavpils skatītājs", Role.Viewer, new HashSet<string> { "Daugavpils" });

    private const string ActivityFields = """
        fragment A on Activity {
          id name kind startsOn endsOn recurrence sensitive version
          venue { name } area { name }
          participants { role resource { name } }
          attendance { targetGroup count suppressed }
          attendanceTotal
        }
        """;

    private static Dictionary<string, JsonElement> ByName(JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("name").GetString()!);

    private static List<(string Name, string Role)> Participants(JsonElement activity) =>
        activity.GetProperty("participants").EnumerateArray().Select(p => (p.GetProperty("resource").GetProperty("name").GetString()!, p.GetProperty("role").GetString()!)).ToList();

    [Fact]
    public async Task The_demo_activities_answer_as_the_seeds_describe_them()
    {
        var cesis = await demo.AreaIdAsync("Cēsu novads");
        var activities = ByName((await demo.Api.DataAsync("query($a: ID) { activities(areaId: $a) { nodes { ...A } } }" + ActivityFields, new { a = cesis })).GetProperty("activities"));

        // Seed 001: "Nojaucam žogus" on 5 September in the hall of Cēsu 2. pamatskola, with its panel.
        var fences = activities["Diskusija \"Nojaucam žogus\""];
        Assert.Equal(("2023-09-05", "DISCUSSION", "Cēsu 2. pamatskola", "Cēsis"), (fences.GetProperty("startsOn").GetString(), fences.GetProperty("kind").GetString(),
            fences.GetProperty("venue").GetProperty("name").GetString(), fences.GetProperty("area").GetProperty("name").GetString()));
        Assert.Subset(Participants(fences).Select(p => p.Name).ToHashSet(),
            new HashSet<string> { "Cēsu novada dome", "Cēsu novada Sociālais dienests", "Biedrība \"Ūdenszīmes\"", "Mākslas telpa \"Mala\"", "Kopienas sociālais darbinieks (Cēsu novads)" });
        // Seed 000: the think-tank on Friday 10 November in Priekuļu vidusskola, led by the mentor, with pupils, seniors, deputies, Social Service and the ministry.
        var thinkTank = activities.Single(a => a.Key.StartsWith("Domnīca \"Vēlās brokastis ar savējiem")).Value;
        Assert.Equal("2023-11-10", thinkTank.GetProperty("startsOn").GetString());
        Assert.Equal(DayOfWeek.Friday, DateOnly.Parse(thinkTank.GetProperty("startsOn").GetString()!).DayOfWeek);
        Assert.Equal("Priekuļu vidusskola", thinkTank.GetProperty("venue").GetProperty("name").GetString());
        Assert.Contains(("Kopienu veidotāja un mentore (Priekuļi)", "ORGANISER"), Participants(thinkTank));
        Assert.Subset(Participants(thinkTank).Select(p => p.Name).ToHashSet(), new HashSet<string>
            { "Priekuļu vidusskolas 12. klašu skolēni", "Priekuļu pagasta seniori", "Cēsu novada dome", "Cēsu novada Sociālais dienests", "Labklājības ministrija" });
        Assert.Equal("FESTIVAL", activities["Zosēnu rudens svētki"].GetProperty("kind").GetString());
        Assert.Equal("Zosēnu kultūras nams", activities["Zosēnu rudens svētki"].GetProperty("venue").GetProperty("name").GetString());

        // Seed 003: weekly Qigong at "Saskarsme"; the pool sessions for 13 families from 19 February 2023, sensitive.
        var daugavpils = await demo.AreaIdAsync("Daugavpils");
        const string query = "query($a: ID) { activities(areaId: $a) { nodes { ...A } } }" + ActivityFields;
        var insider = ByName((await demo.Api.DataAsync(query, new { a = daugavpils }, DaugavpilsViewer)).GetProperty("activities"));
        var qigong = insider["Cigun nodarbības Križu senioriem"];
        Assert.Equal(("WEEKLY", "REGULAR_CLASS", "Dienas centrs \"Saskarsme\""), (qigong.GetProperty("recurrence").GetString(), qigong.GetProperty("kind").GetString(), qigong.GetProperty("venue").GetProperty("name").GetString()));
        var pool = insider["Bezmaksas baseina nodarbības ģimenēm ar bērniem ar invaliditāti"];
        Assert.Equal(("2023-02-19", "WEEKLY", "Daugavpils Olimpiskais centrs", true), (pool.GetProperty("startsOn").GetString(), pool.GetProperty("recurrence").GetString(),
            pool.GetProperty("venue").GetProperty("name").GetString(), pool.GetProperty("sensitive").GetBoolean()));
        Assert.Equal(13, pool.GetProperty("attendanceTotal").GetInt32());
        // Outside Daugavpils the sensitive pool sessions are not there at all.
        var outsider = ByName((await demo.Api.DataAsync(query, new { a = daugavpils }, Caller.Anonymous)).GetProperty("activities"));
        Assert.Contains("Cigun nodarbības Križu senioriem", outsider.Keys);
        Assert.DoesNotContain(pool.GetProperty("name").GetString(), outsider.Keys);

        // Seed 004: 105 of Zosēni's 328 residents are in the WhatsApp group: 32 %.
        var whatsApp = await demo.Api.ResourceIdAsync("Zosēnu iedzīvotāju WhatsApp grupa");
        var reach = (await demo.Api.DataAsync("query($id: ID!) { resource(id: $id) { audienceCount reach { targetGroup count population share suppressed area { name } } } }", new { id = whatsApp }, Caller.Anonymous))
            .GetProperty("resource");
        Assert.Equal(105, reach.GetProperty("audienceCount").GetInt32());
        Assert.Equal(("total", 105, 328, "Zosēnu pagasts"), (reach.GetProperty("reach").GetProperty("targetGroup").GetString(), reach.GetProperty("reach").GetProperty("count").GetInt32(),
            reach.GetProperty("reach").GetProperty("population").GetInt32(), reach.GetProperty("reach").GetProperty("area").GetProperty("name").GetString()));
        Assert.Equal(105.0 / 328, reach.GetProperty("reach").GetProperty("share").GetDouble(), 12);
        Assert.Equal(32, (int)Math.Round(reach.GetProperty("reach").GetProperty("share").GetDouble() * 100));

        // The demo's introductions: the one that led to the pool sessions names its tie.
        var introductions = (await demo.Api.DataAsync("{ introductions(outcomes: [TIE_FORMED]) { nodes { on outcome first { name } second { name } relationship { since } } } }"))
            .GetProperty("introductions").GetProperty("nodes").EnumerateArray().ToList();
        var toPool = introductions.Single(i => i.GetProperty("second").GetProperty("name").GetString() == "Daugavpils Olimpiskais centrs");
        Assert.Equal(("2023-02-01", "2023-02-19"), (toPool.GetProperty("on").GetString(), toPool.GetProperty("relationship").GetProperty("since").GetString()));
    }

    [Fact]
    public async Task Activities_have_the_rules_rights_versions_and_history_of_resources()
    {
        var api = demo.Api;
        var school = await api.ResourceIdAsync("Cēsu 2. pamatskola");
        var library = await api.ResourceIdAsync("Cēsu Centrālā bibliotēka");
        var pensioners = await api.ResourceIdAsync("Cēsu novada pensionāru biedrība");
        const string create = "mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { ...A } } }" + ActivityFields;
        var input = new
        {
            name = "Datorprasmju darbnīca senioriem", kind = "WORKSHOP", startsOn = "2022-10-04", venueId = library,
            participants = new object[] { new { resourceId = library, role = "ORGANISER" }, new { resourceId = pensioners } },
            attendance = new object[] { new { targetGroup = "Seniors", count = 14 } },
        };

        // Who may: a worker of Cēsu novads; not a viewer, nor a worker of Daugavpils, nor anyone anonymous.
        var before = await api.SnapshotAsync();
        Assert.Equal("UNAUTHENTICATED", (await api.ExecuteAsync(create, new { input }, Caller.Anonymous)).Code());
        Assert.Equal("FORBIDDEN", (await api.ExecuteAsync(create, new { input }, CesisViewer)).Code());
        Assert.Equal("FORBIDDEN", (await api.ExecuteAsync(create, new { input }, DaugavpilsWorker)).Code());
        // Broken input names its field and changes nothing.
        foreach (var (bad, field) in new (object Input, string Field)[]
        {
            (new { name = " ", input.kind, input.startsOn }, "'name'"),
            (new { input.name, input.kind, input.startsOn, endsOn = "2022-10-01", input.venueId }, "'endsOn'"),
            (new { input.name, input.kind, input.startsOn, participants = new object[] { new { resourceId = pensioners }, new { resourceId = pensioners } } }, "participants[1].resourceId"),
            (new { input.name, input.kind, input.startsOn, attendance = new object[] { new { targetGroup = "seniors", count = -1 } } }, "attendance[0].count"),
            (new { input.name, input.kind, input.startsOn, venueId = library, latitude = 57.3, longitude = 25.27 }, "venue or a point"),
        })
        {
            var refused = await api.ExecuteAsync(create, new { input = bad }, CesisWorker);
            Assert.Equal("BAD_USER_INPUT", refused.Code());
            Assert.Contains(field, refused.Message());
        }
        var unknown = await api.ExecuteAsync(create, new { input = new { input.name, input.kind, input.startsOn, participants = new object[] { new { resourceId = Ids.GlobalId.Encode("Resource", 999_999) } } } }, CesisWorker);
        Assert.Equal("NOT_FOUND", unknown.Code());
        Assert.Equal(before, await api.SnapshotAsync());

        var created = (await api.DataAsync(create, new { input }, CesisWorker)).GetProperty("createActivity").GetProperty("activity");
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("Cēsis", created.GetProperty("area").GetProperty("name").GetString()); // the venue's area
        Assert.Equal([("Cēsu Centrālā bibliotēka", "ORGANISER"), ("Cēsu novada pensionāru biedrība", "PARTICIPANT")], Participants(created));
        Assert.Equal("seniors", created.GetProperty("attendance")[0].GetProperty("targetGroup").GetString());

        // An update with a stale version is refused; with the current one it lands and the history holds both.
        const string update = "mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { ...A } } }" + ActivityFields;
        var moved = (await api.DataAsync(update, new { input = new { id, version = 1, venueId = school, participants = new object[] { new { resourceId = school, role = "PARTNER" }, new { resourceId = pensioners } } } }, CesisWorker))
            .GetProperty("updateActivity").GetProperty("activity");
        Assert.Equal(2, moved.GetProperty("version").GetInt32());
        Assert.Equal("Cēsu 2. pamatskola", moved.GetProperty("venue").GetProperty("name").GetString());
        Assert.Equal("CONFLICT", (await api.ExecuteAsync(update, new { input = new { id, version = 1, name = "Cits" } }, CesisWorker)).Code());
        Assert.Equal("FORBIDDEN", (await api.ExecuteAsync(update, new { input = new { id, name = "Cits" } }, DaugavpilsWorker)).Code());
        var history = (await api.DataAsync("query($id: ID!) { history(id: $id) { id action changedFields author } }", new { id }, CesisViewer)).GetProperty("history");
        Assert.Equal(["UPDATED", "CREATED"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(["Participants", "VenueId"], history[0].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).Order());
        Assert.Equal("cēsu darbiniece", history[0].GetProperty("author").GetString());

        // The resource lists its activities; undoing the update puts the library back as the venue.
        var ofSchool = (await api.DataAsync("query($id: ID!) { resource(id: $id) { activities { id } } }", new { id = school })).GetProperty("resource").GetProperty("activities");
        Assert.Contains(ofSchool.EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        await api.DataAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = history[0].GetProperty("id").GetString() }, CesisWorker);
        var undone = (await api.DataAsync("query($id: ID!) { activity(id: $id) { ...A } }" + ActivityFields, new { id })).GetProperty("activity");
        Assert.Equal("Cēsu Centrālā bibliotēka", undone.GetProperty("venue").GetProperty("name").GetString());

        // Deleted, and brought back by undoing the deletion, under its id.
        var version = undone.GetProperty("version").GetInt32();
        await api.DataAsync("mutation($id: ID!, $v: Int) { deleteActivity(input: { id: $id, version: $v }) { deletedActivityId } }", new { id, v = version }, CesisWorker);
        Assert.Equal(JsonValueKind.Null, (await api.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id })).GetProperty("node").ValueKind);
        var deletion = (await api.DataAsync("query($id: ID!) { history(id: $id) { id action } }", new { id })).GetProperty("history")[0];
        Assert.Equal("DELETED", deletion.GetProperty("action").GetString());
        await api.DataAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = deletion.GetProperty("id").GetString() }, CesisWorker);
        Assert.Equal("Datorprasmju darbnīca senioriem", (await api.DataAsync("query($id: ID!) { node(id: $id) { ... on Activity { name } } }", new { id })).GetProperty("node").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Counts_below_five_are_suppressed_for_callers_outside_the_municipality()
    {
        var api = demo.Api;
        var culture = await api.ResourceIdAsync("Zosēnu kultūras nams");
        var id = (await api.DataAsync("""
            mutation($v: ID!) { createActivity(input: { name: "Senioru pēcpusdiena", kind: MEETING, startsOn: "2023-03-01", venueId: $v,
              attendance: [{ targetGroup: "seniors", count: 3 }, { targetGroup: "youth", count: 12 }] }) { activity { id } } }
            """, new { v = culture }, CesisWorker)).GetProperty("createActivity").GetProperty("activity").GetProperty("id").GetString();
        const string read = """
            query($id: ID!) { activity(id: $id) { attendance { targetGroup count suppressed } attendanceTotal
              seniors: reach(targetGroup: "seniors") { count suppressed population share }
              youth: reach(targetGroup: "youth") { count suppressed population share } } }
            """;
        foreach (var (caller, sees) in new (Caller Caller, bool SeesSmall)[] { (Caller.Anonymous, false), (DaugavpilsViewer, false), (CesisViewer, true), (TestApi.Admin, true) })
        {
            var activity = (await api.DataAsync(read, new { id }, caller)).GetProperty("activity");
            static int? Count(JsonElement e) => e.GetProperty("count").ValueKind == JsonValueKind.Null ? null : e.GetProperty("count").GetInt32();
            // 3 seniors is below 5: outside Cēsu novads every count of the activity is hidden, the 12 young people and
            // the total too (15 − 12 would give the 3 away).
            Assert.Equal<int?>(sees ? 3 : null, Count(activity.GetProperty("attendance")[0]));
            Assert.Equal<int?>(sees ? 12 : null, Count(activity.GetProperty("attendance")[1]));
            Assert.All(activity.GetProperty("attendance").EnumerateArray(), a => Assert.Equal(!sees, a.GetProperty("suppressed").GetBoolean()));
            Assert.Equal<int?>(sees ? 15 : null, activity.GetProperty("attendanceTotal").ValueKind == JsonValueKind.Null ? null : activity.GetProperty("attendanceTotal").GetInt32());
            // Zosēni has 95 seniors and 40 young people (the demo's counts): 12 of 40 is 30 %.
            Assert.Equal(95, activity.GetProperty("seniors").GetProperty("population").GetInt32());
            Assert.Equal(!sees, activity.GetProperty("youth").GetProperty("suppressed").GetBoolean());
            Assert.Equal<double?>(sees ? 3.0 / 95 : null, activity.GetProperty("seniors").GetProperty("share").ValueKind == JsonValueKind.Null ? null : activity.GetProperty("seniors").GetProperty("share").GetDouble());
            Assert.Equal<double?>(sees ? 0.3 : null, activity.GetProperty("youth").GetProperty("share").ValueKind == JsonValueKind.Null ? null : activity.GetProperty("youth").GetProperty("share").GetDouble());
        }

        // Counts all of 5 or more show to everyone.
        var large = (await api.DataAsync("""
            mutation($v: ID!) { createActivity(input: { name: "Rudens balle", kind: FESTIVAL, startsOn: "2023-10-01", venueId: $v,
              attendance: [{ targetGroup: "seniors", count: 20 }, { targetGroup: "youth", count: 5 }] }) { activity { id } } }
            """, new { v = culture }, CesisWorker)).GetProperty("createActivity").GetProperty("activity").GetProperty("id").GetString();
        var open = (await api.DataAsync("query($id: ID!) { activity(id: $id) { attendanceTotal attendance { count suppressed } } }", new { id = large }, Caller.Anonymous)).GetProperty("activity");
        Assert.Equal(25, open.GetProperty("attendanceTotal").GetInt32());
        Assert.Equal([20, 5], open.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task An_introduction_that_became_a_tie_counts_in_the_comparison_and_the_suggestions_know_it()
    {
        await using var api = await TestApi.StartAsync(demoData: false);
        // All serve seniors: a shared target group is a reason to suggest a pair.
        async Task<string> Create(string name) => (await api.DataAsync("mutation($n: String!) { createResource(input: { name: $n, kind: ASSOCIATION, targetGroups: [\"seniors\"] }) { resource { id } } }", new { n = name }))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
        var (a, b, c, d) = (await Create("Aiviekstes biedrība"), await Create("Bibliotēka"), await Create("Centrs"), await Create("Dārzs"));
        await api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION, since: \"2020-01-01\" }) { relationship { id } } }", new { a, b });
        var meeting = (await api.DataAsync("mutation($b: ID!, $c: ID!) { createActivity(input: { name: \"Tikšanās\", kind: MEETING, startsOn: \"2023-01-05\", participants: [{ resourceId: $b }, { resourceId: $c }] }) { activity { id } } }", new { b, c }))
            .GetProperty("createActivity").GetProperty("activity").GetProperty("id").GetString();
        var introduction = (await api.DataAsync("mutation($b: ID!, $c: ID!, $m: ID!) { recordIntroduction(input: { firstId: $b, secondId: $c, on: \"2023-01-05\", activityId: $m, fromSuggestion: true }) { introduction { id outcome version activity { name } } } }", new { b, c, m = meeting }))
            .GetProperty("recordIntroduction").GetProperty("introduction");
        Assert.Equal(("PENDING", "Tikšanās"), (introduction.GetProperty("outcome").GetString(), introduction.GetProperty("activity").GetProperty("name").GetString()));
        await api.DataAsync("mutation($a: ID!, $d: ID!) { recordIntroduction(input: { firstId: $a, secondId: $d, on: \"2023-02-01\", outcome: DECLINED, outcomeOn: \"2023-02-10\" }) { introduction { id } } }", new { a, d });
        // The tie followed 36 days later; naming it records the outcome.
        var tie = (await api.DataAsync("mutation($b: ID!, $c: ID!) { createRelationship(input: { sourceId: $b, targetId: $c, type: SHARED_ACTIVITY, since: \"2023-02-10\" }) { relationship { id } } }", new { b, c }))
            .GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString();
        var wrongTie = await api.ExecuteAsync("mutation($i: ID!, $t: ID!) { updateIntroduction(input: { id: $i, relationshipId: $t, outcome: DECLINED }) { introduction { id } } }", new { i = introduction.GetProperty("id").GetString(), t = tie });
        Assert.Equal("BAD_USER_INPUT", wrongTie.Code());
        var updated = (await api.DataAsync("mutation($i: ID!, $t: ID!) { updateIntroduction(input: { id: $i, version: 1, relationshipId: $t, outcomeOn: \"2023-02-10\" }) { introduction { outcome relationship { id } version } } }", new { i = introduction.GetProperty("id").GetString(), t = tie }))
            .GetProperty("updateIntroduction").GetProperty("introduction");
        Assert.Equal(("TIE_FORMED", tie, 2), (updated.GetProperty("outcome").GetString(), updated.GetProperty("relationship").GetProperty("id").GetString(), updated.GetProperty("version").GetInt32()));

        var comparison = (await api.DataAsync("""
            { network { comparison(from: "2022-12-01", to: "2023-03-01") {
                tiesBuilt { id } activitiesHeld { name }
                introductions { made tieFormed declined pending tiesFollowing { id } introductions { first { name } } } } } }
            """)).GetProperty("network").GetProperty("comparison");
        Assert.Equal([tie], comparison.GetProperty("tiesBuilt").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["Tikšanās"], comparison.GetProperty("activitiesHeld").EnumerateArray().Select(x => x.GetProperty("name").GetString()));
        var counts = comparison.GetProperty("introductions");
        Assert.Equal((2, 1, 1, 0), (counts.GetProperty("made").GetInt32(), counts.GetProperty("tieFormed").GetInt32(), counts.GetProperty("declined").GetInt32(), counts.GetProperty("pending").GetInt32()));
        Assert.Equal([tie], counts.GetProperty("tiesFollowing").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        // The suggestions name the latest introduction of their pair, and only of theirs.
        const string suggest = "{ network(scope: { asOf: \"2023-03-01\" }) { suggestions(first: 50, anywhere: true) { from { id } to { id } introduction { outcome on } } } }";
        static (string, string) Pair(JsonElement s) => (s.GetProperty("from").GetProperty("id").GetString()!, s.GetProperty("to").GetProperty("id").GetString()!) is var (x, y) && string.CompareOrdinal(x, y) < 0 ? (x, y) : (y, x);
        var first = Pair((await api.DataAsync(suggest)).GetProperty("network").GetProperty("suggestions")[0]);
        await api.DataAsync("mutation($x: ID!, $y: ID!) { recordIntroduction(input: { firstId: $x, secondId: $y, on: \"2023-02-20\", fromSuggestion: true }) { introduction { id } } }", new { x = first.Item1, y = first.Item2 });
        static (string, string) Ordered(string x, string y) => string.CompareOrdinal(x, y) < 0 ? (x, y) : (y, x);
        var introduced = new HashSet<(string, string)> { Ordered(a, d), Ordered(b, c), first };
        var suggestions = (await api.DataAsync(suggest)).GetProperty("network").GetProperty("suggestions").EnumerateArray().ToList();
        Assert.All(suggestions, s => Assert.Equal(introduced.Contains(Pair(s)), s.GetProperty("introduction").ValueKind != JsonValueKind.Null));
        Assert.Equal(("PENDING", "2023-02-20"), suggestions.Where(s => Pair(s) == first).Select(s => (s.GetProperty("introduction").GetProperty("outcome").GetString(), s.GetProperty("introduction").GetProperty("on").GetString())).Single());
    }

    [Fact]
    public async Task What_a_caller_may_not_read_stays_out_of_their_answers_and_in_the_activity_when_they_change_it()
    {
        await using var api = await TestApi.StartAsync();
        var culture = await api.ResourceIdAsync("Zosēnu kultūras nams");
        var pensioners = await api.ResourceIdAsync("Cēsu novada pensionāru biedrība");
        var families = await api.ResourceIdAsync("Bērnu ar invaliditāti ģimeņu WhatsApp grupa"); // sensitive, Daugavpils
        var activity = (await api.DataAsync("mutation($v: ID!, $f: ID!) { createActivity(input: { name: \"Kopīga ekskursija\", kind: EXCURSION, startsOn: \"2023-05-20\", venueId: $v, participants: [{ resourceId: $v, role: ORGANISER }, { resourceId: $f }] }) { activity { id } } }", new { v = culture, f = families }))
            .GetProperty("createActivity").GetProperty("activity").GetProperty("id").GetString();

        // A Cēsis worker sees the activity without the families' group, and no activity of that group at all.
        var seen = (await api.DataAsync("query($a: ID!, $f: ID!) { activity(id: $a) { version participants { resource { name } } } activities(resourceId: $f) { totalCount } }", new { a = activity, f = families }, CesisWorker));
        Assert.Equal(["Zosēnu kultūras nams"], seen.GetProperty("activity").GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("resource").GetProperty("name").GetString()));
        Assert.Equal(0, seen.GetProperty("activities").GetProperty("totalCount").GetInt32());
        // Daugavpils' own viewer sees both of the group's: the demo's pool sessions and this one.
        Assert.Equal(2, (await api.DataAsync("query($f: ID!) { activities(resourceId: $f) { totalCount } }", new { f = families }, DaugavpilsViewer)).GetProperty("activities").GetProperty("totalCount").GetInt32());

        // Their new list of participants keeps the group they could not name.
        await api.DataAsync("mutation($a: ID!, $v: ID!, $p: ID!) { updateActivity(input: { id: $a, participants: [{ resourceId: $v, role: ORGANISER }, { resourceId: $p }] }) { activity { id } } }", new { a = activity, v = culture, p = pensioners }, CesisWorker);
        var stored = (await api.DataAsync("query($a: ID!) { activity(id: $a) { participants { role resource { name } } } }", new { a = activity })).GetProperty("activity");
        Assert.Equal([("ORGANISER", "Zosēnu kultūras nams"), ("PARTICIPANT", "Cēsu novada pensionāru biedrība"), ("PARTICIPANT", "Bērnu ar invaliditāti ģimeņu WhatsApp grupa")],
            stored.GetProperty("participants").EnumerateArray().Select(p => (p.GetProperty("role").GetString(), p.GetProperty("resource").GetProperty("name").GetString())));

        // The comparison neither lists nor counts a sensitive activity for outsiders (the demo's pool sessions).
        const string compare = "{ network { comparison(from: \"2023-01-01\", to: \"2023-05-31\") { activitiesHeld { name } report } } }";
        foreach (var (caller, sees) in new[] { (Caller.Anonymous, false), (DaugavpilsViewer, true) })
        {
            var comparison = (await api.DataAsync(compare, caller: caller)).GetProperty("network").GetProperty("comparison");
            var held = comparison.GetProperty("activitiesHeld").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
            Assert.Equal(sees, held.Contains("Bezmaksas baseina nodarbības ģimenēm ar bērniem ar invaliditāti"));
            Assert.Contains($"Activities held: {held.Count}.", comparison.GetProperty("report").GetString());
        }
    }

    [Fact]
    public async Task Erasing_a_person_takes_their_introductions_and_their_place_in_activities_with_them()
    {
        await using var api = await TestApi.StartAsync();
        var zoseni = await demo.AreaIdAsync("Zosēnu pagasts");
        var culture = await api.ResourceIdAsync("Zosēnu kultūras nams");
        var person = (await api.DataAsync("mutation($a: ID) { createResource(input: { name: \"Brīvprātīgā Anna\", kind: VOLUNTEER, areaId: $a, contact: { email: \"anna@example.lv\" } }) { resource { id } } }", new { a = zoseni }))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString();
        var activity = (await api.DataAsync("mutation($v: ID!, $p: ID!) { createActivity(input: { name: \"Talka\", kind: OTHER, startsOn: \"2023-04-22\", venueId: $v, participants: [{ resourceId: $v, role: ORGANISER }, { resourceId: $p }] }) { activity { id } } }", new { v = culture, p = person }))
            .GetProperty("createActivity").GetProperty("activity").GetProperty("id").GetString();
        var introduction = (await api.DataAsync("mutation($v: ID!, $p: ID!) { recordIntroduction(input: { firstId: $p, secondId: $v, on: \"2023-04-22\", note: \"Anna vadīs jauniešu koncertu\" }) { introduction { id } } }", new { v = culture, p = person }))
            .GetProperty("recordIntroduction").GetProperty("introduction").GetProperty("id").GetString();

        // Her data, all of it: the introduction and the activity that names her are in the export.
        var export = (await api.DataAsync("query($p: ID!) { personalData(id: $p) { introductions activities history { subjectId } } }", new { p = person })).GetProperty("personalData");
        Assert.Equal("Anna vadīs jauniešu koncertu", Assert.Single(export.GetProperty("introductions").EnumerateArray()).GetProperty("Note").GetString());
        Assert.Equal("Talka", Assert.Single(export.GetProperty("activities").EnumerateArray()).GetProperty("Name").GetString());
        Assert.Contains(export.GetProperty("history").EnumerateArray(), h => h.GetProperty("subjectId").GetString() == introduction);

        await api.DataAsync("mutation($p: ID!) { erasePerson(input: { id: $p }) { erasedResourceId } }", new { p = person });
        var after = await api.DataAsync("query($a: ID!, $i: ID!) { activity(id: $a) { participants { resource { name } } } node(id: $i) { id } history(id: $i) { action before after } }", new { a = activity, i = introduction });
        Assert.Equal(["Zosēnu kultūras nams"], after.GetProperty("activity").GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("resource").GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("node").ValueKind);
        var history = after.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("ERASED", history[0].GetProperty("action").GetString());
        // What stays of the introduction's past: the two ids, no note.
        Assert.All(history, h => Assert.Equal(JsonValueKind.Null, h.GetProperty("after").ValueKind));
        Assert.All(history, h => Assert.Equal(["FirstId", "SecondId"], h.GetProperty("before").EnumerateObject().Select(p => p.Name)));
        await using var db = api.Factory.CreateDbContext();
        Assert.DoesNotContain(await db.Changes.Select(h => h.Before + h.After).ToListAsync(), json => json.Contains("Anna vadīs", StringComparison.Ordinal));
        // The activity's past no longer names her either, and the erasure's change of it cannot be undone.
        var personKey = Ids.GlobalId.Decode(person, Ids.GlobalId.Resource, "id");
        var activityHistory = (await api.DataAsync("query($a: ID!) { history(id: $a) { id action after } }", new { a = activity })).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["UPDATED", "CREATED"], activityHistory.Select(h => h.GetProperty("action").GetString()));
        Assert.All(activityHistory, h => Assert.DoesNotContain(h.GetProperty("after").GetProperty("Participants").EnumerateArray(), p => p.GetProperty("ResourceId").GetInt32() == personKey));
        var undo = await api.ExecuteAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = activityHistory[0].GetProperty("id").GetString() });
        Assert.Equal("CONFLICT", undo.Code());
    }

    [Fact]
    public async Task The_scope_projects_activities_onto_ties_and_each_activity_says_whom_it_joined()
    {
        await using var api = await TestApi.StartAsync(demoData: false);
        async Task<string> Create(string name) => (await api.DataAsync("mutation($n: String!) { createResource(input: { name: $n, kind: ASSOCIATION }) { resource { id } } }", new { n = name }))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
        var (a, b, c) = (await Create("A"), await Create("B"), await Create("C"));
        string Name(string? id) => id == a ? "A" : id == b ? "B" : id == c ? "C" : "?";
        var tie = (await api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION, since: \"2020-01-01\" }) { relationship { id } } }", new { a, b }))
            .GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString();
        await api.DataAsync("mutation($b: ID!, $c: ID!) { createActivity(input: { name: \"Svētki\", kind: FESTIVAL, startsOn: \"2023-06-01\", participants: [{ resourceId: $b }, { resourceId: $c }] }) { activity { id } } }", new { b, c });

        const string query = """
            query($t: Boolean) { network(scope: { asOf: "2023-06-02", activityTies: $t }) {
              tieCount isolatedActors { name } bridges { relationships { id } }
              ties { id type strength projected source { id name } target { id } relationship { id } }
              actors { resource { name } metOnlyThroughActivities { name } }
              activities(from: "2023-01-01") { activity { name } actorCount communityCount actorsJoiningMainNetwork { name } isolatedGroupsJoined } } }
            """;
        var plain = (await api.DataAsync(query, new { t = false })).GetProperty("network");
        Assert.Equal(1, plain.GetProperty("tieCount").GetInt32());
        Assert.Equal(["C"], plain.GetProperty("isolatedActors").EnumerateArray().Select(x => x.GetProperty("name").GetString()));
        var projected = (await api.DataAsync(query, new { t = true })).GetProperty("network");
        Assert.Equal(2, projected.GetProperty("tieCount").GetInt32());
        Assert.Equal(0, projected.GetProperty("isolatedActors").GetArrayLength());
        // B–C is a bridge now, but it is no relationship: only the recorded A–B has one.
        Assert.Equal([1, 0], projected.GetProperty("bridges").EnumerateArray().Select(x => x.GetProperty("relationships").GetArrayLength()).OrderDescending());
        // Each tie once: the recorded one by its relationship's id (ends by id alone, or read when more is asked), the
        // projected one without.
        var ties = projected.GetProperty("ties").EnumerateArray()
            .Select(x => (Id: x.GetProperty("id").GetString(), Type: x.GetProperty("type").GetString(), Projected: x.GetProperty("projected").GetBoolean(),
                Ends: $"{x.GetProperty("source").GetProperty("name").GetString()}–{Name(x.GetProperty("target").GetProperty("id").GetString())}",
                Relationship: x.GetProperty("relationship").ValueKind == JsonValueKind.Null ? null : x.GetProperty("relationship").GetProperty("id").GetString()))
            .OrderBy(x => x.Ends)
            .ToList();
        Assert.Equal([(tie, "COOPERATION", false, "A–B", tie), (null, "TOOK_PART_TOGETHER", true, "B–C", null)], ties);
        Assert.Equal([tie], plain.GetProperty("ties").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        foreach (var network in new[] { plain, projected })
        {
            var met = network.GetProperty("actors").EnumerateArray().ToDictionary(x => x.GetProperty("resource").GetProperty("name").GetString()!,
                x => x.GetProperty("metOnlyThroughActivities").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList());
            Assert.Equal(["C"], met["B"]);
            Assert.Empty(met["A"]);
            var festival = Assert.Single(network.GetProperty("activities").EnumerateArray());
            Assert.Equal(2, festival.GetProperty("actorCount").GetInt32());
            Assert.Equal(["C"], festival.GetProperty("actorsJoiningMainNetwork").EnumerateArray().Select(x => x.GetProperty("name").GetString()));
            Assert.Equal(1, festival.GetProperty("isolatedGroupsJoined").GetInt32());
        }
        Assert.Equal("BAD_USER_INPUT", (await api.ExecuteAsync("{ network(scope: { activityHalfLifeDays: 30 }) { tieCount } }")).Code());
    }
}

/// <summary>The sheet of activities in the workbook: imported with the same rules, named problems, and back unchanged.</summary>
public class ActivitySheetTests
{
    private static readonly Caller CesisWorker = new("Santa", Role.Worker, new HashSet<string> { "Cēsu novads" });

    private const string Import = """
        mutation($file: Upload!, $dryRun: Boolean) {
          importSpreadsheet(file: $file, dryRun: $dryRun) { written batch summary rows { sheet row action name } problems { sheet row column message } }
        }
        """;

    private static async Task<JsonElement> ImportAsync(TestApi api, byte[] workbook, bool dryRun = false)
    {
        var response = await api.ExecuteAsync(Import, new GraphQL.Inputs(new Dictionary<string, object?> { ["file"] = new ResourceMap.Api.Import.UploadedFile("saraksts.xlsx", null, workbook), ["dryRun"] = dryRun }), CesisWorker);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data").GetProperty("importSpreadsheet");
    }

    private static byte[] Workbook(params ResourceMap.Api.Import.SheetToWrite[] sheets)
    {
        using var stream = new MemoryStream();
        ResourceMap.Api.Import.XlsxWriter.Write(stream, sheets);
        return stream.ToArray();
    }

    // A new club in the sheet of resources, and its first activities, written as a Cēsis worker types them.
    private static readonly ResourceMap.Api.Import.SheetToWrite Resources = new("Resursi",
    [
        ["ārējais id", "nosaukums", "veids", "teritorija", "mērķa grupas"],
        ["CES-1", "Cēsu senioru deju kopa", "neformāla grupa", "Cēsis", "seniors"],
    ]);

    private static ResourceMap.Api.Import.SheetToWrite Activities(params IReadOnlyList<string>[] rows) => new("Aktivitātes",
    [
        ["ārējais id", "nosaukums", "veids", "sākums", "beigas", "atkārtojas", "vieta", "rīkotāji", "partneri", "dalībnieki", "apmeklējums", "sensitīvs"],
        .. rows,
    ]);

    [Fact]
    public async Task Activities_in_the_workbook_name_new_and_known_resources_and_import_once()
    {
        await using var api = await TestApi.StartAsync();
        // Every mistake at once, each named by sheet, row and column; nothing is written.
        var before = await api.SnapshotAsync();
        var bad = await api.ExecuteAsync(Import, new GraphQL.Inputs(new Dictionary<string, object?>
        {
            ["file"] = new ResourceMap.Api.Import.UploadedFile("saraksts.xlsx", null, Workbook(Resources, Activities(
                ["CES-A1", "Deju vakars", "balle", "2023-02-10", "", "", "Cēsu Centrālā bibliotēka", "CES-1", "", "", "", ""],
                ["CES-A2", "Deju nodarbības", "regulāra nodarbība", "10.02.2023", "01.02.2023", "katru nedēļu", "Cēsu Bērnu un jauniešu centrs", "CES-1", "", "Nezināma biedrība", "seniors: daudz", "varbūt"]))),
        }), CesisWorker);
        Assert.Equal("BAD_USER_INPUT", bad.Code());
        Assert.Equal(
            [("Aktivitātes", 2, "veids"), ("Aktivitātes", 3, "apmeklējums"), ("Aktivitātes", 3, "beigas"), ("Aktivitātes", 3, "dalībnieki"), ("Aktivitātes", 3, "sensitīvs")],
            bad.GetProperty("errors")[0].GetProperty("extensions").GetProperty("data").GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("sheet").GetString(), p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).OrderBy(p => p.Item2).ThenBy(p => p.Item3, StringComparer.Ordinal));
        Assert.Equal(before, await api.SnapshotAsync());

        var list = Workbook(Resources, Activities(
            ["CES-A1", "Deju vakars", "svētki", "2023-02-10", "", "", "Cēsu Centrālā bibliotēka", "CES-1", "Cēsu novada pensionāru biedrība", "", "total: 40; seniors: 31", "nē"],
            ["CES-A2", "Deju nodarbības", "regulāra nodarbība", "14.02.2023", "30.05.2023", "katru nedēļu", "Cēsu Bērnu un jauniešu centrs", "CES-1", "", "Cēsu Bērnu un jauniešu centrs", "seniors: 12", ""]));
        var first = await ImportAsync(api, list);
        Assert.Empty(first.GetProperty("problems").EnumerateArray());
        Assert.Equal("Resursi: 1 created, 0 updated, 0 unchanged; Aktivitātes: 2 created, 0 updated, 0 unchanged", first.GetProperty("summary").GetString());
        var activities = (await api.DataAsync("""
            { activities(first: 500, from: "2023-02-01", to: "2023-06-30") { nodes { name kind startsOn endsOn recurrence venue { name } area { name } participants { role resource { name externalId } } attendance { targetGroup count } } } }
            """, caller: CesisWorker)).GetProperty("activities").GetProperty("nodes").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        var evening = activities["Deju vakars"];
        Assert.Equal(("FESTIVAL", "2023-02-10", "ONCE", "Cēsu Centrālā bibliotēka", "Cēsis"), (evening.GetProperty("kind").GetString(), evening.GetProperty("startsOn").GetString(),
            evening.GetProperty("recurrence").GetString(), evening.GetProperty("venue").GetProperty("name").GetString(), evening.GetProperty("area").GetProperty("name").GetString()));
        Assert.Equal([("ORGANISER", "Cēsu senioru deju kopa"), ("PARTNER", "Cēsu novada pensionāru biedrība")],
            evening.GetProperty("participants").EnumerateArray().Select(p => (p.GetProperty("role").GetString(), p.GetProperty("resource").GetProperty("name").GetString())));
        Assert.Equal([("total", 40), ("seniors", 31)], evening.GetProperty("attendance").EnumerateArray().Select(a => (a.GetProperty("targetGroup").GetString(), a.GetProperty("count").GetInt32())));
        var classes = activities["Deju nodarbības"];
        Assert.Equal(("REGULAR_CLASS", "2023-02-14", "2023-05-30", "WEEKLY"), (classes.GetProperty("kind").GetString(), classes.GetProperty("startsOn").GetString(),
            classes.GetProperty("endsOn").GetString(), classes.GetProperty("recurrence").GetString()));

        // One batch in the history, and the same list again changes nothing.
        var batch = first.GetProperty("batch").GetString();
        var again = await ImportAsync(api, list);
        Assert.Equal("Resursi: 0 created, 0 updated, 1 unchanged; Aktivitātes: 0 created, 0 updated, 2 unchanged", again.GetProperty("summary").GetString());
        // Undone as one import: the club and its activities go together.
        var undone = await api.DataAsync("mutation($b: ID!) { undoImport(input: { batch: $b }) { action subjectId } }", new { b = batch }, CesisWorker);
        Assert.Equal(["DELETED", "DELETED", "DELETED"], undone.GetProperty("undoImport").EnumerateArray().Select(c => c.GetProperty("action").GetString()));
        var left = (await api.DataAsync("{ activities(from: \"2023-02-01\", to: \"2023-06-30\", first: 500) { nodes { name } } }")).GetProperty("activities").GetProperty("nodes");
        Assert.DoesNotContain(left.EnumerateArray(), a => a.GetProperty("name").GetString()!.StartsWith("Deju ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exported_workbook_imports_back_unchanged_and_hides_counts_from_outsiders_when_one_is_small()
    {
        await using var api = await TestApi.StartAsync();
        var culture = await api.ResourceIdAsync("Zosēnu kultūras nams");
        await api.DataAsync("""
            mutation($v: ID!) { createActivity(input: { name: "Adventes koncerts", kind: FESTIVAL, startsOn: "2023-12-03", venueId: $v,
              participants: [{ resourceId: $v, role: ORGANISER }], attendance: [{ targetGroup: "seniors", count: 4 }, { targetGroup: "total", count: 60 }] }) { activity { id } } }
            """, new { v = culture }, CesisWorker);
        foreach (var (caller, counts) in new[] { (CesisWorker, "seniors: 4; total: 60"), (new Caller("Ilze", Role.Worker, new HashSet<string> { "Daugavpils" }), "seniors: hidden; total: hidden") })
        {
            // The export as its endpoint makes it for the caller: a context that reads only what they may read.
            var requestCaller = new RequestCaller();
            await requestCaller.SignInAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(caller.Claims(), "test", Caller.NameClaim, Caller.RoleClaim)), api.Factory, CancellationToken.None);
            await using var db = new CallerDbContextFactory(api.Factory, requestCaller).CreateDbContext();
            var export = new ResourceMap.Api.Import.SpreadsheetExport(db, requestCaller, api.Service<Network.NetworkSnapshots>(), api.Service<Network.NetworkAnalyses>());
            var sheets = await export.SheetsAsync(null, null, latvian: true, CancellationToken.None);
            var rows = sheets.Single(s => s.Name == "Aktivitātes").Rows;
            var concert = rows.Single(r => r[2] == "Adventes koncerts");
            Assert.Equal(counts, concert[12]);
            Assert.Equal(("svētki", "2023-12-03", "vienreiz", "Zosēnu pagasts"), (concert[3], concert[4], concert[6], concert[8]));
            // As exported, the workbook imports back without a change, for the insider and for the outsider alike.
            if (caller == CesisWorker)
            {
                var back = await ImportAsync(api, Workbook([.. sheets.Where(s => s.Name is "Resursi" or "Saites" or "Aktivitātes")]), dryRun: true);
                Assert.Empty(back.GetProperty("problems").EnumerateArray());
                Assert.Matches("^Resursi: 0 created, 0 updated, [0-9]+ unchanged; Saites: 0 created, 0 updated, [0-9]+ unchanged; Aktivitātes: 0 created, 0 updated, [0-9]+ unchanged$", back.GetProperty("summary").GetString());
            }
        }
    }
}
