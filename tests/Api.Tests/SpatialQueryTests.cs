using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace ResourceMap.Api.Tests;

/// <summary>
/// Resources within areas and shapes, the k nearest, and the area of a point, on the demo data: on SQLite (the spatial
/// snapshot's R-tree) and, in Api.PostgreSql.Tests, on PostgreSQL (PostGIS), with the same expectations.
/// </summary>
public class SpatialQueryTests(DemoApi demo) : IClassFixture<DemoApi>
{
    private TestApi Api => demo.Api;

    private async Task<JsonElement> BoundaryAsync(string area)
    {
        var data = await Api.DataAsync("query($id: ID!) { area(id: $id) { boundary { type coordinates bbox } } }", new { id = await demo.AreaIdAsync(area) });
        return data.GetProperty("area").GetProperty("boundary");
    }

    [Fact]
    public async Task Within_an_area_and_within_its_polygon_agree_with_its_bounding_box()
    {
        // The demo neighbourhoods are squares aligned with the meridians, so the SQL bounding-box filter is an
        // independent way to find what lies inside one.
        var boundary = await BoundaryAsync("Križi");
        var bbox = boundary.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var data = await Api.DataAsync("""
            query($a: ID!, $g: GeoJSONGeometryInput!, $s: Float!, $w: Float!, $n: Float!, $e: Float!) {
              byArea: resources(withinAreaId: $a, first: 500) { totalCount nodes { name } }
              byShape: resources(within: $g, first: 500) { nodes { name } }
              byBox: resources(boundingBox: { south: $s, west: $w, north: $n, east: $e }, first: 500) { nodes { name } }
              seniors: resources(within: $g, targetGroups: ["seniors"], first: 500) { nodes { name } }
            }
            """, new { a = await demo.AreaIdAsync("Križi"), g = new { type = "Polygon", coordinates = boundary.GetProperty("coordinates") }, s = bbox[1], w = bbox[0], n = bbox[3], e = bbox[2] });
        var byBox = data.GetProperty("byBox").Names();
        Assert.True(byBox.Count >= 4);
        Assert.Equal(byBox, data.GetProperty("byArea").Names());
        Assert.Equal(byBox, data.GetProperty("byShape").Names());
        Assert.Contains("Dienas centrs \"Saskarsme\"", byBox);
        Assert.Equal(["Senioru biedrība \"Draudzība-K\"", "Dienas centrs \"Saskarsme\"", "Križu draudze"], data.GetProperty("seniors").Names());
    }

    [Fact]
    public async Task Where_location_and_the_areas_of_a_point_or_a_shape_agree_with_the_arguments()
    {
        // A square a fifth the size of Križi's, at its centre: it meets Križi and the city around it, no neighbour.
        var bbox = (await BoundaryAsync("Križi")).GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (west, south, east, north) = (bbox[0], bbox[1], bbox[2], bbox[3]);
        var (dx, dy) = ((east - west) / 10, (north - south) / 10);
        var (cx, cy) = ((west + east) / 2, (south + north) / 2);
        var inner = new { type = "Polygon", coordinates = new[] { new[] { new[] { cx - dx, cy - dy }, [cx + dx, cy - dy], [cx + dx, cy + dy], [cx - dx, cy + dy], [cx - dx, cy - dy] } } };
        var data = await Api.DataAsync("""
            query($a: ID!, $inner: GeoJSONGeometryInput!) {
              byArea: resources(withinAreaId: $a, first: 500) { nodes { name } }
              whereArea: resources(where: { location: { withinAreaId: $a } }, first: 500) { nodes { name } }
              near: resources(near: { latitude: 55.8790, longitude: 26.5800, maxDistanceMeters: 1500 }, order: [{ id: ASC }], first: 500) { nodes { name } }
              whereNear: resources(where: { location: { near: { latitude: 55.8790, longitude: 26.5800, maxDistanceMeters: 1500 } } }, first: 500) { nodes { name } }
              containing: areas(containing: { latitude: 55.8790, longitude: 26.5800 }) { nodes { name } }
              intersecting: areas(intersecting: $inner) { nodes { name } }
              nowhere: areas(containing: { latitude: 40.0, longitude: 10.0 }) { totalCount }
              sea: areaAt(latitude: 57.5, longitude: 20.0) { name }
            }
            """, new { a = await demo.AreaIdAsync("Križi"), inner });
        Assert.True(data.GetProperty("byArea").Names().Count >= 4);
        Assert.Equal(data.GetProperty("byArea").Names(), data.GetProperty("whereArea").Names());
        Assert.Contains("Dienas centrs \"Saskarsme\"", data.GetProperty("near").Names());
        Assert.Equal(data.GetProperty("near").Names(), data.GetProperty("whereNear").Names());
        Assert.Equal(["Daugavpils", "Križi"], data.GetProperty("containing").Names().Order(StringComparer.Ordinal));
        Assert.Equal(["Daugavpils", "Križi"], data.GetProperty("intersecting").Names().Order(StringComparer.Ordinal));
        Assert.Equal(0, data.GetProperty("nowhere").GetProperty("totalCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("sea").ValueKind);
    }

    [Fact]
    public async Task The_k_nearest_are_the_first_k_of_everything_sorted_by_distance()
    {
        // From "Saskarsme" (55.8790, 26.5800): all resources within 300 km sorted by distance, against the 5 nearest.
        var data = await Api.DataAsync("""
            {
              all: resources(near: { latitude: 55.8790, longitude: 26.5800, maxDistanceMeters: 300000 }, first: 500) { nodes { name distanceMeters(from: { latitude: 55.8790, longitude: 26.5800 }) } }
              nearest: resources(nearest: { latitude: 55.8790, longitude: 26.5800, count: 5 }) { totalCount nodes { name } }
              seniors: resources(nearest: { latitude: 55.8790, longitude: 26.5800, count: 2 }, targetGroups: ["seniors"], kinds: [LIBRARY]) { nodes { name } }
              capped: resources(nearest: { latitude: 55.8790, longitude: 26.5800, count: 50, maxDistanceMeters: 500 }) { nodes { name } }
            }
            """);
        var all = data.GetProperty("all").GetProperty("nodes").EnumerateArray().ToList();
        var distances = all.Select(n => n.GetProperty("distanceMeters").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.Equal(0, distances[0]);
        Assert.Equal(all.Take(5).Select(n => n.GetProperty("name").GetString()), data.GetProperty("nearest").Names());
        Assert.Equal(5, data.GetProperty("nearest").GetProperty("totalCount").GetInt32());
        Assert.Equal(all.TakeWhile(n => n.GetProperty("distanceMeters").GetDouble() <= 500).Select(n => n.GetProperty("name").GetString()), data.GetProperty("capped").Names());
        // The two libraries for seniors nearest to Križi: the Ķīmija branch (about 2 km) before the central one in Centrs (4 km).
        Assert.Equal(["Ķīmijas mikrorajona bibliotēka", "Latgales Centrālā bibliotēka"], data.GetProperty("seniors").Names());
    }

    [Fact]
    public async Task A_resource_knows_the_area_its_point_lies_in_and_its_location_as_GeoJSON()
    {
        var id = await Api.ResourceIdAsync("Dienas centrs \"Saskarsme\"");
        var data = await Api.DataAsync("query($id: ID!) { resource(id: $id) { locatedIn { name } location { type coordinates } point: location { area { name } } } areaAt(latitude: 55.8790, longitude: 26.5800) { name parent { name } } }", new { id });
        Assert.Equal("Križi", data.GetProperty("resource").GetProperty("locatedIn").GetProperty("name").GetString());
        Assert.Equal("Križi", data.GetProperty("resource").GetProperty("point").GetProperty("area").GetProperty("name").GetString());
        Assert.Equal("""{"type":"Point","coordinates":[26.58,55.879]}""", data.GetProperty("resource").GetProperty("location").GetRawText());
        Assert.Equal("Daugavpils", data.GetProperty("areaAt").GetProperty("parent").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_city_made_of_separate_neighbourhoods_is_a_multipolygon()
    {
        var boundary = await BoundaryAsync("Daugavpils");
        Assert.Equal("MultiPolygon", boundary.GetProperty("type").GetString());
        Assert.Equal(5, boundary.GetProperty("coordinates").GetArrayLength());
    }

    [Theory]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[26.5, 55.8], [26.6, 55.8], [26.6, 55.9], [26.5, 55.9]]] }""", "the ring is not closed")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[26.5, 55.8], [26.6, 55.9], [26.6, 55.8], [26.5, 55.9], [26.5, 55.8]]] }""", "self-intersection")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[55.8, 190.5], [55.9, 190.5], [55.9, 190.6], [55.8, 190.5]]] }""", "out of range")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[26.5, 55.8], [26.6, 55.8], [26.5, 55.8]]] }""", "at least 4 positions")]
    [InlineData("""{ "type": "Point", "coordinates": [26.5, 55.8] }""", "must be a Polygon or a MultiPolygon")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[26.5, "x"], [26.6, 55.8], [26.6, 55.9], [26.5, 55.8]]] }""", "a position must be [longitude, latitude]")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[-179, 10], [179, 10], [179, 11], [-179, 11], [-179, 10]]] }""", "antimeridian")]
    public async Task Invalid_shapes_are_refused_with_the_reason(string geometry, string reason)
    {
        var response = await Api.ExecuteAsync("query($g: GeoJSONGeometryInput!) { resources(within: $g) { totalCount } }",
            new { g = JsonSerializer.Deserialize<JsonElement>(geometry) });
        Assert.Equal("BAD_USER_INPUT", response.Code());
        Assert.Contains(reason, response.Message());
    }

    [Fact]
    public async Task Bad_points_and_counts_are_refused()
    {
        foreach (var query in new[]
        {
            "{ resources(nearest: { latitude: 95, longitude: 24, count: 3 }) { totalCount } }",
            "{ resources(nearest: { latitude: 56, longitude: 24, count: 0 }) { totalCount } }",
            "{ resources(nearest: { latitude: 56, longitude: 24, count: 3, maxDistanceMeters: -1 }) { totalCount } }",
            "{ areaAt(latitude: 56, longitude: 200) { name } }",
            "{ areas(containing: { latitude: -91, longitude: 0 }) { totalCount } }",
        })
        {
            var response = await Api.ExecuteAsync(query);
            Assert.Equal("BAD_USER_INPUT", response.Code());
        }
        var latvia = await demo.AreaIdAsync("Latvija");
        var noBoundary = await Api.ExecuteAsync("query($a: ID!) { resources(withinAreaId: $a) { totalCount } }", new { a = latvia });
        Assert.Equal("BAD_USER_INPUT", noBoundary.Code());
    }

    [Fact]
    public async Task PostgreSql_answers_the_conditions_in_postgis_and_sqlite_from_the_r_tree()
    {
        var api = Api;
        var sql = new List<string>();
        foreach (var query in new[]
        {
            "{ resources(near: { latitude: 55.879, longitude: 26.58, maxDistanceMeters: 1500 }) { totalCount } }",
            "{ resources(nearest: { latitude: 55.879, longitude: 26.58, count: 3 }) { totalCount } }",
            "{ areaAt(latitude: 55.879, longitude: 26.58) { name } }",
        })
        {
            api.Sql.Reset();
            await api.DataAsync(query);
            sql.Add(string.Join("\n", api.Sql.Commands));
        }
        await using var db = api.Factory.CreateDbContext();
        if (db.Database.IsNpgsql())
        {
            Assert.Contains("ST_DWithin", sql[0]);
            Assert.Contains("ST_Distance", sql[0]);
            Assert.Contains("<->", sql[1]);
            Assert.Contains("ST_Covers", sql[2]);
            Assert.Contains("ST_Area", sql[2]);
        }
        else
        {
            Assert.All(sql, text => Assert.DoesNotContain("ST_", text));
            Assert.DoesNotContain("Areas", sql[2]); // the area of a point comes from the snapshot in memory
        }
    }
}
