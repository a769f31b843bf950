using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// The server on PostgreSQL 15 with PostGIS (a throwaway cluster, <see cref="PostgresCluster"/>): its migrations run on
/// a real server, the demo loads and answers as it does on SQLite, and the optimistic version check refuses a stale write.
/// </summary>
public sealed class PostgreSqlTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private const string Everything = """
        { resources(first: 500) { totalCount nodes { id name kind status latitude longitude targetGroups offers area { name } } }
          areas(first: 100) { nodes { name kind code } }
          relationships(first: 500) { totalCount nodes { source { name } target { name } type strength since until } }
          network { isolatedGroups { size } bridgingActors { __typename } }
          near: resources(first: 50, near: { latitude: 57.3119, longitude: 25.27, maxDistanceMeters: 1500 }) { nodes { name } } }
        """;

    [Fact]
    public async Task The_demo_loads_and_answers_on_postgresql_as_on_sqlite()
    {
        await using var sqlite = await ServerProcess.StartAsync();
        await using var postgres = await ServerProcess.StartAsync(settings: await cluster.NewDatabaseAsync());
        var expected = (await sqlite.DataAsync(Everything)).GetRawText();
        Assert.Contains("Priekuļu bibliotēka", expected);
        Assert.Equal(expected, (await postgres.DataAsync(Everything)).GetRawText());
    }

    [Fact]
    public async Task A_write_with_a_stale_version_is_refused_and_overwrites_nothing()
    {
        await using var server = await ServerProcess.StartAsync(settings: await cluster.NewDatabaseAsync());
        var admin = await server.AdminTokenAsync();
        var created = (await server.DataAsync("mutation { createResource(input: { name: \"Ūdensziņu biedrība\", kind: ASSOCIATION }) { resource { id version } } }", token: admin))
            .GetProperty("createResource").GetProperty("resource");
        var (id, version) = (created.GetProperty("id").GetString(), created.GetProperty("version").GetInt32());
        const string rename = "mutation($id: ID!, $v: Int, $n: String!) { updateResource(input: { id: $id, version: $v, name: $n }) { resource { name version } } }";
        var first = await server.DataAsync(rename, new { id, v = version, n = "Ūdensziņu biedrība “Krasts”" }, admin);
        Assert.Equal(version + 1, first.GetProperty("updateResource").GetProperty("resource").GetProperty("version").GetInt32());

        var stale = await server.PostAsync(rename, new { id, v = version, n = "Vecā versija" }, admin);
        Assert.Equal("CONFLICT", stale.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var now = await server.DataAsync("query($id: ID!) { resource(id: $id) { name } }", new { id }, admin);
        Assert.Equal("Ūdensziņu biedrība “Krasts”", now.GetProperty("resource").GetProperty("name").GetString());
    }
}
