using System.Text.Json;
using ResourceMap.Api.Access;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Resources;

namespace ResourceMap.Api.Tests;

/// <summary>
/// Lists read only the columns their selection needs, and load their items' ties ahead in one query: no answer may
/// change. The expectation is the same item read whole, by id through <c>nodes(ids:)</c>.
/// </summary>
public class ProjectionTests(DemoApi demo) : IClassFixture<DemoApi>
{
    /// <summary>How to ask for a field that needs arguments or a selection; the others are asked by name.</summary>
    private static readonly Dictionary<string, string> Asked = new()
    {
        ["location"] = "location { type coordinates }",
        ["locatedIn"] = "locatedIn { name }",
        ["distanceMeters"] = "distanceMeters(from: { latitude: 57.3, longitude: 25.27 })",
        ["area"] = "area { name }",
        ["contact"] = "contact { web email phone }",
        ["relationships"] = "relationships { id type }",
        ["neighbours"] = "neighbours { name }",
        ["metrics"] = "metrics { degree }",
        ["reach"] = "reach { count share }",
        ["activities"] = "activities { name }",
        ["source"] = "source { name }",
        ["target"] = "target { name }",
    };

    private static string Ask(string field) => Asked.GetValueOrDefault(field, field);

    private static string FieldsOf(JsonElement schema, string type) =>
        string.Join(' ', schema.GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order());

    [Fact]
    public async Task Every_field_of_resources_and_ties_has_its_columns_listed()
    {
        var resource = await demo.Api.DataAsync("""{ __type(name: "Resource") { fields { name } } }""");
        var tie = await demo.Api.DataAsync("""{ __type(name: "Relationship") { fields { name } } }""");
        Assert.Equal(FieldsOf(resource, "Resource"), string.Join(' ', ResourceNode.Columns.Fields.Order()));
        Assert.Equal(FieldsOf(tie, "Relationship"), string.Join(' ', RelationshipNode.Columns.Fields.Order()));
    }

    [Fact]
    public async Task Each_resource_field_alone_in_a_page_answers_as_the_whole_row_does()
    {
        var page = await demo.Api.DataAsync("{ resources(first: 100) { nodes { id } } }");
        var ids = page.GetProperty("resources").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.True(ids.Count > 40);
        var whole = await demo.Api.DataAsync(
            $"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on Resource {{ {string.Join(' ', ResourceNode.Columns.Fields.Select(Ask))} }} }} }}", new { ids });
        foreach (var field in ResourceNode.Columns.Fields)
        {
            // Through edges for one half of the fields and nodes for the other: both paths choose the columns.
            var viaEdges = field.Length % 2 == 0;
            var data = await demo.Api.DataAsync(viaEdges
                ? $"{{ resources(first: 100) {{ edges {{ node {{ {Ask(field)} }} }} }} }}"
                : $"{{ resources(first: 100) {{ nodes {{ ...F }} }} }} fragment F on Resource {{ {Ask(field)} }}");
            var items = viaEdges
                ? data.GetProperty("resources").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList()
                : data.GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
            var expected = whole.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty(field).GetRawText()).ToList();
            Assert.Equal(expected, items.Select(n => n.GetProperty(field).GetRawText()).ToList());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_resource_field_of_a_networks_actor_answers_as_the_whole_row_does(bool anonymous)
    {
        // The fields the network's own record of an actor holds are answered from it, the others from the row; an
        // anonymous caller's network leaves sensitive actors out, and their rows are not theirs to read either.
        var caller = anonymous ? Caller.Anonymous : TestApi.Admin;
        var actors = (await demo.Api.DataAsync("{ network { actors { resource { id } } } }", caller: caller)).GetProperty("network").GetProperty("actors").EnumerateArray()
            .Select(a => a.GetProperty("resource").GetProperty("id").GetString())
            .ToList();
        Assert.True(actors.Count > 40);
        var whole = (await demo.Api.DataAsync(
                $"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on Resource {{ id {string.Join(' ', ResourceNode.Columns.Fields.Select(Ask))} }} }} }}", new { ids = actors }, caller))
            .GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Equal(!anonymous, whole.Values.Any(n => n.GetProperty("sensitive").GetBoolean()));
        foreach (var field in ResourceNode.Columns.Fields)
        {
            var data = await demo.Api.DataAsync($"{{ network {{ actors {{ resource {{ id {Ask(field)} }} }} }} }}", caller: caller);
            foreach (var resource in data.GetProperty("network").GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("resource")))
                Assert.Equal(whole[resource.GetProperty("id").GetString()!].GetProperty(field).GetRawText(), resource.GetProperty(field).GetRawText());
        }
    }

    [Fact]
    public async Task The_networks_map_reads_no_row_of_a_resource_or_tie()
    {
        const string map = """
            { network { actors { resource { id name kind targetGroups latitude longitude } } ties { id type strength source { id } target { id } } } }
            """;
        var data = await demo.Api.DataAsync(map);
        Assert.True(data.GetProperty("network").GetProperty("ties").GetArrayLength() > 40);
        demo.Api.Sql.Reset();
        await demo.Api.DataAsync(map);
        Assert.DoesNotContain(demo.Api.Sql.Commands, sql => sql.Contains("FROM \"Resources\"") || sql.Contains("FROM \"Relationships\""));
    }

    [Fact]
    public async Task Each_tie_field_alone_in_a_page_answers_as_the_whole_row_does()
    {
        var page = await demo.Api.DataAsync("{ relationships(first: 100) { nodes { id } } }");
        var ids = page.GetProperty("relationships").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        var whole = (await demo.Api.DataAsync(
                $"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on Relationship {{ id {string.Join(' ', RelationshipNode.Columns.Fields.Select(Ask))} }} }} }}", new { ids }))
            .GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Contains(whole.Values, t => t.GetProperty("note").ValueKind == JsonValueKind.String);
        foreach (var field in RelationshipNode.Columns.Fields)
        {
            var data = await demo.Api.DataAsync($"{{ resources(first: 100) {{ nodes {{ relationships {{ id {Ask(field)} }} }} }} }}");
            var seen = 0;
            foreach (var tie in data.GetProperty("resources").GetProperty("nodes").EnumerateArray().SelectMany(n => n.GetProperty("relationships").EnumerateArray()))
            {
                Assert.Equal(whole[tie.GetProperty("id").GetString()!].GetProperty(field).GetRawText(), tie.GetProperty(field).GetRawText());
                seen++;
            }
            Assert.Equal(2 * whole.Count, seen); // each tie once from either end
        }
    }

    [Fact]
    public async Task Ties_loaded_ahead_still_honour_the_field_arguments()
    {
        const string query = """
            { resources(first: 100) { nodes { id
                all: relationships { id type since until }
                referrals: relationships(types: [REFERRAL]) { id }
                now: relationships(activeOn: "2026-11-23") { id }
                neighbours(types: [FUNDING]) { id } } } }
            """;
        var nodes = (await demo.Api.DataAsync(query)).GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
        var referrals = 0;
        foreach (var node in nodes)
        {
            var all = node.GetProperty("all").EnumerateArray().ToList();
            var ids = (IEnumerable<JsonElement> ties) => ties.Select(t => t.GetProperty("id").GetString()).ToList();
            var expectedReferrals = ids(all.Where(t => t.GetProperty("type").GetString() == "REFERRAL"));
            Assert.Equal(expectedReferrals, ids(node.GetProperty("referrals").EnumerateArray()));
            referrals += expectedReferrals.Count;
            Assert.Equal(ids(all.Where(t => IsActiveOn(t, "2026-11-23"))), ids(node.GetProperty("now").EnumerateArray()));
        }
        Assert.True(referrals > 0);
        var funded = nodes.Where(n => n.GetProperty("neighbours").GetArrayLength() > 0).ToList();
        Assert.NotEmpty(funded);
    }

    private static bool IsActiveOn(JsonElement tie, string day) =>
        (tie.GetProperty("since").ValueKind == JsonValueKind.Null || string.CompareOrdinal(tie.GetProperty("since").GetString(), day) <= 0)
        && (tie.GetProperty("until").ValueKind == JsonValueKind.Null || string.CompareOrdinal(day, tie.GetProperty("until").GetString()) <= 0);

    [Fact]
    public async Task The_map_query_reads_no_column_it_does_not_show()
    {
        const string map = "{ resources(first: 500) { nodes { id name kind latitude longitude relationships { id type strength source { id } target { id } } } } }";
        await demo.Api.DataAsync(map);
        demo.Api.Sql.Reset();
        await demo.Api.DataAsync(map);
        var sql = string.Join("\n", demo.Api.Sql.Commands);
        Assert.Contains("\"Latitude\"", sql);
        Assert.Contains("\"Strength\"", sql);
        foreach (var unread in new[] { "Description", "TargetGroups", "Offers", "ContactEmail", "CreatedAt", "Note" })
            Assert.DoesNotContain($"\"{unread}\"", sql);
    }
}
