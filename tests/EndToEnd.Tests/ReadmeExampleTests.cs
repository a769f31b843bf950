using System.Text.Json;
using System.Text.RegularExpressions;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// Every GraphQL example of README.md, run as written against the demo data, as the role its section names, in the
/// order a reader meets them: an example that no longer works, or works only for an admin where README says a worker
/// may, fails here.
/// </summary>
public sealed partial class ReadmeExampleTests(DemoServer demo) : IClassFixture<DemoServer>
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(NodeClients.Folder, "..", "..", "README.md"));

    private sealed record Example(string Section, string Query);

    private static List<Example> Examples()
    {
        var examples = new List<Example>();
        var section = "";
        var lines = Readme.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ")) section = lines[i][3..].Trim();
            if (lines[i].Trim() != "```graphql") continue;
            var body = lines.Skip(i + 1).TakeWhile(l => l.Trim() != "```").ToList();
            examples.Add(new Example(section, string.Join('\n', body)));
            i += body.Count + 1;
        }
        return examples;
    }

    [Fact]
    public async Task Every_graphql_example_answers_without_errors_for_the_role_its_section_names()
    {
        var examples = Examples();
        Assert.True(examples.Count >= 18, $"only {examples.Count} examples found");
        var server = demo.Server;
        var admin = await server.AdminTokenAsync();
        var ids = await IdsAsync(server, admin);
        var roles = new Dictionary<string, string?>
        {
            ["Example queries"] = null,
            // Anyone may sign in; the user is the one the README has an admin create.
            ["Signing in"] = null,
            // The README says: as a worker of Cēsu novads.
            ["Example mutations"] = await server.TokenAsync("worker", "Cēsu novads"),
            // A worker of the person's municipality.
            ["Privacy"] = await server.TokenAsync("worker", ids.PersonMunicipality),
            // Viewers and workers of the object's municipality.
            ["History"] = await server.TokenAsync("worker", "Daugavpils"),
            ["Network analysis"] = null,
            // The README says: as a worker of Cēsu novads (its mutations); its queries anyone may ask.
            ["The worker's evidence: activities, introductions, reach"] = await server.TokenAsync("worker", "Cēsu novads"),
            // The README says: as a worker of Daugavpils.
            ["Mapping with the community: partner surveys"] = await server.TokenAsync("worker", "Daugavpils"),
            ["Geography for planners"] = null,
            ["The API for front-end developers"] = null,
        };
        var failures = new List<string>();
        foreach (var example in examples)
        {
            Assert.True(roles.TryGetValue(example.Section, out var token), $"README section '{example.Section}' has an example this test does not know the role of");
            var variables = VariableName().Matches(example.Query).Select(m => m.Groups[1].Value).Distinct()
                .ToDictionary(name => name, name => ids.Values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"README uses ${name}, unknown to this test"));
            var answer = await server.PostAsync(example.Query, variables, token);
            if (answer.TryGetProperty("errors", out var errors))
                failures.Add($"[{example.Section}] {example.Query.Split('\n')[0]}…: {errors}");
            else if (example.Section == "Example mutations" && example.Query.Contains("createResource"))
                ids.Values["created"] = answer.GetProperty("data").GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private sealed record DemoIds(Dictionary<string, string> Values, string PersonMunicipality);

    /// <summary>The ids the examples' variables stand for, found in the demo data as README tells a reader to find them.</summary>
    private static async Task<DemoIds> IdsAsync(ServerProcess server, string admin)
    {
        async Task<string> Resource(string text) =>
            (await server.DataAsync("query($t: String) { resources(text: $t, first: 1) { nodes { id } } }", new { t = text }, admin))
            .GetProperty("resources").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        var daugavpils = (await server.DataAsync("{ areas(text: \"Daugavpils\", kinds: [CITY]) { nodes { id } } }"))
            .GetProperty("areas").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        var person = (await server.DataAsync("{ resources(kinds: [VOLUNTEER], first: 1) { nodes { id area { name parent { name } } } } }", token: admin))
            .GetProperty("resources").GetProperty("nodes")[0];
        var area = person.GetProperty("area");
        var municipality = area.GetProperty("parent").ValueKind == JsonValueKind.Object ? area.GetProperty("parent").GetProperty("name").GetString()! : area.GetProperty("name").GetString()!;
        var draudziba = await Resource("Draudzība");
        // A change of Draudzība's (Daugavpils) to undo: the description a worker set a moment ago.
        var worker = await server.TokenAsync("worker", "Daugavpils");
        await server.DataAsync("mutation($id: ID!) { updateResource(input: { id: $id, description: \"Senioru biedrība Križos\" }) { resource { id } } }", new { id = draudziba }, worker);
        var change = (await server.DataAsync("query($id: ID!) { history(id: $id) { id changedFields } }", new { id = draudziba }, worker))
            .GetProperty("history").EnumerateArray().Single(h => h.GetProperty("changedFields").EnumerateArray().Any(f => string.Equals(f.GetString(), "description", StringComparison.OrdinalIgnoreCase)))
            .GetProperty("id").GetString()!;
        // The worker the README's sign-in example names, created by an admin as README says.
        await server.DataAsync("mutation { createUser(input: { name: \"Ilze\", role: WORKER, municipalities: [\"Cēsu novads\"], password: \"Ilzes-parole-2026\" }) { id } }", token: admin);
        // A wave with one answer to review, as the README's section goes: created, Draudzība invited, its answer saved
        // through the link's token (no account).
        var survey = (await server.DataAsync("mutation($a: ID!) { createSurvey(input: { name: \"README aptauja\", areaId: $a, opensOn: \"2026-01-01\", closesOn: \"2099-12-31\" }) { id } }", new { a = daugavpils }, worker))
            .GetProperty("createSurvey").GetProperty("id").GetString()!;
        var link = (await server.DataAsync("mutation($s: ID!, $a: ID!) { inviteToSurvey(input: { surveyId: $s, resourceIds: [$a] }) { link } }", new { s = survey, a = draudziba }, worker))
            .GetProperty("inviteToSurvey")[0].GetProperty("link").GetString()!;
        await server.DataAsync("mutation($t: String!, $p: ID!) { saveSurveyAnswers(input: { token: $t, consent: true, submit: true, partners: [{ resourceId: $p, frequency: MONTHLY, reliable: 4 }] }) { wave } }",
            new { t = link.Split('#')[1], p = await Resource("Križu draudze") });
        var response = (await server.DataAsync("query($s: ID!) { survey(id: $s) { responses { id } } }", new { s = survey }, worker))
            .GetProperty("survey").GetProperty("responses")[0].GetProperty("id").GetString()!;
        var values = new Dictionary<string, string>
        {
            ["survey"] = survey,
            ["response"] = response,
            ["daugavpils"] = daugavpils,
            ["id"] = draudziba,
            ["a"] = draudziba,
            ["b"] = await Resource("Ūdenszīmes"),
            // Two resources of Cēsu novads, for the worker of Cēsu novads to tie.
            ["from"] = await Resource("Zosēnu kultūras nams"),
            ["to"] = await Resource("pensionāru biedrība"),
            ["person"] = person.GetProperty("id").GetString()!,
            ["changeId"] = change,
        };
        return new DemoIds(values, municipality);
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableName();
}
