using System.Globalization;
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

        public const string AdminName = "Admins";
        public const string AdminPassword = "pirmais-admins-2026";

        public async Task InitializeAsync() => Server = await ServerProcess.StartAsync(settings:
            ["--Web:TileUrl", "", "--Auth:FirstAdmin:Name", AdminName, "--Auth:FirstAdmin:Password", AdminPassword]);

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            try { Directory.Delete(Server.DataFolder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task The_map_shows_the_demo_and_a_worker_joins_its_isolated_group_to_the_network()
    {
        // Independently, before the page changes anything: the ties valid on two days among resources with a place.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var (tiesEarlier, tiesToday) = (await PlacedTiesAsync("2022-08-01"), await PlacedTiesAsync(today));
        var worker = await demo.Server.TokenAsync("worker", "Cēsu novads");
        var page = await BrowseAsync("browse.mjs", worker);

        // Independently: the resources an anonymous visitor may see that have a place, and the ties among them.
        var data = await demo.Server.DataAsync("{ resources(first: 500) { nodes { latitude relationships { id } } } }");
        var placed = data.GetProperty("resources").GetProperty("nodes").EnumerateArray().Where(r => r.GetProperty("latitude").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(placed.Count, page.GetProperty("markers").GetInt32());
        Assert.True(page.GetProperty("markerIcons").GetInt32() > 0, "no marker or cluster on the page");
        Assert.True(page.GetProperty("boundaries").GetInt32() > 0, "no area boundary drawn");

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
        // A tap in the graph selects there and in the panel; tapping the first actor again selects its marker on the map.
        var tapped = page.GetProperty("graphTapped");
        Assert.Equal(tapped.GetProperty("label").GetString(), tapped.GetProperty("selected").GetString());
        Assert.NotEqual(selectedId, tapped.GetProperty("graphSelected").GetString());
        Assert.Equal(selectedId, page.GetProperty("mapSelectedAfterGraph").GetString());
        Assert.Equal(page.GetProperty("selectedName").GetString(), page.GetProperty("selectedMarkerTitle").GetString());

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
        Assert.Equal(underServed.Select(a => $"{a.GetProperty("area").GetProperty("name").GetString()}: {English(a.GetProperty("population").GetInt32())} people"),
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

        AssertScreenshots("1-map-latvian.png", "2-map-english.png", "3-bridging-actor.png", "4-network-view.png", "5-network-on-2022-08-01.png", "6-under-served-seniors.png", "7-suggestion.png", "8-tie-recorded.png");
    }

    [Fact]
    public async Task Exploring_planning_and_the_impact_report_say_what_the_api_says()
    {
        var server = demo.Server;
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var area = await IdAsync("areas", "Cēsu novads");
        var actor = await IdAsync("resources", "Cēsu novada Sociālais dienests");
        var (pathFrom, pathTo) = (await IdAsync("resources", "Daugavpils pilsētas Sociālais dienests"), await IdAsync("resources", "Cēsu Bērnu un jauniešu centrs"));

        // Independently, before the page runs: the area's resources and network, the ties of one type, the actor's
        // metrics, the introduction paths, the grid, the placements, a closure that costs seniors their access, the comparison.
        var inArea = (await server.DataAsync("query($a: ID) { resources(first: 500, areaId: $a) { totalCount nodes { id latitude } } network(scope: { areaId: $a }) { isolatedGroups { size } actors { resource { id } degree } } }", new { a = area }));
        // The actor's ties today to partners outside the area (the ministry mentors the county's Social Service), as
        // "type — partner (strength)" with the type in English words.
        var areaIds = inArea.GetProperty("resources").GetProperty("nodes").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
        var actorTies = (await server.DataAsync("query($id: ID!, $d: DateOnly) { node(id: $id) { ... on Resource { relationships(activeOn: $d) { type strength source { id name } target { id name } } } } }", new { id = actor, d = today }))
            .GetProperty("node").GetProperty("relationships").EnumerateArray().ToList();
        static string InEnglish(string type) => type[..1] + type[1..].ToLowerInvariant().Replace('_', ' ');
        var beyond = actorTies
            .Select(t => (t, partner: t.GetProperty(t.GetProperty("source").GetProperty("id").GetString() == actor ? "target" : "source")))
            .Where(x => !areaIds.Contains(x.partner.GetProperty("id").GetString()))
            .Select(x => $"{InEnglish(x.t.GetProperty("type").GetString()!)} — {x.partner.GetProperty("name").GetString()} (strength {x.t.GetProperty("strength").GetInt32()})")
            .ToList();
        var areaDegree = inArea.GetProperty("network").GetProperty("actors").EnumerateArray().Single(a => a.GetProperty("resource").GetProperty("id").GetString() == actor).GetProperty("degree").GetInt32();
        var fundingTies = await PlacedTiesAsync(today, "FUNDING");
        var network = (await server.DataAsync("{ network { actors { resource { id } degree betweennessNormalized clustering } } }")).GetProperty("network").GetProperty("actors").EnumerateArray().ToList();
        var metrics = network.Single(a => a.GetProperty("resource").GetProperty("id").GetString() == actor);
        var paths = (await server.DataAsync("query($f: ID!, $t: ID!) { network { introductionPaths(fromId: $f, toId: $t, count: 3) { hops resources { name } } } }", new { f = pathFrom, t = pathTo }))
            .GetProperty("network").GetProperty("introductionPaths").EnumerateArray().ToList();
        var grid = (await server.DataAsync("query($a: ID!) { coverageGrid(targetGroup: \"seniors\", maxDistanceMeters: 1000, areaId: $a, cellSizeMeters: 500) { features { properties { population underServed } } } }", new { a = area }))
            .GetProperty("coverageGrid").GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var placement = (await server.DataAsync("query($a: ID!) { placementSuggestions(targetGroup: \"seniors\", maxDistanceMeters: 1000, areaId: $a, count: 3) { population coveredBefore coveredAfter suggestions { newlyCoveredPopulation area { name } } } }", new { a = area }))
            .GetProperty("placementSuggestions");
        var (serving, closure) = await ClosureCostingAccessAsync();
        var comparison = (await server.DataAsync("query($t: DateOnly!) { network { comparison(from: \"2022-08-01\", to: $t) { from { ...f } to { ...f } tiesBuilt { id } actorsBroughtIn { name } isolatedGroups { stillIsolated } } } } fragment f on NetworkFigures { actors ties mainNetworkSize isolatedGroups isolatedActors bridgingActors density }", new { t = today }))
            .GetProperty("network").GetProperty("comparison");

        var arguments = JsonSerializer.Serialize(new { areaId = area, type = "FUNDING", actorId = actor, pathFrom, pathTo, servingId = serving, reportFrom = "2022-08-01" });
        var page = await BrowseAsync("browse-explore.mjs", arguments);

        // The area filter shows and analyses the area alone; the tie type filter draws the ties of that type.
        var areaResources = inArea.GetProperty("resources");
        Assert.Equal(areaResources.GetProperty("nodes").EnumerateArray().Count(r => r.GetProperty("latitude").ValueKind == JsonValueKind.Number), page.GetProperty("areaMarkers").GetInt32());
        Assert.Equal(areaResources.GetProperty("totalCount").GetInt32(), page.GetProperty("areaFindOptions").GetInt32());
        Assert.Equal(inArea.GetProperty("network").GetProperty("isolatedGroups").GetArrayLength(), page.GetProperty("areaIsolatedGroups").GetInt32());
        Assert.True(fundingTies > 0);
        Assert.Equal(fundingTies, page.GetProperty("typeTies").GetInt32());

        // In the area, the actor's ties in its network are listed, and those beyond it apart, named; none without an area.
        Assert.Contains("Mentoring — Labklājības ministrija (strength 3)", beyond);
        Assert.Equal($"{beyond.Count} {(beyond.Count == 1 ? "tie" : "ties")} beyond the chosen area", page.GetProperty("beyondHeading").GetString());
        Assert.Equal(beyond.Order(), page.GetProperty("beyondItems").EnumerateArray().Select(i => i.GetString()!).Order());
        Assert.Equal(areaDegree, page.GetProperty("areaTieItems").GetInt32());
        Assert.False(page.GetProperty("beyondWithoutArea").GetBoolean());

        // The actor's metrics in words, with the analysis' figures; the go-between rank counted here.
        var lines = page.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains($"Works directly with actors: {metrics.GetProperty("degree").GetInt32()}.", lines);
        var rank = 1 + network.Count(a => a.GetProperty("betweennessNormalized").GetDouble() > metrics.GetProperty("betweennessNormalized").GetDouble());
        Assert.Contains(lines, l => l.StartsWith($"As a go-between: rank {rank} of {network.Count} ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"({Math.Round(metrics.GetProperty("clustering").GetDouble() * 100)} %)", StringComparison.Ordinal));
        Assert.Equal(metrics.GetProperty("degree").GetInt32(), page.GetProperty("tieItems").GetInt32());

        // Keyboard: Enter on a focused marker selects it.
        Assert.Equal(page.GetProperty("keyboardMarker").GetString(), page.GetProperty("keyboardSelected").GetString());

        // The introduction paths are the API's chains, in its order.
        Assert.True(paths[0].GetProperty("hops").GetInt32() >= 2, "the chosen actors should need an introduction");
        Assert.Equal(paths.Select(p => string.Join(" → ", p.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()))),
            page.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));

        // The grid and the placements, as the coverage analysis computes them.
        Assert.Equal(grid.Count, page.GetProperty("gridCells").GetInt32());
        var geoPackage = page.GetProperty("geoPackage");
        Assert.Equal(("map.gpkg", true), (geoPackage.GetProperty("name").GetString(), geoPackage.GetProperty("sqlite").GetBoolean()));
        var outOfReach = grid.Where(c => c.GetProperty("underServed").GetBoolean() && c.GetProperty("population").GetDouble() > 0).ToList();
        Assert.NotEmpty(outOfReach);
        Assert.StartsWith($"Cells where people live too far: {outOfReach.Count}; people in them: {English(outOfReach.Sum(c => c.GetProperty("population").GetDouble()))}.", page.GetProperty("gridSummary").GetString());
        var places = placement.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(places.Select(p => $"{p.GetProperty("area").GetProperty("name").GetString()}: {English(p.GetProperty("newlyCoveredPopulation").GetDouble())} more people within reach."),
            page.GetProperty("placements").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(places.Count, page.GetProperty("placementMarkers").GetInt32());
        var percent = (string name) => Math.Round(100 * placement.GetProperty(name).GetDouble() / placement.GetProperty("population").GetDouble());
        Assert.Equal($"Within reach now {percent("coveredBefore")} %, with the new resources {percent("coveredAfter")} %.", page.GetProperty("placementSummary").GetString());

        // What if a resource serving seniors closed: the people who would lose access and the areas newly under-served.
        var newlyUnderServed = string.Join(", ", closure.GetProperty("newlyUnderServedAreas").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal($"If it closed, {English(closure.GetProperty("populationLosingAccess").GetInt32())} people (seniors) would have no resource within 1.0 km. Newly under-served: {(newlyUnderServed.Length > 0 ? newlyUnderServed : "—")}.",
            page.GetProperty("closure").GetString());

        // The impact report opened from the panel: the comparison's figures, ties built and actors brought in; printable.
        Assert.EndsWith($"report.html?from=2022-08-01&to={today}", page.GetProperty("reportUrl").GetString());
        Assert.Equal("Changes in the community's network", page.GetProperty("reportTitle").GetString());
        var rows = page.GetProperty("reportFigures").EnumerateArray().ToDictionary(r => r[0].GetString()!, r => (From: r[1].GetString(), To: r[2].GetString()));
        foreach (var (label, field) in new[] { ("Actors", "actors"), ("Ties", "ties"), ("Actors in the main network", "mainNetworkSize"), ("Isolated groups", "isolatedGroups"), ("Actors without ties", "isolatedActors"), ("Bridging actors", "bridgingActors") })
            Assert.Equal((English(comparison.GetProperty("from").GetProperty(field).GetInt32()), English(comparison.GetProperty("to").GetProperty(field).GetInt32())), rows[label]);
        Assert.Equal(comparison.GetProperty("to").GetProperty("density").GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), rows["Density"].To);
        Assert.Equal(comparison.GetProperty("tiesBuilt").GetArrayLength(), page.GetProperty("reportTiesBuilt").GetInt32());
        Assert.Equal(comparison.GetProperty("actorsBroughtIn").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order(),
            page.GetProperty("reportBroughtIn").EnumerateArray().Select(a => a.GetString()).Order());
        Assert.Equal(comparison.GetProperty("isolatedGroups").GetArrayLength(), page.GetProperty("reportGroups").GetArrayLength());
        Assert.False(page.GetProperty("reportNavPrinted").GetBoolean(), "the report's buttons should not be printed");
        AssertScreenshots("explore-7-report.pdf"); // printed

        // Accessibility (axe-core, WCAG 2.1 A and AA: contrast, labels, names, structure) of the map and the report.
        Assert.Empty(page.GetProperty("auditMap").EnumerateArray());
        Assert.Empty(page.GetProperty("auditReport").EnumerateArray());

        // A tablet held upright: the map above the panel, nothing wider than the screen, a tap selects an actor.
        var tablet = page.GetProperty("tablet");
        var (map, panel) = (tablet.GetProperty("map"), tablet.GetProperty("panel"));
        Assert.True(map.GetProperty("height").GetDouble() >= 400, "the map should keep most of a tablet's height");
        Assert.True(map.GetProperty("y").GetDouble() + map.GetProperty("height").GetDouble() <= panel.GetProperty("y").GetDouble() + 1, "the panel should be under the map");
        Assert.True(tablet.GetProperty("scrollWidth").GetInt32() <= 768, "the page should not be wider than the tablet");
        Assert.False(string.IsNullOrEmpty(page.GetProperty("tabletSelected").GetString()));

        AssertScreenshots("explore-1-area.png", "explore-2-tie-type.png", "explore-3-metrics.png", "explore-4-introduction-path.png", "explore-5-grid-and-places.png", "explore-6-what-if-closed.png", "explore-7-report.png", "explore-8-tablet.png");
    }

    [Fact]
    public async Task A_worker_adds_and_edits_by_form_with_errors_by_field_and_version_conflicts_explained()
    {
        var server = demo.Server;
        var worker = await server.TokenAsync("worker", "Cēsu novads");
        var (name, mine, theirs, partner) = ("Zosēnu senioru klubs", "Zosēnu senioru klubs „Rudens”", "Zosēnu pensionāru klubs", "Zosēnu kultūras nams");
        var arguments = JsonSerializer.Serialize(new { nearId = await IdAsync("resources", partner), partner, name, mine, theirs });
        var page = await BrowseAsync("browse-edit.mjs", worker, arguments);

        // The empty name was refused by the server and shown at the name field, which took the focus.
        Assert.Equal("'name' must not be empty.", page.GetProperty("nameError").GetString());
        Assert.Equal("true", page.GetProperty("nameInvalid").GetString());
        Assert.Equal("f-name", page.GetProperty("nameFocused").GetString());
        Assert.Equal("Lauks „Nosaukums” nedrīkst būt tukšs.", page.GetProperty("nameErrorLatvian").GetString());
        Assert.Equal("Nosaukums", page.GetProperty("nameLabelLatvian").GetString());
        Assert.Equal(page.GetProperty("markersBefore").GetInt32() + 1, page.GetProperty("markersAfter").GetInt32());

        // The conflict named both versions and both names; the worker's, saved over it on request, is stored.
        Assert.Equal(2, page.GetProperty("theirSave").GetInt32());
        Assert.Contains("(you read version 1, now it is 2). Different: Name.", page.GetProperty("conflict").GetString());
        Assert.Equal($"Someone changed this meanwhile: now “{theirs}”, yours “{mine}”.", page.GetProperty("conflictName").GetString());
        Assert.Equal("'until' (2026-01-01) must not be before 'since' (2026-05-01).", page.GetProperty("untilError").GetString());
        Assert.Equal("'strength' must be from 1 to 5, not 7.", page.GetProperty("strengthError").GetString());

        // What the server holds: one resource where the map was clicked, in the area found there, and one tie as last saved.
        var placedAt = page.GetProperty("placedAt");
        var (latitude, longitude) = (placedAt.GetProperty("latitude").GetDouble(), placedAt.GetProperty("longitude").GetDouble());
        var stored = await server.DataAsync("""
            query($id: ID!, $lat: Float!, $lon: Float!) {
              node(id: $id) { ... on Resource { name version latitude longitude targetGroups area { name }
                relationships { type strength since until version source { name } target { name } } } }
              areaAt(latitude: $lat, longitude: $lon) { name }
              resources(where: { name: { contains: "senioru klubs" } }) { totalCount }
            }
            """, new { id = page.GetProperty("createdId").GetString(), lat = latitude, lon = longitude }, worker);
        var resource = stored.GetProperty("node");
        Assert.Equal(mine, resource.GetProperty("name").GetString());
        Assert.Equal(3, resource.GetProperty("version").GetInt32());
        Assert.Equal((latitude, longitude), (resource.GetProperty("latitude").GetDouble(), resource.GetProperty("longitude").GetDouble()));
        Assert.Equal(["seniors"], resource.GetProperty("targetGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(stored.GetProperty("areaAt").GetProperty("name").GetString(), resource.GetProperty("area").GetProperty("name").GetString());
        Assert.Equal(page.GetProperty("placedArea").GetString(), resource.GetProperty("area").GetProperty("name").GetString());
        Assert.Equal(1, stored.GetProperty("resources").GetProperty("totalCount").GetInt32());
        var tie = Assert.Single(resource.GetProperty("relationships").EnumerateArray());
        Assert.Equal(("SHARED_ACTIVITY", 4, "2026-05-01", JsonValueKind.Null, 2), (tie.GetProperty("type").GetString(), tie.GetProperty("strength").GetInt32(),
            tie.GetProperty("since").GetString(), tie.GetProperty("until").ValueKind, tie.GetProperty("version").GetInt32()));
        Assert.Contains(partner, new[] { tie.GetProperty("source").GetProperty("name").GetString(), tie.GetProperty("target").GetProperty("name").GetString() });

        AssertScreenshots("edit-1-field-error.png", "edit-1-field-error-latvian.png", "edit-2-created.png", "edit-3-version-conflict.png", "edit-4-tie-field-error.png", "edit-5-tie-saved.png");
    }

    [Fact]
    public async Task In_the_first_hour_the_admin_adds_a_worker_who_signs_in_finds_a_resource_records_a_suggested_tie_and_opens_the_report()
    {
        var server = demo.Server;
        var page = await BrowseAsync("first-hour.mjs", NoTilesServer.AdminName, NoTilesServer.AdminPassword);

        // Signed in with passwords, the bar says who; signing out forgets the session's token.
        Assert.Equal("ADMIN", page.GetProperty("adminSignedIn").GetProperty("role").GetString());
        Assert.StartsWith($"{NoTilesServer.AdminName} (", page.GetProperty("adminSignedIn").GetProperty("shown").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("signedOutToken").ValueKind);
        Assert.Equal("WORKER", page.GetProperty("annaSignedIn").GetProperty("role").GetString());
        Assert.StartsWith("Anna (", page.GetProperty("annaSignedIn").GetProperty("shown").GetString());
        Assert.Contains("Daugavpils", page.GetProperty("annaSignedIn").GetProperty("shown").GetString());

        // The admin's page created one Anna, a worker of Daugavpils, after refusing the short password at its field.
        Assert.False(string.IsNullOrWhiteSpace(page.GetProperty("shortPasswordRefused").GetString()));
        var users = (await server.DataAsync("{ users { id name role municipalities active } }", token: await server.AdminTokenAsync()))
            .GetProperty("users").EnumerateArray().Where(u => u.GetProperty("name").GetString() == "Anna").ToList();
        var anna = Assert.Single(users);
        Assert.Equal(anna.GetProperty("id").GetString(), page.GetProperty("workerCreated").GetProperty("id").GetString());
        Assert.Equal(("WORKER", true), (anna.GetProperty("role").GetString(), anna.GetProperty("active").GetBoolean()));
        Assert.Equal(["Daugavpils"], anna.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anna", page.GetProperty("workerCreated").GetProperty("row").GetProperty("name").GetString());
        Assert.Contains("Daugavpils", page.GetProperty("workerCreated").GetProperty("row").GetProperty("municipalities").GetString());

        // Typing part of a name, without its diacritics, offers the resources whose names hold it; the one chosen is selected.
        var options = page.GetProperty("findOptions").EnumerateArray().Select(o => o.GetString()!).ToList();
        var draudziba = "Senioru biedrība \"Draudzība-K\"";
        Assert.Contains(draudziba, options);
        Assert.All(options, o => Assert.Contains("draudz", Plain(o)));
        Assert.Equal(await IdAsync("resources", draudziba), page.GetProperty("chosen").GetString());
        Assert.True(page.GetProperty("legendKinds").GetInt32() > 0, "the legend lists no kind of resource");
        Assert.True(page.GetProperty("areaLabels").GetInt32() > 0, "no area is named on the map");

        // An actor outside Daugavpils' network: its suggested ties drawn, the first recorded through the tie form and stored.
        Assert.False(string.IsNullOrEmpty(page.GetProperty("isolatedChosen").GetString()));
        Assert.Equal(page.GetProperty("suggestions").GetArrayLength(), page.GetProperty("suggestedTies").GetInt32());
        var recorded = page.GetProperty("recordedTie");
        Assert.True(recorded.GetProperty("inApi").GetBoolean(), "the tie recorded in the form is not in the API");
        Assert.False(string.IsNullOrWhiteSpace(recorded.GetProperty("confirmation").GetString()));
        Assert.Equal(page.GetProperty("suggestions").EnumerateArray().First().GetString(), page.GetProperty("tieForm").GetProperty("partner").GetString());

        // The report opened without days shows the last twelve months up to today.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(today.ToString("yyyy-MM-dd"), page.GetProperty("reportTo").GetString());
        Assert.Equal(today.AddMonths(-12).ToString("yyyy-MM-dd"), page.GetProperty("reportFrom").GetString());
        Assert.Equal("ready", page.GetProperty("reportState").GetString());

        AssertScreenshots(page.GetProperty("shots").EnumerateArray().Select(s => s.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_worker_previews_a_list_with_problems_shown_by_sheet_row_and_column_then_imports_a_good_one_onto_the_map()
    {
        var server = demo.Server;
        var folder = Directory.CreateTempSubdirectory("resourcemap-web-import-").FullName;
        string[] names = ["Pārlūka biedrība 1", "Pārlūka biedrība 2", "Pārlūka biedrība 3"];
        var worker = await server.TokenAsync("worker", "Daugavpils");
        try
        {
            // As a worker saves a list from a spreadsheet in Latvian: ';' between cells, a decimal comma, no area (the place says it).
            var (bad, good) = (Path.Combine(folder, "saraksts-ar-kludam.csv"), Path.Combine(folder, "saraksts.csv"));
            await File.WriteAllTextAsync(good, "nosaukums;veids;platums;garums;mērķa grupas\n"
                + string.Concat(names.Select((name, i) => $"{name};biedrība;55,877{1 + 2 * i};26,585;seniors\n")), System.Text.Encoding.UTF8);
            await File.WriteAllTextAsync(bad, "nosaukums;veids;platums;garums;mērķa grupas\n"
                + "Pārlūka kosmosa biedrība;kosmoss;55,8772;26,585;seniors\n"
                + ";biedrība;55,8774;26,585;seniors\n", System.Text.Encoding.UTF8);
            var page = await BrowseAsync("browse-import.mjs", worker, bad, good);

            // Offered to a worker only, in the page's language (Latvian), with the template in Latvian and the map as a workbook.
            Assert.True(page.GetProperty("hiddenSignedOut").GetBoolean(), "the import should not be offered to an anonymous visitor");
            // The network for Gephi is for anyone: an anonymous visitor's file holds the 42 actors they may read (of 43).
            var gexf = page.GetProperty("gexf");
            Assert.Equal(("network.gexf", true, true, 42), (gexf.GetProperty("name").GetString(), gexf.GetProperty("version13").GetBoolean(),
                gexf.GetProperty("dynamic").GetBoolean(), gexf.GetProperty("nodes").GetInt32()));
            Assert.Equal("Importēt sarakstu", page.GetProperty("button").GetString());
            Assert.Equal("/import/template.xlsx?language=lv", page.GetProperty("template").GetString());
            var export = page.GetProperty("export");
            Assert.Equal(("resursi.xlsx", true), (export.GetProperty("name").GetString(), export.GetProperty("zip").GetBoolean()));
            Assert.True(export.GetProperty("bytes").GetInt32() > 5_000, "the exported workbook is too small to hold the map");

            // The bad file: an unknown kind on row 2 and no name on row 3 (the header is row 1), a CSV file's sheet being "Resources".
            var problems = page.GetProperty("problems").EnumerateArray().ToList();
            Assert.Equal([("Resources", 2, "veids"), ("Resources", 3, "nosaukums")],
                problems.Select(p => (p.GetProperty("sheet").GetString(), p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())));
            // The problems in the page's language, as the API writes them for it (Accept-Language: lv).
            Assert.StartsWith("Lapa Resources, 2. rinda, kolonna veids: 'kosmoss' nav resursa veids.", problems[0].GetProperty("text").GetString());
            Assert.Equal("Lapa Resources, 3. rinda, kolonna nosaukums: 'name' ir obligāts lauks.", problems[1].GetProperty("text").GetString());
            Assert.Equal("Atrastas 2 kļūdas. Izlabojiet failu un priekšskatiet vēlreiz; līdz tam nekas netiks importēts.", page.GetProperty("problemsSummary").GetString());
            Assert.True(page.GetProperty("runDisabledWithProblems").GetBoolean(), "a list with problems should not be offered for import");

            // The good file previewed: three new rows, nothing written yet.
            var expectedRows = names.Select((name, i) => ("Resources", i + 2, "CREATED", name, "jauns ieraksts")).ToList();
            (string, int, string, string, string) Row(JsonElement r) => (r.GetProperty("sheet").GetString()!, r.GetProperty("row").GetInt32(),
                r.GetProperty("action").GetString()!, r.GetProperty("name").GetString()!, r.GetProperty("actionText").GetString()!);
            Assert.Equal(expectedRows, page.GetProperty("previewRows").EnumerateArray().Select(Row));
            Assert.Equal(0, page.GetProperty("previewProblems").GetInt32());
            Assert.Equal("Tiks izveidoti 3 resursi, atjaunināti 0, nemainīti 0.", page.GetProperty("previewSummary").GetString());
            Assert.True(page.GetProperty("runEnabledAfterPreview").GetBoolean(), "a previewed list without problems should be offered for import");
            Assert.Equal(page.GetProperty("resourcesBefore").GetInt32(), page.GetProperty("resourcesAfterPreview").GetInt32());
            Assert.Empty(page.GetProperty("audit").EnumerateArray());

            // Imported: said as done, the undo offered, the map read again with the three.
            Assert.Equal("Importēts: izveidoti 3 resursi, atjaunināti 0, nemainīti 0.", page.GetProperty("importedSummary").GetString());
            Assert.Equal(expectedRows, page.GetProperty("importedRows").EnumerateArray().Select(Row));
            Assert.True(page.GetProperty("undoShown").GetBoolean(), "the import's undo should be offered");
            Assert.True(page.GetProperty("runDisabledAfterImport").GetBoolean(), "an imported list should not be offered for import again");
            Assert.Equal(page.GetProperty("resourcesBefore").GetInt32() + 3, page.GetProperty("resourcesAfter").GetInt32());

            // Independently: the three are stored, associations in Križi (found by their place).
            var stored = (await server.DataAsync("{ resources(text: \"Pārlūka biedrība\") { nodes { name kind targetGroups area { name } } } }", token: worker))
                .GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
            Assert.Equal(names, stored.Select(r => r.GetProperty("name").GetString()).Order());
            Assert.All(stored, r => Assert.Equal(("ASSOCIATION", "Križi", "seniors"),
                (r.GetProperty("kind").GetString(), r.GetProperty("area").GetProperty("name").GetString(), string.Join(",", r.GetProperty("targetGroups").EnumerateArray().Select(g => g.GetString())))));

            AssertScreenshots("import-1-problems.png", "import-2-preview.png", "import-3-imported.png");
        }
        finally
        {
            // The other tests share the server: the import is taken back (one batch), as the dialog's undo would.
            var left = (await server.DataAsync("{ resources(text: \"Pārlūka biedrība\") { nodes { id } } }", token: worker)).GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
            if (left.Count > 0)
            {
                var batch = (await server.DataAsync("query($id: ID!) { history(id: $id) { batch } }", new { id = left[0].GetProperty("id").GetString() }, worker)).GetProperty("history")[0].GetProperty("batch").GetString();
                await server.DataAsync("mutation($batch: ID!) { undoImport(input: { batch: $batch }) { id } }", new { batch }, worker);
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A count of people as the page writes it in English: rounded half up (Math.round) and grouped by thousands ("140,000").</summary>
    private static string English(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Lower case without diacritics, as the find box compares.</summary>
    private static string Plain(string text) =>
        new string(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant();

    [Fact]
    public async Task A_Cesu_worker_records_an_activity_an_introduction_and_the_tie_that_followed_and_prints_the_impact_report()
    {
        var server = demo.Server;
        var worker = await server.TokenAsync("worker", "Cēsu novads");
        var area = await IdAsync("areas", "Cēsu novads");
        var (venue, school) = (await IdAsync("resources", "Cēsu Centrālā bibliotēka"), await IdAsync("resources", "Cēsu sporta skola"));
        const string partner = "Cēsu Bērnu un jauniešu centrs", pensioners = "Cēsu novada pensionāru biedrība", activity = "Digitālo prasmju pēcpusdiena";
        const string from = "2022-09-01", to = "2023-05-31"; // the pilot period
        var page = await BrowseAsync("browse-impact.mjs", worker, JsonSerializer.Serialize(new { venueId = venue, schoolId = school, partner, pensioners, activity, areaId = area, from, to }));

        // What the server holds after the page's work, read independently as the worker.
        var stored = await server.DataAsync("""
            query($area: ID!, $school: ID!, $from: DateOnly!, $to: DateOnly!) {
              activities(areaId: $area, from: $from, to: $to, first: 500) { nodes { name startsOn kind venue { name } participants { role resource { name } } attendance { targetGroup count } attendanceTotal } }
              introductions(resourceId: $school) { nodes { on outcome activity { name } second { name } relationship { since type } } }
              network(scope: { areaId: $area }) { comparison(from: $from, to: $to) {
                from { ties mainNetworkSize } to { ties mainNetworkSize } tiesBuilt { source { name } target { name } } actorsBroughtIn { name }
                introductions { made tieFormed declined pending tiesFollowing { id } } } }
            }
            """, new { area, school, from, to }, worker);
        var recorded = stored.GetProperty("activities").GetProperty("nodes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == activity);
        Assert.Equal(("2022-10-12", "WORKSHOP", "Cēsu Centrālā bibliotēka", 23), (recorded.GetProperty("startsOn").GetString(), recorded.GetProperty("kind").GetString(),
            recorded.GetProperty("venue").GetProperty("name").GetString(), recorded.GetProperty("attendanceTotal").GetInt32()));
        Assert.Equal([("Cēsu Centrālā bibliotēka", "ORGANISER"), (pensioners, "PARTICIPANT"), ("Cēsu sporta skola", "PARTICIPANT")],
            recorded.GetProperty("participants").EnumerateArray().Select(p => (p.GetProperty("resource").GetProperty("name").GetString(), p.GetProperty("role").GetString())).OrderBy(p => p.Item2).ThenBy(p => p.Item1, StringComparer.Ordinal));
        Assert.Equal([("total", 23), ("seniors", 15), ("youth", 3)], recorded.GetProperty("attendance").EnumerateArray().Select(a => (a.GetProperty("targetGroup").GetString(), a.GetProperty("count").GetInt32())));
        var introduction = Assert.Single(stored.GetProperty("introductions").GetProperty("nodes").EnumerateArray());
        Assert.Equal(("2022-10-12", "TIE_FORMED", activity, partner, "2022-11-20"), (introduction.GetProperty("on").GetString(), introduction.GetProperty("outcome").GetString(),
            introduction.GetProperty("activity").GetProperty("name").GetString(), introduction.GetProperty("second").GetProperty("name").GetString(),
            introduction.GetProperty("relationship").GetProperty("since").GetString()));

        // The report says what the API says: activities, people, introductions, ties built, actors brought in.
        var comparison = stored.GetProperty("network").GetProperty("comparison");
        var counts = comparison.GetProperty("introductions");
        Assert.Equal((1, 1, 0, 0, 1), (counts.GetProperty("made").GetInt32(), counts.GetProperty("tieFormed").GetInt32(), counts.GetProperty("declined").GetInt32(),
            counts.GetProperty("pending").GetInt32(), counts.GetProperty("tiesFollowing").GetArrayLength()));
        var latvian = page.GetProperty("latvian");
        // Latvian agrees in number: one introduction, zero declined ones (the plural), one tie.
        Assert.Equal("1 iepazīstināšana: 1 kļuva par saiti, 0 atteiktas, 0 bez atbildes. 1 saite izveidojās 90 dienu laikā pēc iepazīstināšanas.", latvian.GetProperty("introductionCounts").GetString());
        Assert.Equal("1 introduction: 1 became a tie, 0 declined, 0 without an answer. 1 tie was built within 90 days of an introduction.", page.GetProperty("english").GetProperty("introductionCounts").GetString());
        Assert.Equal("1 aktivitāte laika posmā.", latvian.GetProperty("activitiesCount").GetString());
        Assert.Equal(stored.GetProperty("activities").GetProperty("nodes").EnumerateArray().Select(a => a.GetProperty("name").GetString()),
            latvian.GetProperty("activities").EnumerateArray().Select(r => r[1].GetString()));
        var row = latvian.GetProperty("activities").EnumerateArray().Single(r => r[1].GetString() == activity);
        Assert.Equal(["12.10.2022.", activity, "darbnīca", "Cēsu Centrālā bibliotēka", "3", "23"], row.EnumerateArray().Select(c => c.GetString()));
        // Seniors: 15 of Cēsu novads' 9 500 (the demo's count) is 0,16 %, written with a decimal comma; the worker sees the 3 young people.
        var reach = latvian.GetProperty("reach").EnumerateArray().ToDictionary(r => r[0].GetString()!, r => r.EnumerateArray().Skip(1).Select(c => c.GetString()).ToList());
        Assert.Equal(["15", "9500", "0,2 %"], reach["seniori"]);
        Assert.Equal("3", reach["jaunieši"][0]);
        Assert.Equal(comparison.GetProperty("tiesBuilt").EnumerateArray().Select(t => $"{t.GetProperty("source").GetProperty("name").GetString()} — {t.GetProperty("target").GetProperty("name").GetString()}").Order(StringComparer.Ordinal),
            page.GetProperty("english").GetProperty("tiesBuilt").EnumerateArray().Select(t => t.GetString()![..t.GetString()!.LastIndexOf(" (", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        Assert.Contains("Cēsu sporta skola", latvian.GetProperty("broughtIn").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(comparison.GetProperty("actorsBroughtIn").GetArrayLength(), latvian.GetProperty("broughtIn").GetArrayLength());
        var mainFrom = comparison.GetProperty("from").GetProperty("mainNetworkSize").GetInt32();
        var mainTo = comparison.GetProperty("to").GetProperty("mainNetworkSize").GetInt32();
        Assert.Contains(latvian.GetProperty("figures").EnumerateArray(), r => r[0].GetString() == "Dalībnieki galvenajā tīklā" && r[1].GetString() == $"{mainFrom}" && r[2].GetString() == $"{mainTo}");

        // Three charts of twelve days each (two lines of actors), and the network on the map on both days: the sports
        // school, outside the main network on the first day, is in it on the last.
        var charts = latvian.GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(["Dalībnieki", "Blīvums", "Daļa ārpus galvenā tīkla"], charts.Select(c => c.GetProperty("label").GetString()));
        Assert.Equal([2, 1, 1], charts.Select(c => c.GetProperty("lines").GetInt32()));
        Assert.Equal([24, 12, 12], charts.Select(c => c.GetProperty("points").GetInt32()));
        var maps = latvian.GetProperty("maps").EnumerateArray().ToList();
        Assert.Equal(["01.09.2022.", "31.05.2023."], maps.Select(m => m.GetProperty("label").GetString()));
        Assert.True(maps[0].GetProperty("outside").GetInt32() > maps[1].GetProperty("outside").GetInt32());
        // Ties with an end that has no place (a chat group) are not drawn.
        Assert.InRange(maps[0].GetProperty("ties").GetInt32(), 1, comparison.GetProperty("from").GetProperty("ties").GetInt32());
        Assert.False(page.GetProperty("navPrinted").GetBoolean(), "the report's buttons should not be printed");

        // The PDFs, as text and as pictures: the Latvian one keeps its diacritics, both carry the charts in colour.
        await DebianPackage.Poppler.EnsureInstalledAsync();
        foreach (var (language, words) in new[]
        {
            ("lv", new[] { "Tīkls laika gaitā", "Iepazīstināšanas", activity, "1 iepazīstināšana: 1 kļuva par saiti", "Daļa ārpus galvenā tīkla", "Sasniegtie cilvēki pa mērķa grupām" }),
            ("en", new[] { "The network over time", "Introductions", activity, "1 introduction: 1 became a tie", "Share outside the main network", "People reached by target group" }),
        })
        {
            var pdf = Path.Combine(Shots, $"impact-report-{language}.pdf");
            var (exit, text, error) = await Processes.RunAsync("pdftotext", [pdf, "-"], Shots);
            Assert.True(exit == 0, error);
            // In reading order, with the lines a cell or paragraph wraps into joined again.
            var joined = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
            foreach (var word in words) Assert.Contains(word, joined);
            // The first page drawn at 60 dpi: the chart lines' colours are there (blue, green and red strokes, not grey text).
            (exit, _, error) = await Processes.RunAsync("pdftoppm", ["-r", "60", "-f", "1", "-l", "1", pdf, Path.Combine(Shots, $"impact-report-{language}")], Shots);
            Assert.True(exit == 0, error);
            (exit, _, error) = await Processes.RunAsync("pdftoppm", ["-r", "60", "-f", "1", "-l", "1", "-png", pdf, Path.Combine(Shots, $"impact-report-{language}")], Shots);
            Assert.True(exit == 0, error);
            var pixels = Ppm.Read(Directory.GetFiles(Shots, $"impact-report-{language}-*1.ppm").Single());
            foreach (var (name, colour) in new[] { ("blue", (0x1d, 0x4e, 0xd8)), ("green", (0x04, 0x78, 0x57)), ("red", (0xb9, 0x1c, 0x1c)) })
                Assert.True(pixels.Count(p => Near(p, colour)) >= 40, $"the {language} report's first page shows no {name} chart line");
        }
        AssertScreenshots("impact-1-activity-form.png", "impact-2-activity-saved.png", "impact-3-introduction-outcome.png", "impact-4-report-latvian.png");
    }

    private static bool Near((byte R, byte G, byte B) pixel, (int R, int G, int B) colour) =>
        Math.Abs(pixel.R - colour.R) + Math.Abs(pixel.G - colour.G) + Math.Abs(pixel.B - colour.B) < 60;

    /// <summary>The pixels of a binary PPM (P6, 8 bits), as pdftoppm writes it.</summary>
    private static class Ppm
    {
        public static List<(byte R, byte G, byte B)> Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var (position, fields) = (0, new List<string>());
            while (fields.Count < 4)
            {
                while (char.IsWhiteSpace((char)bytes[position])) position++;
                var start = position;
                while (!char.IsWhiteSpace((char)bytes[position])) position++;
                fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, position - start));
            }
            Assert.Equal(("P6", "255"), (fields[0], fields[3]));
            position++; // the one whitespace after the maximum value
            var (width, height) = (int.Parse(fields[1]), int.Parse(fields[2]));
            return Enumerable.Range(0, width * height).Select(i => (bytes[position + 3 * i], bytes[position + 3 * i + 1], bytes[position + 3 * i + 2])).ToList();
        }
    }

    internal static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "artifacts", "web");

    /// <summary>Runs a browser script against the server and returns what it printed (its last line, JSON); no page error allowed.</summary>
    [Fact]
    public async Task A_closed_resource_stays_on_the_map_without_its_ties()
    {
        // A resource with a place and a tie today to another with a place, closed for this test and opened again after.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var admin = await demo.Server.AdminTokenAsync();
        var tiesBefore = await PlacedTiesAsync(today);
        var resources = (await demo.Server.DataAsync("query($d: DateOnly) { resources(first: 500) { nodes { id latitude relationships(activeOn: $d) { source { latitude } target { latitude } } } } }", new { d = today }))
            .GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
        bool Placed(JsonElement resource) => resource.GetProperty("latitude").ValueKind == JsonValueKind.Number;
        var closed = resources.First(r => Placed(r) && r.GetProperty("relationships").EnumerateArray().Any(t => Placed(t.GetProperty("source")) && Placed(t.GetProperty("target"))))
            .GetProperty("id").GetString();
        const string setStatus = "mutation($id: ID!, $s: ResourceStatus!) { updateResource(input: { id: $id, status: $s }) { resource { status } } }";
        await demo.Server.DataAsync(setStatus, new { id = closed, s = "CLOSED" }, admin);
        try
        {
            var page = await BrowseAsync("map-counts.mjs");
            Assert.Equal(resources.Count(Placed), page.GetProperty("markers").GetInt32());
            var ties = await PlacedTiesAsync(today);
            Assert.True(ties < tiesBefore, "the closed resource's ties should be out of the network");
            Assert.Equal(ties, page.GetProperty("ties").GetInt32());
        }
        finally
        {
            await demo.Server.DataAsync(setStatus, new { id = closed, s = "ACTIVE" }, admin);
        }
    }

    private Task<JsonElement> BrowseAsync(string script, params string[] arguments) => BrowseAsync(demo.Server, script, arguments);

    /// <summary>Runs a browser script of tests/conformance against a server; its JSON line, after checking the page raised no error.</summary>
    internal static async Task<JsonElement> BrowseAsync(ServerProcess server, string script, params string[] arguments)
    {
        await DebianPackage.Chromium.EnsureInstalledAsync();
        var (exit, output, error) = await NodeClients.RunAsync(script, [server.BaseAddress.ToString(), Shots, .. arguments]);
        Assert.True(exit == 0, $"{script} failed ({exit}):\n{output}\n{error}");
        var page = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        Assert.Empty(page.GetProperty("errors").EnumerateArray());
        return page;
    }

    /// <summary>Each step's screenshot was saved (an empty or missing file means the step showed nothing).</summary>
    internal static void AssertScreenshots(params string[] names)
    {
        foreach (var shot in names)
            Assert.True(new FileInfo(Path.Combine(Shots, shot)).Length > 10_000, $"{shot} is missing or empty");
    }

    /// <summary>The id of the area or resource with this name, as an anonymous visitor reads it.</summary>
    private async Task<string> IdAsync(string list, string name)
    {
        var data = await demo.Server.DataAsync($"{{ {list}(first: 500) {{ nodes {{ id name }} }} }}");
        return data.GetProperty(list).GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    /// <summary>A resource serving seniors whose closure would leave some of them without one within 1 km, and that impact.</summary>
    private async Task<(string Id, JsonElement Impact)> ClosureCostingAccessAsync()
    {
        var serving = await demo.Server.DataAsync("{ resources(first: 500, targetGroups: [\"seniors\"]) { nodes { id } } }");
        foreach (var resource in serving.GetProperty("resources").GetProperty("nodes").EnumerateArray())
        {
            var id = resource.GetProperty("id").GetString()!;
            var impact = await demo.Server.PostAsync("query($id: ID!) { closureImpact(resourceId: $id, targetGroup: \"seniors\", maxDistanceMeters: 1000) { populationLosingAccess newlyUnderServedAreas { name } } }", new { id });
            if (impact.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.GetProperty("closureImpact").GetProperty("populationLosingAccess").GetInt32() > 0)
                return (id, data.GetProperty("closureImpact"));
        }
        throw new Xunit.Sdk.XunitException("the demo should have a resource whose closure costs seniors their access");
    }

    /// <summary>
    /// Ties of the network on a day whose two ends both have a place on the map, as an anonymous visitor reads them, by
    /// the rules the README gives: a tie is there from its first day (the day it was recorded, when it has none) to its
    /// last, between resources that are not closed.
    /// </summary>
    private async Task<int> PlacedTiesAsync(string day, string? type = null)
    {
        var data = await demo.Server.DataAsync("query($t: [RelationshipType!]) { resources(first: 500) { nodes { relationships(types: $t) { id since until createdAt source { latitude status } target { latitude status } } } } }",
            new { t = type is null ? null : new[] { type } });
        var on = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        bool Placed(JsonElement end) => end.GetProperty("latitude").ValueKind == JsonValueKind.Number && end.GetProperty("status").GetString() != "CLOSED";
        DateOnly? Day(JsonElement tie, string name) => tie.GetProperty(name).GetString() is { } text ? DateOnly.Parse(text, CultureInfo.InvariantCulture) : null;
        return data.GetProperty("resources").GetProperty("nodes").EnumerateArray()
            .SelectMany(r => r.GetProperty("relationships").EnumerateArray())
            .Where(t => Placed(t.GetProperty("source")) && Placed(t.GetProperty("target")))
            .Where(t => (Day(t, "since") ?? DateOnly.FromDateTime(t.GetProperty("createdAt").GetDateTimeOffset().UtcDateTime)) <= on && !(Day(t, "until") < on))
            .Select(t => t.GetProperty("id").GetString()).Distinct().Count();
    }
}
