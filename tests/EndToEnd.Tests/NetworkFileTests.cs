using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// The network as Gephi and yEd files, read back by another program: Debian's networkx (python3-networkx 2.8) opens the
/// GEXF and the GraphML the real server writes, and what it finds is compared with what the API answers the same caller.
/// </summary>
public sealed class NetworkFileTests(DemoServer demo) : IClassFixture<DemoServer>, IAsyncLifetime
{
    private const string Python = "/usr/bin/python3"; // Debian's, where python3-networkx is installed
    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-network-files-").FullName;
    private ServerProcess Server => demo.Server;

    public Task InitializeAsync() => DebianPackage.Networkx.EnsureInstalledAsync();

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private sealed record Read(Dictionary<string, JsonElement> Nodes, List<JsonElement> Edges, JsonElement Whole, string Text);

    /// <summary>Downloads an export and reads it with networkx.</summary>
    private async Task<Read> ReadAsync(string url, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var kind = url.Contains(".gexf") ? "gexf" : "graphml";
        Assert.Equal(kind == "gexf" ? "application/gexf+xml" : "application/graphml+xml", response.Content.Headers.ContentType!.MediaType);
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.{kind}");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        var (exit, output, error) = await Processes.RunAsync(Python, [Path.Combine(NodeClients.Folder, "network_files.py"), kind, path], _folder);
        Assert.True(exit == 0, $"networkx could not read the {kind} file ({exit}):\n{error}");
        var whole = JsonDocument.Parse(output).RootElement.Clone();
        Assert.False(whole.GetProperty("directed").GetBoolean());
        return new Read(whole.GetProperty("nodes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value),
            whole.GetProperty("edges").EnumerateArray().ToList(), whole, await File.ReadAllTextAsync(path));
    }

    private const string Resources = "{ resources(first: 500) { nodes { id name kind status sensitive latitude longitude targetGroups area { name } } } }";
    private const string Ties = "query($day: DateOnly, $types: [RelationshipType!]) { relationships(first: 500, activeOn: $day, types: $types) { nodes { id type strength since until source { id } target { id } } } }";

    [Fact]
    public async Task An_analyst_opens_the_gexf_with_the_actors_attributes_and_each_tie_s_days_as_its_spell()
    {
        var file = await ReadAsync("/export/network.gexf");
        Assert.Equal("dynamic", file.Whole.GetProperty("mode").GetString());

        // The actors an anonymous caller may read that are not closed, and no one else.
        var resources = (await Server.DataAsync(Resources)).GetProperty("resources").GetProperty("nodes").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() != "CLOSED").ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(resources.Keys.Order(), file.Nodes.Keys.Order());
        foreach (var (id, node) in file.Nodes)
        {
            var resource = resources[id];
            Assert.Equal(resource.GetProperty("name").GetString(), node.GetProperty("label").GetString());
            Assert.Equal(resource.GetProperty("kind").GetString(), node.GetProperty("kind").GetString());
            Assert.Equal("[" + string.Join(", ", resource.GetProperty("targetGroups").EnumerateArray().Select(g => g.GetString())) + "]", node.GetProperty("targetGroups").GetString());
        }

        // The seniors' association of Križi: its place, and its six partners (README's search example).
        var draudziba = file.Nodes.Single(n => n.Value.GetProperty("label").GetString() == "Senioru biedrība \"Draudzība-K\"");
        Assert.Equal("Križi", draudziba.Value.GetProperty("area").GetString());
        Assert.Equal(resources[draudziba.Key].GetProperty("latitude").GetDouble(), draudziba.Value.GetProperty("latitude").GetDouble());
        Assert.Equal(resources[draudziba.Key].GetProperty("longitude").GetDouble(), draudziba.Value.GetProperty("longitude").GetDouble());
        Assert.Equal(6, draudziba.Value.GetProperty("degree").GetInt32());
        // Its metrics are the network query's.
        var metrics = (await Server.DataAsync("query($id: ID!) { resource(id: $id) { metrics { betweennessNormalized community role } } }", new { id = draudziba.Key }))
            .GetProperty("resource").GetProperty("metrics");
        Assert.Equal(metrics.GetProperty("betweennessNormalized").GetDouble(), draudziba.Value.GetProperty("betweenness").GetDouble(), 12);
        Assert.Equal(metrics.GetProperty("community").GetInt32(), draudziba.Value.GetProperty("community").GetInt32());
        Assert.Equal(metrics.GetProperty("role").GetString(), draudziba.Value.GetProperty("role").GetString());

        // Every tie of every day among them, with its first and last day as one spell (open sides left out).
        var ties = (await Server.DataAsync(Ties)).GetProperty("relationships").GetProperty("nodes").EnumerateArray()
            .Where(t => file.Nodes.ContainsKey(t.GetProperty("source").GetProperty("id").GetString()!) && file.Nodes.ContainsKey(t.GetProperty("target").GetProperty("id").GetString()!))
            .ToDictionary(t => t.GetProperty("id").GetString()!);
        Assert.Equal(ties.Keys.Order(), file.Edges.Select(e => e.GetProperty("id").GetString()!).Order());
        Assert.Contains(ties.Values, t => t.GetProperty("until").ValueKind == JsonValueKind.String); // the demo has ended ties: the timeline shows them end
        foreach (var edge in file.Edges)
        {
            var tie = ties[edge.GetProperty("id").GetString()!];
            Assert.Equal(tie.GetProperty("type").GetString(), edge.GetProperty("type").GetString());
            Assert.Equal(tie.GetProperty("strength").GetInt32(), edge.GetProperty("strength").GetInt32());
            Assert.Equal(tie.GetProperty("strength").GetDouble(), edge.GetProperty("weight").GetDouble());
            string? since = tie.GetProperty("since").ValueKind == JsonValueKind.String ? tie.GetProperty("since").GetString() : null;
            string? until = tie.GetProperty("until").ValueKind == JsonValueKind.String ? tie.GetProperty("until").GetString() : null;
            if (since is null && until is null) Assert.False(edge.TryGetProperty("spells", out _));
            else Assert.Equal([since, until], edge.GetProperty("spells")[0].EnumerateArray().Select(b => b.ValueKind == JsonValueKind.Null ? null : b.GetString()));
        }
    }

    [Fact]
    public async Task The_graphml_carries_the_same_network_with_the_days_as_attributes()
    {
        var gexf = await ReadAsync("/export/network.gexf");
        var graphml = await ReadAsync("/export/network.graphml");
        Assert.Equal(gexf.Nodes.Keys.Order(), graphml.Nodes.Keys.Order());
        foreach (var (id, node) in graphml.Nodes)
            foreach (var attribute in new[] { "label", "kind", "area", "latitude", "longitude", "degree", "betweenness", "community", "role" })
                Assert.Equal(gexf.Nodes[id].TryGetProperty(attribute, out var expected) ? expected.ToString() : null,
                    node.TryGetProperty(attribute, out var actual) ? actual.ToString() : null);
        var spells = gexf.Edges.ToDictionary(e => e.GetProperty("id").GetString()!, e => e.TryGetProperty("spells", out var s) ? s[0] : (JsonElement?)null);
        Assert.Equal(spells.Keys.Order(), graphml.Edges.Select(e => e.GetProperty("id").GetString()!).Order());
        foreach (var edge in graphml.Edges)
        {
            var spell = spells[edge.GetProperty("id").GetString()!];
            string? Bound(int i) => spell is { } s && s[i].ValueKind == JsonValueKind.String ? s[i].GetString() : null;
            Assert.Equal(Bound(0), edge.TryGetProperty("since", out var since) ? since.GetString() : null);
            Assert.Equal(Bound(1), edge.TryGetProperty("until", out var until) ? until.GetString() : null);
        }
    }

    [Fact]
    public async Task An_anonymous_export_holds_no_sensitive_resource_and_no_person_s_place_in_either_format()
    {
        var admin = await Server.AdminTokenAsync();
        var everything = (await Server.DataAsync(Resources, token: admin)).GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
        var sensitive = everything.Where(r => r.GetProperty("sensitive").GetBoolean()).ToList();
        var persons = everything.Where(r => r.GetProperty("kind").GetString() is "VOLUNTEER" or "COMMUNITY_LEADER" && r.GetProperty("latitude").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(sensitive);
        Assert.NotEmpty(persons);
        foreach (var url in new[] { "/export/network.gexf", "/export/network.graphml" })
        {
            var open = await ReadAsync(url);
            var full = await ReadAsync(url, admin);
            foreach (var r in sensitive)
            {
                Assert.False(open.Nodes.ContainsKey(r.GetProperty("id").GetString()!));
                Assert.DoesNotContain(r.GetProperty("name").GetString()!, open.Text);
                Assert.True(full.Nodes.ContainsKey(r.GetProperty("id").GetString()!));
            }
            foreach (var p in persons)
            {
                var id = p.GetProperty("id").GetString()!;
                Assert.False(open.Nodes[id].TryGetProperty("latitude", out _), $"{url}: a person's place left to anyone");
                Assert.Equal(p.GetProperty("latitude").GetDouble(), full.Nodes[id].GetProperty("latitude").GetDouble());
            }
        }
    }

    [Fact]
    public async Task A_day_and_tie_types_narrow_the_ties_and_bad_ones_are_refused()
    {
        var file = await ReadAsync("/export/network.gexf?day=2021-06-01&types=COOPERATION,SHARED_ACTIVITY");
        var ties = (await Server.DataAsync(Ties, new { day = "2021-06-01", types = new[] { "COOPERATION", "SHARED_ACTIVITY" } }))
            .GetProperty("relationships").GetProperty("nodes").EnumerateArray()
            .Where(t => file.Nodes.ContainsKey(t.GetProperty("source").GetProperty("id").GetString()!) && file.Nodes.ContainsKey(t.GetProperty("target").GetProperty("id").GetString()!))
            .Select(t => t.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(ties);
        Assert.Equal(ties.Order(), file.Edges.Select(e => e.GetProperty("id").GetString()!).Order());

        foreach (var (query, field) in new[] { ("day=1.6.2021", "'day'"), ("types=COOPERATION,FRIENDSHIP", "'FRIENDSHIP'"), ("areaId=bm90LWFuLWlk", "not a valid Area id") })
        {
            using var response = await Server.Client.GetAsync($"/export/network.graphml?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
            Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Contains(field, error.GetProperty("message").GetString());
        }
    }
}
