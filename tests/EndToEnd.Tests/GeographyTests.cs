using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>The planner's question on the running demo server.</summary>
public sealed class GeographyTests(DemoServer demo) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Daugavpils_neighbourhoods_lacking_a_seniors_resource_within_1_km()
    {
        var areas = await demo.Server.DataAsync("{ areas(text: \"Daugavpils\") { nodes { id } } }");
        var id = areas.GetProperty("areas").GetProperty("nodes")[0].GetProperty("id").GetString();
        var data = await demo.Server.DataAsync("query($a: ID) { underServedAreas(targetGroup: \"seniors\", maxDistanceMeters: 1000, areaId: $a) { area { name boundary { type } } population reason } }", new { a = id });
        var names = data.GetProperty("underServedAreas").EnumerateArray().Select(a => a.GetProperty("area").GetProperty("name").GetString());
        Assert.Equal(["Mežciems", "Cietoksnis"], names);
    }
}

/// <summary><c>import-areas</c> as a planner runs it with a file from an open-data portal, then the server reading the result.</summary>
public sealed class ImportAreasProcessTests : IDisposable
{
    private static readonly string ServerAssembly = typeof(ImportAreasProcessTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerAssembly").Value!;

    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-import-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string geojson)
    {
        var path = Path.Combine(_folder, "areas.geojson");
        await File.WriteAllTextAsync(path, geojson);
        return await Processes.RunAsync("dotnet",
            [ServerAssembly, "import-areas", path, "--approximate", "--Database:DataFolder", Path.Combine(_folder, "data"), "--Database:DemoData=false"], _folder);
    }

    [Fact]
    public async Task A_file_is_imported_into_the_database_the_server_then_serves()
    {
        const string bad = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Ok", "kind": "pagasts" }, "geometry": { "type": "Polygon", "coordinates": [[[25.8,57.1],[25.9,57.1],[25.9,57.2],[25.8,57.1]]] } },
              { "type": "Feature", "properties": { "name": "Open", "kind": "pagasts" }, "geometry": { "type": "Polygon", "coordinates": [[[25.8,57.1],[25.9,57.1],[25.9,57.2],[25.8,57.2]]] } } ] }
            """;
        var (exit, output, error) = await RunAsync(bad);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("features[1].geometry.coordinates[0]: the ring is not closed", error);

        const string good = """
            { "type": "FeatureCollection", "name": "pagasti", "features": [
              { "type": "Feature", "id": 7, "properties": { "name": "Zosēnu pagasts", "kind": "pagasts", "population": { "total": 328, "seniors": 95 } },
                "geometry": { "type": "Polygon", "coordinates": [[[25.8,57.1],[25.9,57.1],[25.9,57.2],[25.8,57.2],[25.8,57.1]]] } } ] }
            """;
        (exit, output, error) = await RunAsync(good);
        Assert.True(exit == 0, error);
        Assert.Contains("1 area(s) created, 0 updated", output);

        await using var server = await ServerProcess.StartAsync(Path.Combine(_folder, "data"), demoData: false);
        var data = await server.DataAsync("{ areaAt(latitude: 57.15, longitude: 25.85) { name approximate population { targetGroup count } } }");
        var area = data.GetProperty("areaAt");
        Assert.Equal("Zosēnu pagasts", area.GetProperty("name").GetString());
        Assert.True(area.GetProperty("approximate").GetBoolean());
        Assert.Equal(328, area.GetProperty("population").EnumerateArray().Single(p => p.GetProperty("targetGroup").GetString() == "total").GetProperty("count").GetInt32());
    }
}
