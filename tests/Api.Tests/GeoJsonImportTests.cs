using System.Text.Json;

namespace ResourceMap.Api.Tests;

/// <summary>Importing areas from GeoJSON, reading their boundaries back, and locating points in them.</summary>
public class GeoJsonImportTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(demoData: false);
    public async Task DisposeAsync() => await _api.DisposeAsync();

    private const string Import = "mutation($fc: GeoJSONFeatureCollectionInput!) { importAreas(input: { featureCollection: $fc }) { created { name kind approximate parent { name } population { targetGroup count } } updated { name population { targetGroup count } } } }";

    // Exterior rings counterclockwise and holes clockwise, as RFC 7946 §3.1.6 writes them, so output equals input.
    private static readonly double[][] West = [[24.0, 56.0], [24.1, 56.0], [24.1, 56.1], [24.0, 56.1], [24.0, 56.0]];
    private static readonly double[][] East = [[24.2, 56.0], [24.3, 56.0], [24.3, 56.1], [24.2, 56.1], [24.2, 56.0]];
    private static readonly double[][] Lake = [[24.04, 56.04], [24.04, 56.06], [24.06, 56.06], [24.06, 56.04], [24.04, 56.04]];

    private static object Feature(object geometry, object properties) => new { type = "Feature", geometry, properties };
    private static object Polygon(params double[][][] rings) => new { type = "Polygon", coordinates = rings };

    private static object Collection(int seniors = 300) => new
    {
        type = "FeatureCollection",
        name = "test_areas",
        crs = new { type = "name", properties = new { name = "urn:ogc:def:crs:OGC:1.3:CRS84" } },
        features = new[]
        {
            // The child comes first: parents are resolved by name within the file, in any order.
            Feature(Polygon(West, Lake), new { name = "Ezera pagasts", kind = "pagasts", parent = "Testa novads", population = new Dictionary<string, int> { ["total"] = 1200, ["Seniors"] = seniors } }),
            Feature(new { type = "MultiPolygon", coordinates = new[] { new[] { West }, new[] { East } } }, new { name = "Testa novads", kind = "municipality", approximate = true }),
        },
    };

    [Fact]
    public async Task A_collection_is_imported_and_its_boundaries_come_back_as_given()
    {
        var data = await _api.DataAsync(Import, new { fc = Collection() });
        var created = data.GetProperty("importAreas").GetProperty("created").EnumerateArray().ToList();
        Assert.Equal(["Ezera pagasts", "Testa novads"], created.Select(a => a.GetProperty("name").GetString()).Order());
        var parish = created.Single(a => a.GetProperty("name").GetString() == "Ezera pagasts");
        Assert.Equal("PARISH", parish.GetProperty("kind").GetString());
        Assert.Equal("Testa novads", parish.GetProperty("parent").GetProperty("name").GetString());
        Assert.False(parish.GetProperty("approximate").GetBoolean());
        Assert.Equal("""[{"targetGroup":"seniors","count":300},{"targetGroup":"total","count":1200}]""", parish.GetProperty("population").GetRawText());

        var areas = await _api.DataAsync("{ areas { nodes { name approximate boundary { type coordinates bbox } } } }");
        var byName = areas.GetProperty("areas").GetProperty("nodes").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        var polygon = byName["Ezera pagasts"].GetProperty("boundary");
        Assert.Equal("Polygon", polygon.GetProperty("type").GetString());
        Assert.Equal(JsonSerializer.Serialize(new[] { West, Lake }), polygon.GetProperty("coordinates").GetRawText());
        Assert.Equal("[24,56,24.1,56.1]", polygon.GetProperty("bbox").GetRawText());
        var multi = byName["Testa novads"].GetProperty("boundary");
        Assert.Equal("MultiPolygon", multi.GetProperty("type").GetString());
        Assert.Equal(JsonSerializer.Serialize(new[] { new[] { West }, new[] { East } }), multi.GetProperty("coordinates").GetRawText());
        Assert.True(byName["Testa novads"].GetProperty("approximate").GetBoolean());
    }

    [Fact]
    public async Task Clockwise_rings_are_accepted_and_given_back_by_the_right_hand_rule()
    {
        var clockwise = West.Reverse().ToArray();
        await _api.DataAsync(Import, new { fc = new { type = "FeatureCollection", features = new[] { Feature(Polygon(clockwise), new { name = "Pulksteņa pagasts", kind = "parish" }) } } });
        var data = await _api.DataAsync("{ areas { nodes { boundary { coordinates } } } }");
        Assert.Equal(JsonSerializer.Serialize(new[] { West }), data.GetProperty("areas").GetProperty("nodes")[0].GetProperty("boundary").GetProperty("coordinates").GetRawText());
    }

    [Fact]
    public async Task Importing_again_updates_the_same_areas()
    {
        await _api.DataAsync(Import, new { fc = Collection() });
        var data = await _api.DataAsync(Import, new { fc = Collection(seniors: 350) });
        Assert.Empty(data.GetProperty("importAreas").GetProperty("created").EnumerateArray());
        var updated = data.GetProperty("importAreas").GetProperty("updated").EnumerateArray().ToList();
        Assert.Equal(2, updated.Count);
        Assert.Contains("\"count\":350", updated.Single(a => a.GetProperty("name").GetString() == "Ezera pagasts").GetProperty("population").GetRawText());
        var count = await _api.DataAsync("{ areas { totalCount } }");
        Assert.Equal(2, count.GetProperty("areas").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Every_bad_feature_is_reported_by_index_and_nothing_is_imported()
    {
        var before = await _api.SnapshotAsync();
        var collection = new
        {
            type = "FeatureCollection",
            features = new object[]
            {
                Feature(Polygon(West), new { name = "Labais pagasts", kind = "parish" }),                                   // 0: fine
                Feature(Polygon([[24.0, 56.0], [24.1, 56.0], [24.1, 56.1], [24.0, 56.1]]), new { name = "Vaļējs", kind = "parish" }), // 1: ring not closed
                Feature(Polygon([[24.0, 56.0], [24.1, 56.1], [24.1, 56.0], [24.0, 56.1], [24.0, 56.0]]), new { name = "Tauriņš", kind = "parish" }), // 2: bow tie
                Feature(Polygon([[506000.0, 312000.0], [507000.0, 312000.0], [507000.0, 313000.0], [506000.0, 312000.0]]), new { name = "LKS", kind = "parish" }), // 3: projected metres
                Feature(Polygon(East), new { kind = "parish", population = new { total = -3 } }),                            // 4: no name, negative count
                Feature(Polygon(East), new { name = "Bārenis", kind = "parish", parent = "Nekurienes novads" }),             // 5: unknown parent
                Feature(new { type = "Point", coordinates = new[] { 24.0, 56.0 } }, new { name = "Punkts", kind = "village" }), // 6: a point, unknown kind
            },
        };
        var response = await _api.ExecuteAsync(Import, new { fc = collection });
        Assert.Equal("BAD_USER_INPUT", response.Code());
        var message = response.Message();
        Assert.StartsWith("6 feature(s) are invalid; nothing was imported.", message);
        var problems = response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("data").GetProperty("problems").EnumerateArray()
            .Select(p => (Index: p.GetProperty("featureIndex").GetInt32(), Message: p.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], problems.Select(p => p.Index).Distinct());
        Assert.Contains(problems, p => p.Index == 1 && p.Message.Contains("features[1].geometry.coordinates[0]: the ring is not closed"));
        Assert.Contains(problems, p => p.Index == 2 && p.Message.Contains("self-intersection"));
        Assert.Contains(problems, p => p.Index == 3 && p.Message.Contains("out of range") && p.Message.Contains("LKS-92"));
        Assert.Contains(problems, p => p.Index == 4 && p.Message.Contains("properties.name: is required"));
        Assert.Contains(problems, p => p.Index == 4 && p.Message.Contains("properties.population.total: must be a whole number"));
        Assert.Contains(problems, p => p.Index == 5 && p.Message.Contains("there is no area \"Nekurienes novads\""));
        Assert.Contains(problems, p => p.Index == 6 && p.Message.Contains("must be a Polygon or a MultiPolygon, not a Point"));
        Assert.Contains(problems, p => p.Index == 6 && p.Message.Contains("properties.kind"));
        Assert.Equal(before, await _api.SnapshotAsync());
    }

    [Fact]
    public async Task A_collection_in_another_reference_system_or_in_degrees_labelled_LKS92_is_refused()
    {
        var before = await _api.SnapshotAsync();
        var collection = new { type = "FeatureCollection", crs = new { type = "name", properties = new { name = "urn:ogc:def:crs:EPSG::3857" } }, features = new[] { Feature(Polygon(West), new { name = "X", kind = "parish" }) } };
        var response = await _api.ExecuteAsync(Import, new { fc = collection });
        Assert.Equal("BAD_USER_INPUT", response.Code());
        Assert.Contains("EPSG:4326", response.Message());
        Assert.Contains("EPSG:3059", response.Message());

        // Labelled LKS-92 but in degrees: every position is far outside Latvia's grid, and said so.
        var mislabelled = new { type = "FeatureCollection", crs = new { type = "name", properties = new { name = "urn:ogc:def:crs:EPSG::3059" } }, features = new[] { Feature(Polygon(West), new { name = "X", kind = "parish" }) } };
        response = await _api.ExecuteAsync(Import, new { fc = mislabelled });
        Assert.Equal("BAD_USER_INPUT", response.Code());
        Assert.Contains("features[0].geometry.coordinates: (", response.Message());
        Assert.Contains("outside LKS-92's grid over Latvia", response.Message());
        Assert.Equal(before, await _api.SnapshotAsync());
    }

    [Fact]
    public async Task Parents_that_refer_in_a_circle_are_refused()
    {
        var collection = new
        {
            type = "FeatureCollection",
            features = new[]
            {
                Feature(Polygon(West), new { name = "A", kind = "parish", parent = "B" }),
                Feature(Polygon(East), new { name = "B", kind = "parish", parent = "A" }),
            },
        };
        var response = await _api.ExecuteAsync(Import, new { fc = collection });
        Assert.Equal("BAD_USER_INPUT", response.Code());
        Assert.Contains("circle of parents", response.Message());
    }

    [Fact]
    public async Task Points_are_located_in_the_most_specific_area_with_edges_inside_and_holes_outside()
    {
        await _api.DataAsync(Import, new { fc = Collection() });
        async Task<string?> At(double lat, double lon)
        {
            var data = await _api.DataAsync("query($lat: Float!, $lon: Float!) { areaAt(latitude: $lat, longitude: $lon) { name } }", new { lat, lon });
            var area = data.GetProperty("areaAt");
            return area.ValueKind == JsonValueKind.Null ? null : area.GetProperty("name").GetString();
        }
        Assert.Equal("Ezera pagasts", await At(56.02, 24.02));
        Assert.Equal("Ezera pagasts", await At(56.0, 24.05));   // on the parish's southern edge
        Assert.Equal("Testa novads", await At(56.05, 24.05));   // in the lake: a hole of the parish, not of the municipality
        Assert.Equal("Ezera pagasts", await At(56.04, 24.05));  // on the lake's shore
        Assert.Equal("Testa novads", await At(56.05, 24.25));   // the municipality's second part
        Assert.Null(await At(56.05, 24.15));                     // between the parts

        var containing = await _api.DataAsync("{ areas(containing: { latitude: 56.02, longitude: 24.02 }) { nodes { name } } }");
        Assert.Equal(["Ezera pagasts", "Testa novads"], containing.GetProperty("areas").Names().Order());
        var intersecting = await _api.DataAsync("query($g: GeoJSONGeometryInput!) { areas(intersecting: $g) { nodes { name } } }",
            new { g = Polygon([[24.25, 56.05], [24.35, 56.05], [24.35, 56.2], [24.25, 56.2], [24.25, 56.05]]) });
        Assert.Equal(["Testa novads"], intersecting.GetProperty("areas").Names());
    }

    [Fact]
    public async Task Register_codes_name_areas_as_parents_and_find_them_again_when_renamed()
    {
        var collection = new
        {
            type = "FeatureCollection",
            features = new[]
            {
                // A numeric code, as a spreadsheet column would give it, gets its leading zero back: ATVK has seven digits.
                Feature(Polygon(West), new { name = "Zosēnu pagasts", kind = "pagasts", code = (object)420260, parent = "0420200" }),
                Feature(new { type = "MultiPolygon", coordinates = new[] { new[] { West }, new[] { East } } }, new { name = "Jaunpiebalgas novads", kind = "novads", code = (object)"0420200" }),
            },
        };
        var created = (await _api.DataAsync(Import, new { fc = collection })).GetProperty("importAreas").GetProperty("created");
        Assert.Equal(2, created.GetArrayLength());
        var zoseni = (await _api.DataAsync("{ areas(text: \"Zosenu\") { nodes { name code parent { name code } } } }")).GetProperty("areas").GetProperty("nodes")[0];
        Assert.Equal("0420260", zoseni.GetProperty("code").GetString());
        Assert.Equal(("Jaunpiebalgas novads", "0420200"), (zoseni.GetProperty("parent").GetProperty("name").GetString(), zoseni.GetProperty("parent").GetProperty("code").GetString()));

        // Renamed in a newer file, found by its code: updated, not made twice.
        var renamed = new { type = "FeatureCollection", features = new[] { Feature(Polygon(West), new { name = "Zosēnu pag.", kind = "pagasts", code = (object)"0420260", parent = "0420200" }) } };
        var result = (await _api.DataAsync(Import, new { fc = renamed })).GetProperty("importAreas");
        Assert.Equal(0, result.GetProperty("created").GetArrayLength());
        Assert.Equal("Zosēnu pag.", result.GetProperty("updated")[0].GetProperty("name").GetString());

        // One code for two features: refused, nothing written.
        var before = await _api.SnapshotAsync();
        var twice = new
        {
            type = "FeatureCollection",
            features = new[]
            {
                Feature(Polygon(East), new { name = "A", kind = "pagasts", code = (object)"0420999" }),
                Feature(Polygon(West), new { name = "B", kind = "pagasts", code = (object)"0420999" }),
            },
        };
        var response = await _api.ExecuteAsync(Import, new { fc = twice });
        Assert.Equal("BAD_USER_INPUT", response.Code());
        Assert.Contains("features[1].properties.code: \"0420999\" is given to feature 0 too.", response.Message());
        Assert.Equal(before, await _api.SnapshotAsync());
    }
}
