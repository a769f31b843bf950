using System.Text.Json;
using ResourceMap.Api.Network;

namespace ResourceMap.Api.Tests;

/// <summary>
/// Issue 18: an edit never stalls the network query. Its structure is always current; its metrics come from the freshest
/// analysis ready, and the answer says which data version they describe until the background has caught up.
/// </summary>
public class NetworkFreshnessTests
{
    private const string Query = """
        {
          network {
            dataVersion analysedVersion analysedAt current
            mainNetwork { size }
            actors { resource { name } betweenness degree role component }
          }
        }
        """;

    private static JsonElement Actor(JsonElement network, string name) =>
        network.GetProperty("actors").EnumerateArray().Single(a => a.GetProperty("resource").GetProperty("name").GetString() == name);

    private static async Task<string> AddActorTiedOnlyTo(TestApi api, string partner)
    {
        var ministry = await api.ResourceIdAsync(partner);
        var area = (await api.DataAsync("{ areas(text: \"Cēsu novads\") { nodes { id } } }")).GetProperty("areas").GetProperty("nodes")[0].GetProperty("id").GetString();
        var created = (await api.DataAsync("mutation($a: ID) { createResource(input: { name: \"Jauna biedrība\", kind: ASSOCIATION, areaId: $a }) { resource { id } } }", new { a = area }))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
        await api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION }) { relationship { id } } }", new { a = created, b = ministry });
        return created;
    }

    [Fact]
    public async Task After_an_edit_a_large_network_answers_at_once_from_the_last_analysis_and_says_so_until_the_new_one_is_ready()
    {
        // Every network counts as large here, so the background's part can be seen on the demo.
        await using var api = await TestApi.StartAsync(demoData: true, analysis: new AnalysisSettings { AnswerCurrentUpTo = 0 });
        var before = (await api.DataAsync(Query)).GetProperty("network"); // the first answer waits: nothing was analysed before
        Assert.True(before.GetProperty("current").GetBoolean());
        var firstVersion = before.GetProperty("dataVersion").GetInt64();
        Assert.Equal(firstVersion, before.GetProperty("analysedVersion").GetInt64());
        var ministry = Actor(before, "Labklājības ministrija");
        Assert.Equal(0, ministry.GetProperty("component").GetInt32());
        var betweennessBefore = ministry.GetProperty("betweenness").GetDouble();
        var mainSize = before.GetProperty("mainNetwork").GetProperty("size").GetInt32();

        JsonElement during;
        using (api.Service<AnalysisQueue>().Hold())
        {
            await AddActorTiedOnlyTo(api, "Labklājības ministrija");
            during = (await api.DataAsync(Query)).GetProperty("network");
        }
        // The structure is the current version's: the new actor is there with its one tie and in the main network ...
        Assert.False(during.GetProperty("current").GetBoolean());
        Assert.True(during.GetProperty("dataVersion").GetInt64() > firstVersion);
        Assert.Equal(firstVersion, during.GetProperty("analysedVersion").GetInt64());
        Assert.Equal(mainSize + 1, during.GetProperty("mainNetwork").GetProperty("size").GetInt32());
        var newcomer = Actor(during, "Jauna biedrība");
        Assert.Equal(1, newcomer.GetProperty("degree").GetInt32());
        Assert.Equal("MAIN_NETWORK", newcomer.GetProperty("role").GetString());
        // ... and the betweenness is the analysed version's: the newcomer, unknown to it, counts 0.
        Assert.Equal(betweennessBefore, Actor(during, "Labklājības ministrija").GetProperty("betweenness").GetDouble());
        Assert.Equal(0, newcomer.GetProperty("betweenness").GetDouble());

        var after = await CurrentAsync(api);
        Assert.Equal(after.GetProperty("dataVersion").GetInt64(), after.GetProperty("analysedVersion").GetInt64());
        // The newcomer's only tie is to the ministry, so its shortest path to each of the other actors of the main network
        // (mainSize − 1 of them: the ministry is one of mainSize) runs through the ministry: one more path for each
        // (networkx counts each unordered pair once).
        Assert.Equal(betweennessBefore + (mainSize - 1), Actor(after, "Labklājības ministrija").GetProperty("betweenness").GetDouble(), 9);
        // Nobody asked for weighted betweenness: it was never computed.
        Assert.DoesNotContain(api.Service<AnalysisQueue>().Done, job => job.StartsWith("WeightedBetweenness", StringComparison.Ordinal));
        Assert.Contains(api.Service<AnalysisQueue>().Done, job => job.StartsWith("Betweenness", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> CurrentAsync(TestApi api)
    {
        for (var tries = 0; tries < 400; tries++)
        {
            var network = (await api.DataAsync(Query)).GetProperty("network");
            if (network.GetProperty("current").GetBoolean()) return network;
            await Task.Delay(50);
        }
        throw new TimeoutException("The analysis never caught up with the data.");
    }

    [Fact]
    public async Task A_small_network_is_always_answered_current_even_right_after_an_edit()
    {
        await using var api = await TestApi.StartAsync(demoData: true);
        var before = (await api.DataAsync(Query)).GetProperty("network");
        var betweennessBefore = Actor(before, "Labklājības ministrija").GetProperty("betweenness").GetDouble();
        var mainSize = before.GetProperty("mainNetwork").GetProperty("size").GetInt32();
        await AddActorTiedOnlyTo(api, "Labklājības ministrija");
        var after = (await api.DataAsync(Query)).GetProperty("network");
        Assert.True(after.GetProperty("current").GetBoolean());
        Assert.Equal(betweennessBefore + (mainSize - 1), Actor(after, "Labklājības ministrija").GetProperty("betweenness").GetDouble(), 9);
    }

    [Fact]
    public async Task A_request_that_reads_only_the_structure_computes_no_metric()
    {
        await using var api = await TestApi.StartAsync(demoData: true);
        var network = (await api.DataAsync("{ network { current actorCount isolatedGroups { size } bridgingActors { actorsCutOff } actors { degree role } } }")).GetProperty("network");
        Assert.Equal(43, network.GetProperty("actorCount").GetInt32());
        Assert.Empty(api.Service<AnalysisQueue>().Done);
        await api.DataAsync("{ network { actors { clustering } } }");
        Assert.Equal(["Clustering"], api.Service<AnalysisQueue>().Done.Select(job => job.Split(' ')[0]));
    }
}

/// <summary>Issue 18: a new snapshot reads only what changed since the last one, and is the one a full read would make.</summary>
public class IncrementalSnapshotTests
{
    private static string Json(Graph.Network.NetworkSnapshot s) => JsonSerializer.Serialize(new { s.Actors, s.Ties, s.AreaParents });

    [Fact]
    public async Task After_every_kind_of_edit_the_updated_snapshot_equals_a_fresh_read_of_the_database()
    {
        await using var api = await TestApi.StartAsync(demoData: true);
        var snapshots = api.Service<NetworkSnapshots>();
        await snapshots.CurrentAsync(default);
        var a = await api.ResourceIdAsync("Labklājības ministrija");
        var b = await api.ResourceIdAsync("Zosēnu kultūras nams");
        var area = (await api.DataAsync("{ areas(text: \"Zosēnu pagasts\") { nodes { id } } }")).GetProperty("areas").GetProperty("nodes")[0].GetProperty("id").GetString();
        var steps = new List<Func<Task>>();
        string? tie = null, resource = null;
        steps.Add(async () => tie = (await api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: FUNDING }) { relationship { id } } }", new { a, b }))
            .GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString());
        steps.Add(() => api.DataAsync("mutation($id: ID!) { updateRelationship(input: { id: $id, strength: 5, since: \"2025-05-01\" }) { relationship { id } } }", new { id = tie }));
        steps.Add(async () => resource = (await api.DataAsync("mutation($area: ID) { createResource(input: { name: \"Zosēnu senioru klubs\", kind: INFORMAL_GROUP, areaId: $area, targetGroups: [\"seniors\"] }) { resource { id } } }", new { area }))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString());
        steps.Add(() => api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION }) { relationship { id } } }", new { a = resource, b }));
        steps.Add(() => api.DataAsync("mutation($id: ID!) { updateResource(input: { id: $id, name: \"Zosēnu senioru klubs „Rūdenis”\", status: CLOSED }) { resource { id } } }", new { id = resource }));
        steps.Add(() => api.DataAsync("mutation($id: ID!) { deleteRelationship(input: { id: $id }) { deletedRelationshipId } }", new { id = tie }));
        steps.Add(() => api.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = resource }));
        steps.Add(async () =>
        {
            var deletion = (await api.DataAsync("query($id: ID!) { history(id: $id) { id action } }", new { id = resource })).GetProperty("history")[0];
            Assert.Equal("DELETED", deletion.GetProperty("action").GetString());
            await api.DataAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = deletion.GetProperty("id").GetString() });
        });
        string? person = null;
        steps.Add(async () => person = (await api.DataAsync("mutation($area: ID) { createResource(input: { name: \"Brīvprātīgā Anna\", kind: VOLUNTEER, areaId: $area }) { resource { id } } }", new { area }))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString());
        steps.Add(() => api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: VOLUNTEERING }) { relationship { id } } }", new { a = person, b }));
        steps.Add(() => api.DataAsync("mutation($id: ID!) { erasePerson(input: { id: $id }) { erasedResourceId } }", new { id = person }));
        steps.Add(() => api.DataAsync("mutation($fc: GeoJSONFeatureCollectionInput!) { importAreas(input: { featureCollection: $fc }) { created { id } } }", new
        {
            fc = new
            {
                type = "FeatureCollection",
                features = new[]
                {
                    new
                    {
                        type = "Feature",
                        properties = new { name = "Jauns pagasts", kind = "parish", parent = "Cēsu novads" },
                        geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 25.0, 57.0 }, new[] { 25.1, 57.0 }, new[] { 25.1, 57.1 }, new[] { 25.0, 57.0 } } } },
                    },
                },
            },
        }));
        foreach (var step in steps)
        {
            await step();
            var updated = await snapshots.CurrentAsync(default);
            var fresh = await new NetworkSnapshots(api.Factory).CurrentAsync(default);
            Assert.Equal(fresh.Version, updated.Version);
            Assert.Equal(Json(fresh), Json(updated));
        }
    }
}
