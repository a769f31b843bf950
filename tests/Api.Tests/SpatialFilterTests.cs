namespace ResourceMap.Api.Tests;

/// <summary>
/// Bounding-box and distance filters on points placed by hand around (56.0 N, 24.0 E), on SQLite and (Api.PostgreSql.Tests) on PostgreSQL. Expected distances, worked on the
/// WGS84 ellipsoid (a = 6 378 137 m, e² = 0.00669438):
///   sin²56° = 0.687303, 1 − e²sin² = 0.995399;
///   meridian radius M = a(1−e²)/(1−e²sin²)^1.5 = 6 379 417 m → 111 341.9 m per degree of latitude;
///   parallel radius N·cos56° = a/√(1−e²sin²)·0.559193 = 3 574 843 m → 62 392.6 m per degree of longitude.
///   North  (56.00899, 24.0)    0.00899 × 111 341.9 = 1 000.96 m  (a sphere of radius 6 371 km would say 999.6 m)
///   East   (56.0, 24.016)      0.016 × 62 392.6     =   998.28 m
///   EastFar(56.0, 24.0161)     0.0161 × 62 392.6    = 1 004.52 m
///   SouthWest (55.995, 23.995) √(556.7² + 312.0²)   =   638.2 m
/// </summary>
public class SpatialFilterTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async Task InitializeAsync()
    {
        _api = await TestApi.StartAsync(demoData: false);
        foreach (var (name, lat, lon) in new[]
        {
            ("Centre", 56.0, 24.0), ("North", 56.00899, 24.0), ("East", 56.0, 24.016), ("EastFar", 56.0, 24.0161),
            ("SouthWest", 55.995, 23.995), ("OnEdge", 56.01, 24.0), ("Far", 57.0, 24.0),
            ("DatelineWest", -17.0, 179.5), ("DatelineEast", -17.0, -179.5),
        })
            await _api.DataAsync("mutation($n: String!, $lat: Float!, $lon: Float!) { createResource(input: { name: $n, kind: OTHER, latitude: $lat, longitude: $lon }) { resource { id } } }", new { n = name, lat, lon });
        await _api.DataAsync("mutation { createResource(input: { name: \"Nowhere\", kind: INFORMAL_GROUP }) { resource { id } } }");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Near_keeps_points_within_the_geodesic_radius_nearest_first()
    {
        var data = await _api.DataAsync("{ resources(near: { latitude: 56.0, longitude: 24.0, maxDistanceMeters: 1000 }) { totalCount nodes { name } } }");
        // North is 1 000.96 m away on the ellipsoid: outside, though a spherical formula would let it in.
        Assert.Equal(["Centre", "SouthWest", "East"], data.GetProperty("resources").Names());
        Assert.Equal(3, data.GetProperty("resources").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Near_with_a_slightly_larger_radius_lets_the_next_points_in()
    {
        var data = await _api.DataAsync("{ resources(near: { latitude: 56.0, longitude: 24.0, maxDistanceMeters: 1002 }) { nodes { name } } }");
        Assert.Equal(["Centre", "SouthWest", "East", "North"], data.GetProperty("resources").Names());
        data = await _api.DataAsync("{ resources(near: { latitude: 56.0, longitude: 24.0, maxDistanceMeters: 1005 }) { nodes { name } } }");
        Assert.Equal(["Centre", "SouthWest", "East", "North", "EastFar"], data.GetProperty("resources").Names());
    }

    [Fact]
    public async Task Near_pages_in_distance_order()
    {
        var data = await _api.DataAsync("{ resources(near: { latitude: 56.0, longitude: 24.0, maxDistanceMeters: 1005 }, first: 2, after: \"Y3Vyc29yOjE=\") { nodes { name } pageInfo { hasNextPage } } }"); // after offset 1
        Assert.Equal(["East", "North"], data.GetProperty("resources").Names());
        Assert.True(data.GetProperty("resources").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Bounding_box_is_inclusive_and_skips_resources_without_a_place()
    {
        var data = await _api.DataAsync("{ resources(boundingBox: { south: 55.99, west: 23.99, north: 56.01, east: 24.01 }) { nodes { name } } }");
        Assert.Equal(["Centre", "North", "SouthWest", "OnEdge"], data.GetProperty("resources").Names());
    }

    [Fact]
    public async Task Bounding_box_across_the_antimeridian_holds_both_sides()
    {
        var data = await _api.DataAsync("{ resources(boundingBox: { south: -18, west: 179, north: -16, east: -179 }) { nodes { name } } }");
        Assert.Equal(["DatelineWest", "DatelineEast"], data.GetProperty("resources").Names());
    }

    [Fact]
    public async Task Near_across_the_antimeridian_finds_the_other_side()
    {
        // 1° of longitude at 17° S is about 106.5 km; the two dateline points are 1° apart.
        var data = await _api.DataAsync("{ resources(near: { latitude: -17, longitude: 179.5, maxDistanceMeters: 110000 }) { nodes { name } } }");
        Assert.Equal(["DatelineWest", "DatelineEast"], data.GetProperty("resources").Names());
    }

    [Theory]
    [InlineData("boundingBox: { south: 57, west: 24, north: 56, east: 25 }", "south")]
    [InlineData("boundingBox: { south: -91, west: 24, north: 56, east: 25 }", "latitude")]
    [InlineData("near: { latitude: 56, longitude: 200, maxDistanceMeters: 10 }", "longitude")]
    [InlineData("near: { latitude: 56, longitude: 24, maxDistanceMeters: -1 }", "maxDistanceMeters")]
    public async Task Impossible_areas_are_bad_input(string filter, string messagePart)
    {
        var response = await _api.ExecuteAsync($"{{ resources({filter}) {{ totalCount }} }}");
        Assert.Equal("BAD_USER_INPUT", response.Code());
        Assert.Contains(messagePart, response.Message());
    }
}
