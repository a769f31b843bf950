using System.Text.Json;

namespace ResourceMap.Api.Tests;

/// <summary>Hot Chocolate style where/order, checked against the same conditions applied in memory to every row, and shown to run in SQL.</summary>
public class FilterTests : IAsyncLifetime
{
    private TestApi _api = null!;
    private List<JsonElement> _all = null!;

    public async Task InitializeAsync()
    {
        _api = await TestApi.StartAsync();
        var data = await _api.DataAsync("{ resources(first: 500) { nodes { id name kind status targetGroups latitude area { name } } } }");
        _all = data.GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<List<string>> NamesAsync(string where, string order = "", object? variables = null)
    {
        var declaration = where.Contains("$a") ? "($a: ID)" : "";
        var data = await _api.DataAsync($"query{declaration} {{ resources(first: 500, where: {where}{(order == "" ? "" : ", order: " + order)}) {{ nodes {{ name }} }} }}", variables);
        return data.GetProperty("resources").Names();
    }

    private List<string> Expected(Func<JsonElement, bool> keep) => _all.Where(keep).Select(r => r.GetProperty("name").GetString()!).ToList();

    private static List<string> Groups(JsonElement r) => r.GetProperty("targetGroups").EnumerateArray().Select(g => g.GetString()!).ToList();

    [Fact]
    public async Task Text_conditions_match_the_same_test_in_memory()
    {
        Assert.Equal(Expected(r => r.GetProperty("name").GetString()!.Contains("biedrība")), await NamesAsync("{ name: { contains: \"biedrība\" } }"));
        Assert.Equal(Expected(r => r.GetProperty("name").GetString()!.StartsWith("Daugavpils")), await NamesAsync("{ name: { startsWith: \"Daugavpils\" } }"));
        Assert.Equal(Expected(r => !r.GetProperty("name").GetString()!.Contains('a')), await NamesAsync("{ name: { ncontains: \"a\" } }"));
        Assert.Equal(Expected(r => r.GetProperty("name").GetString() is "Križu draudze" or "Cēsu Centrālā bibliotēka"),
            await NamesAsync("{ name: { in: [\"Križu draudze\", \"Cēsu Centrālā bibliotēka\"] } }"));
    }

    [Fact]
    public async Task Enums_lists_and_nested_objects_combine_with_and_and_or()
    {
        var expected = Expected(r =>
            (r.GetProperty("kind").GetString() is "LIBRARY" or "DAY_CENTRE" && Groups(r).Contains("seniors"))
            || (r.GetProperty("area").ValueKind == JsonValueKind.Object && r.GetProperty("area").GetProperty("name").GetString() == "Zosēnu pagasts"));
        var actual = await NamesAsync("""
            { or: [
                { and: [ { kind: { in: [LIBRARY, DAY_CENTRE] } }, { targetGroups: { some: { eq: "seniors" } } } ] },
                { area: { name: { eq: "Zosēnu pagasts" } } }
            ] }
            """);
        Assert.True(expected.Count >= 6);
        Assert.Equal(expected, actual);
        Assert.Equal(Expected(r => Groups(r).Count == 0), await NamesAsync("{ targetGroups: { any: false } }"));
        Assert.Equal(Expected(r => !Groups(r).Contains("all")), await NamesAsync("{ targetGroups: { none: { eq: \"all\" } } }"));
        Assert.Equal(Expected(r => r.GetProperty("latitude").ValueKind == JsonValueKind.Number && r.GetProperty("latitude").GetDouble() > 57),
            await NamesAsync("{ latitude: { gt: 57 } }"));
    }

    [Fact]
    public async Task Names_sort_and_compare_by_code_point_on_every_database()
    {
        // By code point (UTF-16 and UTF-8 agree here): capitals, then small letters, then Ā (U+0100) and Č (U+010C). A
        // Latvian collation (PostgreSQL's test cluster defaults to one) would say apse, Ābele, Avots, Cīrulis, Čiekurs, Zīle.
        await using var api = await TestApi.StartAsync(demoData: false);
        foreach (var name in new[] { "Zīle", "Čiekurs", "apse", "Avots", "Ābele", "Cīrulis" })
            await api.DataAsync("mutation($n: String!) { createResource(input: { name: $n, kind: OTHER }) { resource { id } } }", new { n = name });
        var sorted = await api.DataAsync("{ resources(order: [{ name: ASC }]) { nodes { name } } }");
        Assert.Equal(["Avots", "Cīrulis", "Zīle", "apse", "Ābele", "Čiekurs"], sorted.GetProperty("resources").Names());
        // Comparison is exact too: a capital is not its small letter, nor Ā an A.
        var capitalA = await api.DataAsync("{ resources(where: { name: { contains: \"A\" } }, order: [{ name: ASC }]) { nodes { name } } }");
        Assert.Equal(["Avots"], capitalA.GetProperty("resources").Names());
    }

    [Fact]
    public async Task Order_sorts_in_SQL_with_the_id_breaking_ties()
    {
        _api.Sql.Reset();
        var actual = await NamesAsync("{ kind: { neq: VOLUNTEER } }", "[{ kind: ASC }, { name: DESC }]");
        var expected = _all.Where(r => r.GetProperty("kind").GetString() != "VOLUNTEER")
            .OrderBy(r => KindName(r.GetProperty("kind").GetString()!), StringComparer.Ordinal)
            .ThenByDescending(r => r.GetProperty("name").GetString(), StringComparer.Ordinal)
            .Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.Equal(expected, actual);
        var page = _api.Sql.Commands.Single(c => c.Contains("ORDER BY"));
        // After the privacy filter (which may span lines); SQLite quotes the alias, PostgreSQL does not need to.
        Assert.Matches(@"(?s)WHERE .*""?r""?\.""Kind"" <> ", page);
        Assert.Matches(@"ORDER BY ""?r""?\.""Kind"", ""?r""?\.""Name"" DESC, ""?r""?\.""Id""", page);
    }

    /// <summary>Kinds are stored by their C# name, so they sort as DayCentre, not DAY_CENTRE.</summary>
    private static string KindName(string graphQLName) => string.Concat(graphQLName.Split('_').Select(w => w[0] + w[1..].ToLowerInvariant()));

    [Fact]
    public async Task Location_fits_the_same_where_and_runs_on_the_spatial_index()
    {
        var krizi = (await _api.DataAsync("{ areas(where: { name: { eq: \"Križi\" } }) { nodes { id } } }")).GetProperty("areas").GetProperty("nodes")[0].GetProperty("id").GetString();
        var inKrizi = (await _api.DataAsync("query($a: ID) { resources(withinAreaId: $a) { nodes { name } } }", new { a = krizi })).GetProperty("resources").Names();
        var actual = await NamesAsync("{ or: [ { location: { withinAreaId: $a } }, { kind: { eq: MUNICIPALITY } } ] }", variables: new { a = krizi });
        var expected = _all.Where(r => inKrizi.Contains(r.GetProperty("name").GetString()!) || r.GetProperty("kind").GetString() == "MUNICIPALITY").Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Ties_and_areas_have_where_and_order_too()
    {
        var ties = await _api.DataAsync("""
            { relationships(first: 500, where: { strength: { gte: 4 }, since: { lt: "2023-01-01" }, source: { kind: { eq: SOCIAL_SERVICE } } }, order: [{ strength: DESC }]) {
                nodes { strength since source { kind } } } }
            """);
        var nodes = ties.GetProperty("relationships").GetProperty("nodes").EnumerateArray().ToList();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, t =>
        {
            Assert.True(t.GetProperty("strength").GetInt32() >= 4);
            Assert.True(string.CompareOrdinal(t.GetProperty("since").GetString(), "2023-01-01") < 0);
            Assert.Equal("SOCIAL_SERVICE", t.GetProperty("source").GetProperty("kind").GetString());
        });
        var strengths = nodes.Select(t => t.GetProperty("strength").GetInt32()).ToList();
        Assert.Equal(strengths.OrderDescending(), strengths);

        var areas = await _api.DataAsync("{ areas(where: { kind: { eq: NEIGHBOURHOOD } }, order: [{ name: DESC }]) { nodes { name } } }");
        Assert.Equal(["Ķīmija", "Mežciems", "Križi", "Cietoksnis", "Centrs"], areas.GetProperty("areas").Names());
    }

    [Fact]
    public async Task A_bad_id_in_where_is_refused()
    {
        var response = await _api.ExecuteAsync("{ resources(where: { id: { eq: \"nonsense\" } }) { totalCount } }");
        Assert.Equal("BAD_USER_INPUT", response.Code());
    }
}
