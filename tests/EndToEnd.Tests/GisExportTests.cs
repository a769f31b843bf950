using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// The map's GIS layers as a planner's QGIS meets them: Debian's GDAL (gdal-bin 3.6) opens the GeoJSON the real server
/// writes (ogrinfo: geometry type, feature count, SRS) and writes back what it read (ogr2ogr), compared with the API.
/// </summary>
public sealed class GisExportTests(DemoServer demo) : IClassFixture<DemoServer>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-gis-").FullName;
    private ServerProcess Server => demo.Server;

    public Task InitializeAsync() => DebianPackage.Gdal.EnsureInstalledAsync();

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private sealed record Layer(string Summary, Dictionary<string, JsonElement> Features, string Text);

    /// <summary>Downloads a layer; GDAL's summary of it, and its features as GDAL read them, by id.</summary>
    private async Task<Layer> ReadAsync(string url, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.geojson");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        var (exit, summary, error) = await Processes.RunAsync("ogrinfo", ["-ro", "-so", "-al", path], _folder);
        Assert.True(exit == 0, $"ogrinfo could not open {url}:\n{error}");
        var again = Path.Combine(_folder, $"{Guid.NewGuid():N}.geojson");
        (exit, _, error) = await Processes.RunAsync("ogr2ogr", ["-f", "GeoJSON", again, path], _folder);
        Assert.True(exit == 0, $"ogr2ogr could not read {url}:\n{error}");
        var features = JsonDocument.Parse(await File.ReadAllTextAsync(again)).RootElement.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("properties").GetProperty("id").GetString()!, f => f.Clone());
        return new Layer(summary, features, await File.ReadAllTextAsync(path));
    }

    private static void AssertLayer(Layer layer, string geometry, int count)
    {
        Assert.Contains($"Geometry: {geometry}\n", layer.Summary);
        Assert.Contains($"Feature Count: {count}\n", layer.Summary);
        Assert.Contains("ID[\"EPSG\",4326]", layer.Summary);
        Assert.Equal(count, layer.Features.Count);
    }

    private const string Resources = "{ resources(first: 500) { nodes { id name kind sensitive latitude longitude address } } }";

    [Fact]
    public async Task Resources_are_points_and_ties_lines_between_them_as_gdal_reads_them()
    {
        var resources = (await Server.DataAsync(Resources)).GetProperty("resources").GetProperty("nodes").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        var points = await ReadAsync("/export/resources.geojson");
        AssertLayer(points, "Point", resources.Count);
        foreach (var (id, feature) in points.Features)
        {
            var resource = resources[id];
            Assert.Equal(resource.GetProperty("name").GetString(), feature.GetProperty("properties").GetProperty("name").GetString());
            var geometry = feature.GetProperty("geometry");
            var isPerson = resource.GetProperty("kind").GetString() is "VOLUNTEER" or "COMMUNITY_LEADER";
            if (resource.GetProperty("latitude").ValueKind != JsonValueKind.Number || isPerson)
            {
                Assert.Equal(JsonValueKind.Null, geometry.ValueKind); // no place, or a person's, kept from anonymous callers
                continue;
            }
            // RFC 7946: longitude first.
            Assert.Equal(resource.GetProperty("longitude").GetDouble(), geometry.GetProperty("coordinates")[0].GetDouble());
            Assert.Equal(resource.GetProperty("latitude").GetDouble(), geometry.GetProperty("coordinates")[1].GetDouble());
        }
        Assert.Contains("Senioru biedrība \"Draudzība-K\"", points.Features.Values.Select(f => f.GetProperty("properties").GetProperty("name").GetString()));

        var ties = (await Server.DataAsync("{ relationships(first: 500) { nodes { id source { id } target { id } } } }")).GetProperty("relationships").GetProperty("nodes").EnumerateArray().ToList();
        var lines = await ReadAsync("/export/ties.geojson");
        AssertLayer(lines, "Line String", ties.Count);
        var drawn = 0;
        foreach (var tie in ties)
        {
            var line = lines.Features[tie.GetProperty("id").GetString()!].GetProperty("geometry");
            if (line.ValueKind == JsonValueKind.Null) continue;
            drawn++;
            var ends = new[] { tie.GetProperty("source").GetProperty("id").GetString()!, tie.GetProperty("target").GetProperty("id").GetString()! };
            for (var i = 0; i < 2; i++)
                Assert.Equal(points.Features[ends[i]].GetProperty("geometry").GetProperty("coordinates").ToString(), line.GetProperty("coordinates")[i].ToString());
        }
        Assert.True(drawn > ties.Count / 2, $"only {drawn} of {ties.Count} ties drawn");
    }

    [Fact]
    public async Task An_anonymous_layer_holds_no_sensitive_resource_and_no_person_s_place_or_contact()
    {
        var admin = await Server.AdminTokenAsync();
        var everything = (await Server.DataAsync(Resources, token: admin)).GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
        var open = await ReadAsync("/export/resources.geojson");
        var full = await ReadAsync("/export/resources.geojson", admin);
        Assert.Equal(everything.Count, full.Features.Count);
        foreach (var r in everything.Where(r => r.GetProperty("sensitive").GetBoolean()))
        {
            Assert.DoesNotContain(r.GetProperty("name").GetString()!, open.Text);
            Assert.True(full.Features.ContainsKey(r.GetProperty("id").GetString()!));
        }
        var persons = everything.Where(r => r.GetProperty("kind").GetString() is "VOLUNTEER" or "COMMUNITY_LEADER" && r.GetProperty("latitude").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(persons);
        foreach (var p in persons)
        {
            var id = p.GetProperty("id").GetString()!;
            Assert.Equal(JsonValueKind.Null, open.Features[id].GetProperty("geometry").ValueKind);
            Assert.Equal(p.GetProperty("latitude").GetDouble(), full.Features[id].GetProperty("geometry").GetProperty("coordinates")[1].GetDouble());
            if (p.GetProperty("address").GetString() is { } address) Assert.DoesNotContain(address, open.Text);
        }

        // The GeoPackage's resources layer, as GDAL reads it: the same rule.
        var path = Path.Combine(_folder, "anonymous.gpkg");
        await File.WriteAllBytesAsync(path, await Server.Client.GetByteArrayAsync("/export/map.gpkg"));
        var json = Path.Combine(_folder, "anonymous-resources.geojson");
        var (exit, _, error) = await Processes.RunAsync("ogr2ogr", ["-f", "GeoJSON", json, path, "resources"], _folder);
        Assert.True(exit == 0, error);
        var layer = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("properties").GetProperty("id").GetString()!, f => f.Clone());
        Assert.Equal(open.Features.Keys.Order(), layer.Keys.Order());
        Assert.All(persons, p => Assert.Equal(JsonValueKind.Null, layer[p.GetProperty("id").GetString()!].GetProperty("geometry").ValueKind));
    }

    [Fact]
    public async Task Areas_carry_their_boundaries_population_and_the_coverage_the_api_computes()
    {
        const string Coverage = "{ coverage(targetGroup: \"seniors\", maxDistanceMeters: 2000) { areas { area { id } accessibilityIndex underServed reachableResourceCount } } }";
        var areas = (await Server.DataAsync("{ areas(first: 500) { nodes { id name } } }")).GetProperty("areas").GetProperty("nodes").EnumerateArray().ToList();
        var layer = await ReadAsync("/export/areas.geojson?targetGroup=seniors&maxDistanceMeters=2000");
        Assert.Contains("Feature Count: " + areas.Count + "\n", layer.Summary);
        Assert.Equal(areas.Select(a => a.GetProperty("id").GetString()).Order(), layer.Features.Keys.Order());
        var figures = (await Server.DataAsync(Coverage)).GetProperty("coverage").GetProperty("areas").EnumerateArray().ToList();
        Assert.Contains(figures, f => f.GetProperty("underServed").GetBoolean());
        foreach (var figure in figures)
        {
            var properties = layer.Features[figure.GetProperty("area").GetProperty("id").GetString()!].GetProperty("properties");
            Assert.Equal(figure.GetProperty("underServed").GetBoolean(), properties.GetProperty("underServed").GetBoolean());
            Assert.Equal(figure.GetProperty("reachableResourceCount").GetInt32(), properties.GetProperty("reachableResources").GetInt32());
            Assert.Equal(figure.GetProperty("accessibilityIndex").GetDouble(), properties.GetProperty("accessibilityIndex").GetDouble(), 9);
            Assert.True(properties.GetProperty("population_seniors").GetInt32() >= 0);
        }

        foreach (var (query, says) in new[] { ("targetGroup=seniors", "both"), ("targetGroup=seniors&maxDistanceMeters=tuvu", "'tuvu'") })
        {
            using var response = await Server.Client.GetAsync($"/export/areas.geojson?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
            Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Contains(says, error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task A_planner_opens_the_map_the_under_served_areas_and_the_grid_as_a_geopackage_in_gdal()
    {
        var daugavpils = (await Server.DataAsync("{ areas(text: \"Daugavpils\") { nodes { id name } } }")).GetProperty("areas").GetProperty("nodes").EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == "Daugavpils").GetProperty("id").GetString();
        using var response = await Server.Client.GetAsync($"/export/map.gpkg?areaId={Uri.EscapeDataString(daugavpils!)}&targetGroup=seniors&maxDistanceMeters=1000&cellSizeMeters=250");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geopackage+sqlite3", response.Content.Headers.ContentType!.MediaType);
        var path = Path.Combine(_folder, "karte.gpkg");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());

        var (exit, layers, error) = await Processes.RunAsync("ogrinfo", ["-ro", path], _folder);
        Assert.True(exit == 0, error);
        Assert.Contains("using driver `GPKG' successful", layers);
        foreach (var layer in new[] { "1: resources (Point)", "2: ties (Line String)", "3: areas (Multi Polygon)", "4: underserved_areas (Multi Polygon)", "5: coverage_grid (Polygon)" })
            Assert.Contains(layer, layers);
        Assert.DoesNotContain("Warning", error);

        async Task<(string Summary, List<JsonElement> Features)> LayerAsync(string name)
        {
            var (code, summary, why) = await Processes.RunAsync("ogrinfo", ["-ro", "-so", path, name], _folder);
            Assert.True(code == 0, why);
            Assert.Contains("ID[\"EPSG\",4326]", summary);
            var json = Path.Combine(_folder, $"{name}.geojson");
            (code, _, why) = await Processes.RunAsync("ogr2ogr", ["-f", "GeoJSON", json, path, name], _folder);
            Assert.True(code == 0, why);
            return (summary, JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement.GetProperty("features").EnumerateArray().Select(f => f.Clone()).ToList());
        }

        // README's example: Daugavpils' neighbourhoods without a resource for seniors within 1 km are Mežciems and Cietoksnis.
        var (_, underServed) = await LayerAsync("underserved_areas");
        Assert.Equal(["Cietoksnis", "Mežciems"], underServed.Select(f => f.GetProperty("properties").GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(underServed, f => Assert.Equal(JsonValueKind.True, f.GetProperty("properties").GetProperty("underServed").ValueKind));
        Assert.All(underServed, f => Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString()));

        // The grid: the cells coverageGrid lays over the city at 250 m, with the same figures.
        var grid = (await Server.DataAsync("query($a: ID!) { coverageGrid(targetGroup: \"seniors\", maxDistanceMeters: 1000, areaId: $a, cellSizeMeters: 250) { features { properties { population reachableResources } } } }", new { a = daugavpils }))
            .GetProperty("coverageGrid").GetProperty("features").EnumerateArray().ToList();
        var (gridSummary, cells) = await LayerAsync("coverage_grid");
        Assert.Contains($"Feature Count: {grid.Count}\n", gridSummary);
        Assert.Equal(grid.Sum(c => c.GetProperty("properties").GetProperty("reachableResources").GetInt32()),
            cells.Sum(c => c.GetProperty("properties").GetProperty("reachableResources").GetInt32()));
        Assert.Equal(grid.Sum(c => c.GetProperty("properties").GetProperty("population").GetDouble()),
            cells.Sum(c => c.GetProperty("properties").GetProperty("population").GetDouble()), 6);

        // The resources and ties are the GeoJSON layers' (the same rows and rights).
        var points = await ReadAsync($"/export/resources.geojson?areaId={Uri.EscapeDataString(daugavpils!)}");
        var (_, resources) = await LayerAsync("resources");
        Assert.Equal(points.Features.Keys.Order(), resources.Select(f => f.GetProperty("properties").GetProperty("id").GetString()).Order());
        foreach (var feature in resources.Where(f => f.GetProperty("geometry").ValueKind != JsonValueKind.Null))
            Assert.Equal(points.Features[feature.GetProperty("properties").GetProperty("id").GetString()!].GetProperty("geometry").GetProperty("coordinates").ToString(),
                feature.GetProperty("geometry").GetProperty("coordinates").ToString());
    }
}
