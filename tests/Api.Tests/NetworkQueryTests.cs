using System.Text.Json;

namespace ResourceMap.Api.Tests;

/// <summary>The network query on the demo data, as a community social worker would read it.</summary>
public class NetworkQueryTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(demoData: true);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static List<string> Names(JsonElement resources) => resources.EnumerateArray().Select(r => r.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task The_isolated_group_isolated_actors_and_bridging_actors_are_the_ones_the_demo_was_built_with()
    {
        var network = (await _api.DataAsync("""
            {
              network(scope: { asOf: "2026-01-01" }) {
                actorCount
                mainNetwork { size }
                isolatedGroups { resources { name } }
                isolatedActors { name }
                bridgingActors { resource { name } actorsCutOff groupsCutOff { resources { name } } }
              }
            }
            """)).GetProperty("network");
        Assert.Equal(43, network.GetProperty("actorCount").GetInt32());
        Assert.Equal(["Zosēnu iedzīvotāju WhatsApp grupa", "Zosēnu jaunie talanti", "Zosēnu kultūras nams", "Zosēnu rudens svētku rīkotāji"],
            Names(Assert.Single(network.GetProperty("isolatedGroups").EnumerateArray()).GetProperty("resources")));
        // The Ķīmija library's only tie lapsed in 2020.
        Assert.Equal(["Cēsu sporta skola", "Križu draudze", "Priekuļu bibliotēka", "Ķīmijas mikrorajona bibliotēka"], Names(network.GetProperty("isolatedActors")));
        Assert.Equal(43 - 4 - 4, network.GetProperty("mainNetwork").GetProperty("size").GetInt32());

        var bridging = network.GetProperty("bridgingActors").EnumerateArray().ToDictionary(b => b.GetProperty("resource").GetProperty("name").GetString()!);
        // Without the ministry, the 14 actors of Cēsu novada's main part lose the Daugavpils side (the smaller part is cut off).
        Assert.Equal(14, bridging["Labklājības ministrija"].GetProperty("actorsCutOff").GetInt32());
        // The families' WhatsApp group is reached only through their leader.
        Assert.Equal(["Bērnu ar invaliditāti ģimeņu WhatsApp grupa"], Names(Assert.Single(bridging["Bērnu ar invaliditāti ģimeņu kopienas līdere"].GetProperty("groupsCutOff").EnumerateArray()).GetProperty("resources")));
        // Since the council's funding ended, the city's Social Service is the ministry's only way into Daugavpils: without it
        // the ministry and the 14 Cēsu actors (15) are cut off from the 20 of Daugavpils.
        Assert.Equal(15, bridging["Daugavpils pilsētas Sociālais dienests"].GetProperty("actorsCutOff").GetInt32());
        var cutOff = network.GetProperty("bridgingActors").EnumerateArray().Select(b => b.GetProperty("actorsCutOff").GetInt32()).ToList();
        Assert.Equal(cutOff.OrderDescending(), cutOff); // most actors cut off first
    }

    [Fact]
    public async Task Resource_metrics_say_who_holds_the_network_together()
    {
        var id = await _api.ResourceIdAsync("Labklājības ministrija");
        var metrics = (await _api.DataAsync("query($id: ID!) { resource(id: $id) { metrics(scope: { asOf: \"2026-01-01\" }) { degree betweenness betweennessNormalized isArticulationPoint component community role actorsCutOff closeness clustering constraint } } }", new { id }))
            .GetProperty("resource").GetProperty("metrics");
        Assert.Equal(2, metrics.GetProperty("degree").GetInt32()); // the funding ties ended in May 2023; the two mentoring ties remain
        Assert.True(metrics.GetProperty("isArticulationPoint").GetBoolean());
        Assert.Equal("BRIDGING_ACTOR", metrics.GetProperty("role").GetString());
        Assert.Equal(0, metrics.GetProperty("component").GetInt32());
        Assert.Equal(0, metrics.GetProperty("clustering").GetDouble());
        // Every shortest path between the 14 Cēsu actors and the 20 Daugavpils actors of the main network runs through it,
        // and no other: 14 × 20 = 280 pairs.
        Assert.Equal(280, metrics.GetProperty("betweenness").GetDouble(), 9);

        var zoseni = await _api.ResourceIdAsync("Zosēnu kultūras nams");
        var isolated = (await _api.DataAsync("query($id: ID!) { resource(id: $id) { metrics(scope: { asOf: \"2026-01-01\" }) { role component } } }", new { id = zoseni })).GetProperty("resource").GetProperty("metrics");
        Assert.Equal("ISOLATED_GROUP", isolated.GetProperty("role").GetString());
        Assert.Equal(1, isolated.GetProperty("component").GetInt32());
    }

    [Fact]
    public async Task Every_resource_of_a_list_gets_its_role_from_one_shared_analysis()
    {
        var nodes = (await _api.DataAsync("{ resources(first: 100) { nodes { name metrics(scope: { asOf: \"2026-01-01\" }) { role } } } }"))
            .GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
        var roles = nodes.GroupBy(n => n.GetProperty("metrics").GetProperty("role").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, roles["ISOLATED_ACTOR"]);
        Assert.Equal(4, roles["ISOLATED_GROUP"]);
        Assert.Equal(43, roles.Values.Sum());
        Assert.True(roles["BRIDGING_ACTOR"] >= 2);
    }

    [Fact]
    public async Task Metrics_are_null_outside_the_scope()
    {
        var id = await _api.ResourceIdAsync("Labklājības ministrija");
        var areas = await _api.DataAsync("{ areas(text: \"Zosēnu\") { nodes { id } } }");
        var zoseni = areas.GetProperty("areas").GetProperty("nodes")[0].GetProperty("id").GetString();
        var data = await _api.DataAsync("query($id: ID!, $area: ID!) { resource(id: $id) { metrics(scope: { areaId: $area }) { degree } } }", new { id, area = zoseni });
        Assert.Equal(JsonValueKind.Null, data.GetProperty("resource").GetProperty("metrics").ValueKind);
    }

    [Fact]
    public async Task Suggestions_would_join_the_isolated_group_with_reasons()
    {
        var suggestions = (await _api.DataAsync("{ network(scope: { asOf: \"2026-01-01\" }) { suggestions(first: 50) { from { name } to { name } reasons actorsNewlyReached needsMet { need offer } } } }"))
            .GetProperty("network").GetProperty("suggestions").EnumerateArray().ToList();
        var zoseni = suggestions.Where(s => s.GetProperty("from").GetProperty("name").GetString()!.StartsWith("Zosēnu")).ToList();
        Assert.NotEmpty(zoseni);
        Assert.All(zoseni, s => Assert.Equal(4, s.GetProperty("actorsNewlyReached").GetInt32()));
        // The young talents need rehearsal space, which schools and the art space offer as a venue.
        Assert.Contains(zoseni, s => s.GetProperty("needsMet").EnumerateArray().Any(n => n.GetProperty("need").GetString() == "rehearsal space" && n.GetProperty("offer").GetString() == "venue"));
        // The top suggestion for the Priekuļi library: the parish seniors, 0.4 km away, who need what it offers.
        var library = suggestions.First(s => s.GetProperty("from").GetProperty("name").GetString() == "Priekuļu bibliotēka");
        Assert.Equal("Priekuļu pagasta seniori", library.GetProperty("to").GetProperty("name").GetString());
        Assert.Contains(library.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "Both serve seniors.");
    }

    [Fact]
    public async Task Introduction_paths_run_along_existing_ties()
    {
        var from = await _api.ResourceIdAsync("Senioru biedrība \"Draudzība-K\"");
        var to = await _api.ResourceIdAsync("Priekuļu pagasta seniori");
        var paths = (await _api.DataAsync("query($a: ID!, $b: ID!) { network(scope: { asOf: \"2026-01-01\" }) { introductionPaths(fromId: $a, toId: $b, count: 2) { hops length resources { name } } } }", new { a = from, b = to }))
            .GetProperty("network").GetProperty("introductionPaths").EnumerateArray().ToList();
        Assert.Equal(2, paths.Count);
        var first = paths[0].GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal("Senioru biedrība \"Draudzība-K\"", first[0]);
        Assert.Equal("Priekuļu pagasta seniori", first[^1]);
        Assert.Contains("Labklājības ministrija", first); // the only way between the two municipalities
        Assert.True(paths[0].GetProperty("length").GetDouble() <= paths[1].GetProperty("length").GetDouble());
    }

    [Fact]
    public async Task Edge_connectivity_between_the_two_municipalities_fell_when_the_pilot_funding_ended()
    {
        var cesis = new[] { await _api.ResourceIdAsync("Cēsu novada dome"), await _api.ResourceIdAsync("Cēsu novada Sociālais dienests") };
        var daugavpils = new[] { await _api.ResourceIdAsync("Daugavpils valstspilsētas pašvaldība"), await _api.ResourceIdAsync("Daugavpils pilsētas Sociālais dienests") };
        const string query = "query($a: [ID!]!, $b: [ID!]!, $day: DateOnly) { network(scope: { asOf: $day }) { edgeConnectivity(groupA: $a, groupB: $b) } }";
        // During the pilot the ministry funded both councils and mentored both services: two tie-disjoint routes.
        Assert.Equal(2, (await _api.DataAsync(query, new { a = cesis, b = daugavpils, day = "2023-03-01" })).GetProperty("network").GetProperty("edgeConnectivity").GetInt32());
        Assert.Equal(1, (await _api.DataAsync(query, new { a = cesis, b = daugavpils, day = "2026-01-01" })).GetProperty("network").GetProperty("edgeConnectivity").GetInt32());
    }

    [Fact]
    public async Task What_if_a_tie_to_the_council_joined_Zoseni()
    {
        var culture = await _api.ResourceIdAsync("Zosēnu kultūras nams");
        var council = await _api.ResourceIdAsync("Cēsu novada dome");
        var result = (await _api.DataAsync("query($a: ID!, $b: ID!) { network(scope: { asOf: \"2026-01-01\" }) { whatIf(addTies: [{ fromId: $a, toId: $b, strength: 3 }]) { before { isolatedGroups mainNetworkSize } after { isolatedGroups mainNetworkSize } actorsJoiningMainNetwork { name } newBridgingActors { name } } } }", new { a = culture, b = council }))
            .GetProperty("network").GetProperty("whatIf");
        Assert.Equal(1, result.GetProperty("before").GetProperty("isolatedGroups").GetInt32());
        Assert.Equal(0, result.GetProperty("after").GetProperty("isolatedGroups").GetInt32());
        Assert.Equal(result.GetProperty("before").GetProperty("mainNetworkSize").GetInt32() + 4, result.GetProperty("after").GetProperty("mainNetworkSize").GetInt32());
        Assert.Equal(4, result.GetProperty("actorsJoiningMainNetwork").GetArrayLength());
        // The culture house would become the Zosēni group's only link.
        Assert.Contains("Zosēnu kultūras nams", Names(result.GetProperty("newBridgingActors")));
    }

    [Fact]
    public async Task The_comparison_over_the_pilot_shows_the_ties_built_in_Krizi()
    {
        var change = (await _api.DataAsync("""
            {
              network {
                comparison(from: "2022-11-27", to: "2023-05-31") {
                  from { ties mainNetworkSize }
                  to { ties mainNetworkSize }
                  tiesBuilt { id }
                  actorsBroughtIn { name }
                  report
                }
              }
            }
            """)).GetProperty("network").GetProperty("comparison");
        var broughtIn = Names(change.GetProperty("actorsBroughtIn"));
        Assert.Contains("Senioru biedrība \"Draudzība-K\"", broughtIn);
        Assert.Contains("Bērnu ar invaliditāti ģimeņu WhatsApp grupa", broughtIn);
        Assert.True(change.GetProperty("tiesBuilt").GetArrayLength() >= 20);
        Assert.True(change.GetProperty("to").GetProperty("mainNetworkSize").GetInt32() > change.GetProperty("from").GetProperty("mainNetworkSize").GetInt32());
        Assert.Contains("# Changes in the network from 2022-11-27 to 2023-05-31", change.GetProperty("report").GetString());
    }

    [Fact]
    public async Task A_new_tie_shows_in_the_next_analysis()
    {
        const string query = "{ network(scope: { asOf: \"2026-01-01\" }) { dataVersion isolatedGroups { size } } }";
        var before = (await _api.DataAsync(query)).GetProperty("network");
        var culture = await _api.ResourceIdAsync("Zosēnu kultūras nams");
        var council = await _api.ResourceIdAsync("Cēsu novada dome");
        await _api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION, since: \"2025-06-01\" }) { relationship { id } } }", new { a = culture, b = council });
        var after = (await _api.DataAsync(query)).GetProperty("network");
        Assert.True(after.GetProperty("dataVersion").GetInt64() > before.GetProperty("dataVersion").GetInt64());
        Assert.Equal(1, before.GetProperty("isolatedGroups").GetArrayLength());
        Assert.Equal(0, after.GetProperty("isolatedGroups").GetArrayLength());
    }

    [Fact]
    public async Task Out_of_scope_or_malformed_actors_are_clear_errors()
    {
        var response = await _api.ExecuteAsync("{ network { introductionPaths(fromId: \"UmVzb3VyY2U6OTk5\", toId: \"UmVzb3VyY2U6MQ==\") { hops } } }");
        Assert.Equal("NOT_FOUND", response.Code());
        response = await _api.ExecuteAsync("{ network { whatIf(removeActorIds: [\"bad\"]) { after { components } } } }");
        Assert.Equal("BAD_USER_INPUT", response.Code());
        response = await _api.ExecuteAsync("{ network { suggestions(first: 1000) { score } } }");
        Assert.Equal("BAD_USER_INPUT", response.Code());
        response = await _api.ExecuteAsync("{ network { suggestions(maxDistanceKm: -1) { score } } }");
        Assert.Equal("BAD_USER_INPUT", response.Code());
        response = await _api.ExecuteAsync("{ network { comparison(from: \"2023-01-01\", to: \"2022-01-01\") { report } } }");
        Assert.Equal("BAD_USER_INPUT", response.Code());
    }

    [Fact]
    public async Task Suggestions_for_a_Daugavpils_association_stay_near_it_unless_widened()
    {
        // Before: the suggestions for the Križi seniors' association included libraries in Cēsis, 177 km away.
        const string query = "query($wide: Boolean) { network { suggestions(first: 200, anywhere: $wide) { from { name } to { name } distanceKm } } }";
        async Task<List<double>> DistancesAsync(bool wide) =>
            (await _api.DataAsync(query, new { wide })).GetProperty("network").GetProperty("suggestions").EnumerateArray()
                .Where(s => $"{s.GetProperty("from").GetProperty("name")} {s.GetProperty("to").GetProperty("name")}".Contains("Draudzība-K"))
                .Select(s => s.GetProperty("distanceKm").GetDouble()).ToList();
        var near = await DistancesAsync(wide: false);
        Assert.NotEmpty(near);
        Assert.All(near, km => Assert.True(km <= 30, $"{km} km"));
        Assert.Contains(await DistancesAsync(wide: true), km => km > 150);
    }
}
