using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// The web app at / in headless Chromium (Debian's, driven by playwright-core) against the real server with demo data.
/// Screenshots of each step are saved under the test output's artifacts/web folder.
/// </summary>
public sealed class WebAppTests(WebAppTests.NoTilesServer demo) : IClassFixture<WebAppTests.NoTilesServer>
{
    /// <summary>The demo server with no tile source: the map must stand on its boundaries alone (and no test reaches a tile server).</summary>
    public sealed class NoTilesServer : IAsyncLifetime
    {
        public ServerProcess Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await ServerProcess.StartAsync(settings: ["--Web:TileUrl", ""]);

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            try { Directory.Delete(Server.DataFolder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task The_map_shows_the_demo_and_a_worker_joins_its_isolated_group_to_the_network()
    {
        var shots = Path.Combine(AppContext.BaseDirectory, "artifacts", "web");
        // Independently, before the page changes anything: the ties valid on two days among resources with a place.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var (tiesEarlier, tiesToday) = (await PlacedTiesAsync("2022-08-01"), await PlacedTiesAsync(today));
        var worker = await demo.Server.TokenAsync("worker", "Cēsu novads");
        var (exit, output, error) = await NodeClients.RunAsync("browse.mjs", demo.Server.BaseAddress.ToString(), shots, worker);
        Assert.True(exit == 0, $"browse.mjs failed ({exit}):\n{output}\n{error}");
        var page = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;

        // Independently: the resources an anonymous visitor may see that have a place, and the ties among them.
        var data = await demo.Server.DataAsync("{ resources(first: 500) { nodes { latitude relationships { id } } } }");
        var placed = data.GetProperty("resources").GetProperty("nodes").EnumerateArray().Where(r => r.GetProperty("latitude").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(placed.Count, page.GetProperty("markers").GetInt32());
        Assert.True(page.GetProperty("markerIcons").GetInt32() > 0, "no marker or cluster on the page");
        Assert.True(page.GetProperty("boundaries").GetInt32() > 0, "no area boundary drawn");
        Assert.Empty(page.GetProperty("errors").EnumerateArray());

        // Latvian by default; the switch changes the texts.
        Assert.Equal("lv", page.GetProperty("language").GetString());
        Assert.Equal("Kopienas resursu karte", page.GetProperty("title").GetString());
        Assert.Equal("en", page.GetProperty("languageAfterSwitch").GetString());
        Assert.Equal("Community resource map", page.GetProperty("titleAfterSwitch").GetString());
        Assert.Equal("Role in the network", page.GetProperty("legendAfterSwitch").GetString());

        // A bridging actor's panel says in words what its loss would do, with the figures of the network analysis.
        var bridging = (await demo.Server.DataAsync("{ network { bridgingActors { resource { name } actorsCutOff groupsCutOff { size } } } }"))
            .GetProperty("network").GetProperty("bridgingActors").EnumerateArray()
            .Single(b => b.GetProperty("resource").GetProperty("name").GetString() == page.GetProperty("selectedName").GetString());
        Assert.Contains($"Without this actor, groups cut off from the network: {bridging.GetProperty("groupsCutOff").GetArrayLength()}; actors in them: {bridging.GetProperty("actorsCutOff").GetInt32()}.",
            page.GetProperty("selectedMetrics").EnumerateArray().Select(m => m.GetString()));
        // The network view holds every actor the visitor may see, and the actor selected on the map is selected there.
        var all = await demo.Server.DataAsync("{ resources(first: 500) { totalCount nodes { id name } } }");
        Assert.Equal(all.GetProperty("resources").GetProperty("totalCount").GetInt32(), page.GetProperty("graphNodes").GetInt32());
        var selectedId = all.GetProperty("resources").GetProperty("nodes").EnumerateArray().Single(r => r.GetProperty("name").GetString() == page.GetProperty("selectedName").GetString()).GetProperty("id").GetString();
        Assert.Equal(selectedId, page.GetProperty("graphSelected").GetString());

        // The date slider redraws the ties valid on the day chosen.
        Assert.Equal("2022-08-01", page.GetProperty("sliderDay").GetString());
        Assert.Equal(tiesEarlier, page.GetProperty("tiesOnEarlierDay").GetInt32());
        Assert.Equal(tiesToday, page.GetProperty("tiesToday").GetInt32());
        Assert.Equal(tiesToday, page.GetProperty("ties").GetInt32());
        Assert.True(tiesEarlier < tiesToday);

        // The under-served layer for seniors within 1 km lists the areas the coverage analysis names, in its order.
        var underServed = (await demo.Server.DataAsync("{ underServedAreas(targetGroup: \"seniors\", maxDistanceMeters: 1000) { area { name } population } }"))
            .GetProperty("underServedAreas").EnumerateArray().ToList();
        Assert.NotEmpty(underServed);
        Assert.Equal(underServed.Count, page.GetProperty("underServedCount").GetInt32());
        Assert.Equal(underServed.Select(a => $"{a.GetProperty("area").GetProperty("name").GetString()}: {a.GetProperty("population").GetInt32()} people"),
            page.GetProperty("underServedItems").EnumerateArray().Select(i => i.GetString()!.Split(';')[0]));

        // "What if it closed?" for the selected actor answers as the coverage analysis does: the bridging actor does not
        // serve seniors, which the API says with BAD_USER_INPUT and the page in words.
        var closure = await demo.Server.PostAsync("query($id: ID!) { closureImpact(resourceId: $id, targetGroup: \"seniors\", maxDistanceMeters: 1000) { populationLosingAccess } }", new { id = selectedId });
        Assert.Equal("BAD_USER_INPUT", closure.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("It does not serve seniors (or is not active): its closing would change nothing for them.", page.GetProperty("closure").GetString());

        // The kind filter shows exactly the libraries with a place, and all of them again after.
        var libraries = (await demo.Server.DataAsync("{ resources(first: 500, kinds: [LIBRARY]) { nodes { latitude } } }"))
            .GetProperty("resources").GetProperty("nodes").EnumerateArray().Count(r => r.GetProperty("latitude").ValueKind == JsonValueKind.Number);
        Assert.True(libraries > 0);
        Assert.Equal(libraries, page.GetProperty("libraryMarkers").GetInt32());
        Assert.Equal(placed.Count, page.GetProperty("markersUnfiltered").GetInt32());

        // A worker finds the isolated group, opens a member, and records the tie suggested for it: the group joins.
        Assert.Contains("Zosēnu", page.GetProperty("groupMember").GetString()); // the demo's isolated group: the Zosēni parish's
        // The suggestion names the group's member and the actor outside it: "member — partner".
        var (member, partner) = page.GetProperty("suggestedTie").GetString()!.Split(" — ") is [var inside, var outside] ? (inside, outside) : throw new Xunit.Sdk.XunitException("unexpected suggestion title");
        Assert.NotEmpty(page.GetProperty("suggestionReasons").EnumerateArray());
        Assert.Empty(page.GetProperty("recordErrors").EnumerateArray());
        Assert.Equal(page.GetProperty("isolatedGroupsBefore").GetInt32() - 1, page.GetProperty("isolatedGroupsAfter").GetInt32());
        var after = await demo.Server.DataAsync("{ network { mainNetwork { resources { name } } isolatedGroups { resources { name } } } }");
        Assert.Contains(after.GetProperty("network").GetProperty("mainNetwork").GetProperty("resources").EnumerateArray(), r => r.GetProperty("name").GetString() == member);
        var ties = await demo.Server.DataAsync("query($t: String) { resources(text: $t) { nodes { name relationships { source { name } target { name } } } } }", new { t = member });
        Assert.Contains(ties.GetProperty("resources").GetProperty("nodes").EnumerateArray().Single(r => r.GetProperty("name").GetString() == member).GetProperty("relationships").EnumerateArray(),
            t => t.GetProperty("source").GetProperty("name").GetString() == partner || t.GetProperty("target").GetProperty("name").GetString() == partner);

        foreach (var shot in new[] { "1-map-latvian.png", "2-map-english.png", "3-bridging-actor.png", "4-network-view.png", "5-network-on-2022-08-01.png", "6-under-served-seniors.png", "7-suggestion.png", "8-tie-recorded.png" })
            Assert.True(new FileInfo(Path.Combine(shots, shot)).Length > 10_000, $"{shot} is missing or empty");
    }

    /// <summary>Ties valid on a day whose two ends both have a place on the map, as an anonymous visitor reads them.</summary>
    private async Task<int> PlacedTiesAsync(string day)
    {
        var data = await demo.Server.DataAsync("query($d: DateOnly) { resources(first: 500) { nodes { relationships(activeOn: $d) { id source { latitude } target { latitude } } } } }", new { d = day });
        return data.GetProperty("resources").GetProperty("nodes").EnumerateArray()
            .SelectMany(r => r.GetProperty("relationships").EnumerateArray())
            .Where(t => t.GetProperty("source").GetProperty("latitude").ValueKind == JsonValueKind.Number && t.GetProperty("target").GetProperty("latitude").ValueKind == JsonValueKind.Number)
            .Select(t => t.GetProperty("id").GetString()).Distinct().Count();
    }
}
