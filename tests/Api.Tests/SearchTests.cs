namespace ResourceMap.Api.Tests;

/// <summary>Filters and paging on the demo network.</summary>
public class SearchTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(demoData: true);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<List<string>> Names(string arguments, object? variables = null)
    {
        var declarations = string.Join(", ", new[] { ("$t", "$t: String"), ("$area", "$area: ID") }.Where(v => arguments.Contains(v.Item1)).Select(v => v.Item2));
        var header = declarations.Length > 0 ? $"query({declarations})" : "query";
        var data = await _api.DataAsync($"{header} {{ resources({arguments}, first: 500) {{ nodes {{ name }} }} }}", variables);
        return data.GetProperty("resources").Names();
    }

    [Theory]
    [InlineData("udenszimes", "Biedrība \"Ūdenszīmes\"")]
    [InlineData("draudziba", "Senioru biedrība \"Draudzība-K\"")]
    [InlineData("DRAUDZĪBA-K", "Senioru biedrība \"Draudzība-K\"")]
    [InlineData("kimijas", "Ķīmijas apkaimes līderis")]
    [InlineData("zosenu kulturas", "Zosēnu kultūras nams")]
    public async Task Text_search_ignores_case_and_diacritics(string text, string expected) =>
        Assert.Contains(expected, await Names("text: $t", new { t = text }));

    [Fact]
    public async Task Text_search_matches_offers_and_needs() =>
        // Only the day centre offers Qigong classes.
        Assert.Equal(["Dienas centrs \"Saskarsme\""], await Names("text: $t", new { t = "qigong" }));

    [Fact]
    public async Task Text_search_with_sql_wildcards_finds_nothing_rather_than_everything() =>
        Assert.Empty(await Names("text: $t", new { t = "%" }));

    [Fact]
    public async Task Kind_filter_returns_only_that_kind()
    {
        var libraries = await Names("kinds: [LIBRARY]");
        Assert.Equal(["Cēsu Centrālā bibliotēka", "Latgales Centrālā bibliotēka", "Priekuļu bibliotēka", "Ķīmijas mikrorajona bibliotēka"], libraries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Target_group_filter_matches_any_listed_group()
    {
        var names = await Names("targetGroups: [\"families-of-children-with-disabilities\"]");
        Assert.Contains("Latgales reģiona invalīdu biedrība \"FORTE\"", names);
        Assert.Contains("Bērnu ar invaliditāti ģimeņu WhatsApp grupa", names);
        Assert.DoesNotContain("Senioru biedrība \"Draudzība-K\"", names);
    }

    [Fact]
    public async Task Area_filter_includes_the_areas_inside()
    {
        var areas = await _api.DataAsync("{ areas(text: \"daugavpils\") { nodes { id name } } }");
        var daugavpils = areas.GetProperty("areas").GetProperty("nodes")[0].GetProperty("id").GetString();
        var names = await Names("areaId: $area", new { area = daugavpils });
        Assert.Contains("Senioru biedrība \"Draudzība-K\"", names); // in Križi, inside Daugavpils
        Assert.Contains("Bērnu ar invaliditāti ģimeņu WhatsApp grupa", names); // directly in Daugavpils
        Assert.DoesNotContain("Cēsu novada dome", names);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_overlap()
    {
        var all = (await _api.DataAsync("{ resources(first: 500) { totalCount nodes { id } } }")).GetProperty("resources");
        var ids = all.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal(all.GetProperty("totalCount").GetInt32(), ids.Count);

        var seen = new List<string?>();
        string? after = null;
        while (true)
        {
            var page = (await _api.DataAsync("query($after: String) { resources(first: 10, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }", new { after })).GetProperty("resources");
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        Assert.Equal(ids, seen);

        var last = (await _api.DataAsync("{ resources(last: 3) { pageInfo { hasPreviousPage hasNextPage } nodes { id } } }")).GetProperty("resources");
        Assert.Equal(ids.TakeLast(3), last.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.True(last.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.False(last.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task A_page_larger_than_the_maximum_is_refused()
    {
        var response = await _api.ExecuteAsync("{ resources(first: 501) { totalCount } }");
        Assert.Equal("PAGE_SIZE_TOO_LARGE", response.Code());
    }

    [Fact]
    public async Task Node_fetches_any_object_by_its_global_id_and_a_resource_shows_its_ties()
    {
        var id = await _api.ResourceIdAsync("Senioru biedrība \"Draudzība-K\"");
        var data = await _api.DataAsync("query($id: ID!) { node(id: $id) { id ... on Resource { name area { name parent { name } } neighbours { name } relationships { type source { name } target { name } } } } }", new { id });
        var node = data.GetProperty("node");
        Assert.Equal(id, node.GetProperty("id").GetString());
        Assert.Equal("Križi", node.GetProperty("area").GetProperty("name").GetString());
        Assert.Equal("Daugavpils", node.GetProperty("area").GetProperty("parent").GetProperty("name").GetString());
        // The six ties the demo data gives Draudzība-K (DemoData.cs), each neighbour once.
        Assert.Equal(6, node.GetProperty("relationships").GetArrayLength());
        Assert.Equal(
            ["Daugavpils valstspilsētas pašvaldība", "Dienas centrs \"Saskarsme\"", "Izglītības iniciatīvu centrs", "Kopienas sociālais darbinieks (Daugavpils)", "Križu apkaimes līderis", "Križu pirmsskolas izglītības iestāde"],
            node.GetProperty("neighbours").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ties_can_be_seen_as_of_a_day()
    {
        var id = await _api.ResourceIdAsync("Senioru biedrība \"Draudzība-K\"");
        // Before the pilot reached Križi (28 Nov 2022) the association had no ties; by 1 Feb 2023 it had three.
        var data = await _api.DataAsync("query($id: ID!) { resource(id: $id) { before: relationships(activeOn: \"2022-11-01\") { id } during: neighbours(activeOn: \"2023-02-01\") { name } } }", new { id });
        Assert.Equal(0, data.GetProperty("resource").GetProperty("before").GetArrayLength());
        Assert.Equal(3, data.GetProperty("resource").GetProperty("during").GetArrayLength());
    }

    [Fact]
    public async Task Persons_never_show_contact_details()
    {
        var data = await _api.DataAsync("{ resources(kinds: [VOLUNTEER, COMMUNITY_LEADER], first: 500) { nodes { contact { email phone web } } } }");
        Assert.All(data.GetProperty("resources").GetProperty("nodes").EnumerateArray(), n => Assert.Equal(System.Text.Json.JsonValueKind.Null, n.GetProperty("contact").ValueKind));
    }
}
