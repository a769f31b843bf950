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

/// <summary>
/// Official boundaries as the State Land Service publishes them, in LKS-92 (EPSG:3059): a file GDAL reprojected from
/// WGS84 is imported and comes back to within a centimetre of where it started.
/// </summary>
public sealed class Lks92ImportTests : IAsyncLifetime
{
    private static readonly string ServerAssembly = typeof(Lks92ImportTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerAssembly").Value!;

    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-lks92-").FullName;

    public Task InitializeAsync() => DebianPackage.Gdal.EnsureInstalledAsync();

    public Task DisposeAsync()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private Task<(int Exit, string Output, string Error)> ImportAsync(string path, params string[] options) => Processes.RunAsync("dotnet",
        [ServerAssembly, "import-areas", path, .. options, "--Database:DataFolder", Path.Combine(_folder, "data"), "--Database:DemoData=false"], _folder);

    [Fact]
    public async Task A_parish_in_LKS92_from_gdal_is_imported_where_it_was_in_WGS84()
    {
        // A parish around the Freedom Monument, in WGS84, reprojected by GDAL (PROJ) to LKS-92 as QGIS would save it.
        double[][] corners = [[24.10, 56.94], [24.13, 56.94], [24.13, 56.96], [24.10, 56.96], [24.10, 56.94]];
        var wgs84 = Path.Combine(_folder, "wgs84.geojson");
        await File.WriteAllTextAsync(wgs84, JsonSerializer.Serialize(new
        {
            type = "FeatureCollection",
            features = new[]
            {
                new { type = "Feature", properties = new { name = "Brīvības apkaime", kind = "apkaime" }, geometry = new { type = "Polygon", coordinates = new[] { corners } } },
            },
        }));
        var lks92 = Path.Combine(_folder, "lks92.geojson");
        var (exit, _, error) = await Processes.RunAsync("ogr2ogr", ["-f", "GeoJSON", "-t_srs", "EPSG:3059", lks92, wgs84], _folder);
        Assert.True(exit == 0, error);
        var written = await File.ReadAllTextAsync(lks92);
        Assert.Contains("EPSG::3059", written);
        Assert.Contains("506", written); // eastings in metres, not degrees

        (exit, var output, error) = await ImportAsync(lks92);
        Assert.True(exit == 0, error);
        Assert.Contains("1 area(s) created", output);

        await using var server = await ServerProcess.StartAsync(Path.Combine(_folder, "data"), demoData: false);
        var area = (await server.DataAsync("{ areaAt(latitude: 56.951522, longitude: 24.113292) { name boundary { type coordinates } } }")).GetProperty("areaAt");
        Assert.Equal("Brīvības apkaime", area.GetProperty("name").GetString());
        var ring = area.GetProperty("boundary").GetProperty("coordinates").EnumerateArray().First();
        if (area.GetProperty("boundary").GetProperty("type").GetString() == "MultiPolygon") ring = ring.EnumerateArray().First();
        var positions = ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
        Assert.Equal(5, positions.Count);
        foreach (var (longitude, latitude) in positions)
            Assert.Contains(corners, c => Math.Abs(c[0] - longitude) < 1e-7 && Math.Abs(c[1] - latitude) < 1e-7); // 1e-7° ≈ 1 cm
    }

    [Fact]
    public async Task Parishes_from_a_zipped_lks92_shapefile_keep_their_latvian_names_population_and_place()
    {
        // Two parishes in WGS84 with the columns a State Land Service file has, saved by GDAL as an LKS-92 shapefile.
        double[][] zoseni = [[25.80, 57.10], [25.90, 57.10], [25.90, 57.20], [25.80, 57.20], [25.80, 57.10]];
        double[][] jaunpiebalga = [[25.90, 57.10], [26.00, 57.10], [26.00, 57.20], [25.90, 57.20], [25.90, 57.10]];
        var wgs84 = Path.Combine(_folder, "pagasti-wgs84.geojson");
        await File.WriteAllTextAsync(wgs84, JsonSerializer.Serialize(new
        {
            type = "FeatureCollection",
            features = new[]
            {
                new { type = "Feature", properties = new { NOSAUKUMS = "Zosēnu pagasts", IEDZ = 328 }, geometry = new { type = "Polygon", coordinates = new[] { zoseni } } },
                new { type = "Feature", properties = new { NOSAUKUMS = "Jaunpiebalgas pagasts", IEDZ = 1850 }, geometry = new { type = "Polygon", coordinates = new[] { jaunpiebalga } } },
            },
        }));
        var shapefile = Directory.CreateDirectory(Path.Combine(_folder, "pagasti")).FullName;
        var (exit, _, error) = await Processes.RunAsync("ogr2ogr", ["-f", "ESRI Shapefile", "-t_srs", "EPSG:3059", "-lco", "ENCODING=UTF-8", Path.Combine(shapefile, "pagasti.shp"), wgs84], _folder);
        Assert.True(exit == 0, error);
        var zip = Path.Combine(_folder, "pagasti.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(shapefile, zip);

        (exit, var output, error) = await ImportAsync(zip, "--kind", "pagasts", "--population-field", "IEDZ");
        Assert.True(exit == 0, error);
        Assert.Contains("2 area(s) created", output);

        await using var server = await ServerProcess.StartAsync(Path.Combine(_folder, "data"), demoData: false);
        foreach (var (name, corners, people) in new[] { ("Zosēnu pagasts", zoseni, 328), ("Jaunpiebalgas pagasts", jaunpiebalga, 1850) })
        {
            var inside = corners[0];
            var area = (await server.DataAsync("query($lat: Float!, $lon: Float!) { areaAt(latitude: $lat, longitude: $lon) { name kind population { targetGroup count } boundary { type coordinates } } }",
                new { lat = inside[1] + 0.05, lon = inside[0] + 0.05 })).GetProperty("areaAt");
            Assert.Equal(name, area.GetProperty("name").GetString());
            Assert.Equal("PARISH", area.GetProperty("kind").GetString());
            Assert.Equal(people, area.GetProperty("population").EnumerateArray().Single(p => p.GetProperty("targetGroup").GetString() == "total").GetProperty("count").GetInt32());
            var ring = area.GetProperty("boundary").GetProperty("coordinates").EnumerateArray().First();
            if (area.GetProperty("boundary").GetProperty("type").GetString() == "MultiPolygon") ring = ring.EnumerateArray().First();
            foreach (var position in ring.EnumerateArray())
                Assert.Contains(corners, c => Math.Abs(c[0] - position[0].GetDouble()) < 1e-7 && Math.Abs(c[1] - position[1].GetDouble()) < 1e-7);
        }
    }

    [Fact]
    public async Task A_shapefile_without_its_projection_or_with_a_wrong_column_is_refused_and_nothing_is_written()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "bez-prj")).FullName;
        var geojson = Path.Combine(_folder, "one.geojson");
        await File.WriteAllTextAsync(geojson, """{ "type": "FeatureCollection", "features": [ { "type": "Feature", "properties": { "NOSAUKUMS": "Križi" }, "geometry": { "type": "Polygon", "coordinates": [[[26.5,55.8],[26.6,55.8],[26.6,55.9],[26.5,55.8]]] } } ] }""");
        var (exit, _, error) = await Processes.RunAsync("ogr2ogr", ["-f", "ESRI Shapefile", "-t_srs", "EPSG:3059", Path.Combine(folder, "krizi.shp"), geojson], _folder);
        Assert.True(exit == 0, error);
        var withPrj = Path.Combine(_folder, "ar-prj.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(folder, withPrj);
        (exit, var output, error) = await ImportAsync(withPrj, "--kind", "apkaime", "--name-field", "NAME");
        Assert.Equal(2, exit);
        Assert.Contains("has no column 'NAME' for the name (its columns: NOSAUKUMS)", error);

        File.Delete(Path.Combine(folder, "krizi.prj"));
        var withoutPrj = Path.Combine(_folder, "bez-prj.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(folder, withoutPrj);
        (exit, output, error) = await ImportAsync(withoutPrj, "--kind", "apkaime");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("has no krizi.prj", error);
        await using var server = await ServerProcess.StartAsync(Path.Combine(_folder, "data"), demoData: false);
        Assert.Equal(0, (await server.DataAsync("{ areas(first: 10) { nodes { id } } }")).GetProperty("areas").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task A_file_in_another_projection_is_refused_naming_the_two_it_may_be_in()
    {
        var path = Path.Combine(_folder, "mercator.geojson");
        await File.WriteAllTextAsync(path, """
            { "type": "FeatureCollection", "crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::3857" } }, "features": [] }
            """);
        var (exit, output, error) = await ImportAsync(path);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("EPSG:3059", error);
    }
}
