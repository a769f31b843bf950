using System.Diagnostics;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// The server on PostgreSQL 15 with PostGIS (a throwaway cluster, <see cref="PostgresCluster"/>): its migrations run on
/// a real server, the demo loads and answers as it does on SQLite, the optimistic version check refuses stale writes
/// however many come at once, and two instances on one database hear each other's writes.
/// </summary>
[Collection(PostgresCluster.Collection)]
public sealed class PostgreSqlTests(PostgresCluster cluster)
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

    private const string Rename = "mutation($id: ID!, $v: Int, $n: String!) { updateResource(input: { id: $id, version: $v, name: $n }) { resource { name version } } }";

    /// <summary>A new association's id and version.</summary>
    private static async Task<(string Id, int Version)> CreateAsync(ServerProcess server, string token, string name)
    {
        var created = (await server.DataAsync("mutation($n: String!) { createResource(input: { name: $n, kind: ASSOCIATION }) { resource { id version } } }", new { n = name }, token))
            .GetProperty("createResource").GetProperty("resource");
        return (created.GetProperty("id").GetString()!, created.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_write_with_a_stale_version_is_refused_and_overwrites_nothing()
    {
        await using var server = await ServerProcess.StartAsync(settings: await cluster.NewDatabaseAsync());
        var admin = await server.AdminTokenAsync();
        var (id, version) = await CreateAsync(server, admin, "Ūdensziņu biedrība");
        var first = await server.DataAsync(Rename, new { id, v = version, n = "Ūdensziņu biedrība “Krasts”" }, admin);
        Assert.Equal(version + 1, first.GetProperty("updateResource").GetProperty("resource").GetProperty("version").GetInt32());

        var stale = await server.PostAsync(Rename, new { id, v = version, n = "Vecā versija" }, admin);
        Assert.Equal("CONFLICT", stale.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var now = await server.DataAsync("query($id: ID!) { resource(id: $id) { name } }", new { id }, admin);
        Assert.Equal("Ūdensziņu biedrība “Krasts”", now.GetProperty("resource").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Of_concurrent_writes_with_one_version_exactly_one_lands()
    {
        await using var server = await ServerProcess.StartAsync(settings: await cluster.NewDatabaseAsync());
        var admin = await server.AdminTokenAsync();
        var (id, version) = await CreateAsync(server, admin, "Sākums");

        var names = Enumerable.Range(1, 12).Select(i => $"Rakstītājs {i}").ToList();
        var answers = await Task.WhenAll(names.Select(n => server.PostAsync(Rename, new { id, v = version, n }, admin)));

        var landed = answers.Where(a => !a.TryGetProperty("errors", out _)).ToList();
        var winner = Assert.Single(landed).GetProperty("data").GetProperty("updateResource").GetProperty("resource");
        Assert.Equal(version + 1, winner.GetProperty("version").GetInt32());
        Assert.All(answers.Where(a => a.TryGetProperty("errors", out _)),
            a => Assert.Equal("CONFLICT", a.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()));
        var data = await server.DataAsync("query($id: ID!) { resource(id: $id) { name version } history(id: $id) { action } }", new { id }, admin);
        var now = data.GetProperty("resource");
        Assert.Equal(winner.GetProperty("name").GetString(), now.GetProperty("name").GetString());
        Assert.Equal(version + 1, now.GetProperty("version").GetInt32());
        Assert.Equal(["UPDATED", "CREATED"], data.GetProperty("history").EnumerateArray().Select(c => c.GetProperty("action").GetString())); // newest first
    }

    [Fact]
    public async Task Two_instances_on_one_database_hear_each_other_s_writes()
    {
        var database = await cluster.NewDatabaseAsync();
        // One data folder for both: it holds the token signing key (Auth:SigningKey does the same across machines).
        var folder = ServerProcess.NewDataFolder();
        await using var first = await ServerProcess.StartAsync(folder, settings: database);
        await using var second = await ServerProcess.StartAsync(folder, settings: database);
        await first.ReadyAsync();
        await second.ReadyAsync();
        var admin = await first.AdminTokenAsync();
        const string isolated = "{ network { dataVersion isolatedActors { name } } }";
        var before = (await second.DataAsync(isolated, token: admin)).GetProperty("network");

        using var socket = await GraphQLSocket.ConnectAsync(second);
        await GraphQLSocket.SendAsync(socket, """{"type":"connection_init"}""");
        Assert.Equal("connection_ack", JsonDocument.Parse(await GraphQLSocket.ReceiveAsync(socket)).RootElement.GetProperty("type").GetString());
        await GraphQLSocket.SendAsync(socket, """{"id":"r","type":"subscribe","payload":{"query":"subscription { resourceChanged { kind resourceId resource { name } } }"}}""");
        await GraphQLSocket.SendAsync(socket, """{"id":"n","type":"subscribe","payload":{"query":"subscription { networkChanged { dataVersion cause resourceIds } }"}}""");
        // The subscriptions are registered just after the messages are read: give them a moment, as a client would.
        await Task.Delay(500);

        var id = (await first.DataAsync("mutation { createResource(input: { name: \"Otrās instances pulciņš\", kind: INFORMAL_GROUP }) { resource { id } } }", token: admin))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString();
        // Heard at all, it came by NOTIFY: the second instance neither polls nor reads the first's writes otherwise. How
        // soon is bench work, not a test's on a shared machine (a one-second bound failed under a loaded run).
        var heard = new Dictionary<string, JsonElement>();
        while (heard.Count < 2)
        {
            var message = JsonDocument.Parse(await GraphQLSocket.ReceiveAsync(socket, TimeSpan.FromSeconds(10))).RootElement;
            heard[message.GetProperty("id").GetString()!] = message.GetProperty("payload").GetProperty("data");
        }
        var change = heard["r"].GetProperty("resourceChanged");
        Assert.Equal(("CREATED", id, "Otrās instances pulciņš"),
            (change.GetProperty("kind").GetString(), change.GetProperty("resourceId").GetString(), change.GetProperty("resource").GetProperty("name").GetString()));
        var network = heard["n"].GetProperty("networkChanged");
        Assert.Equal("createResource", network.GetProperty("cause").GetString());
        Assert.Equal([id], network.GetProperty("resourceIds").EnumerateArray().Select(r => r.GetString()));

        var after = (await second.DataAsync(isolated, token: admin)).GetProperty("network");
        Assert.True(after.GetProperty("dataVersion").GetInt64() >= network.GetProperty("dataVersion").GetInt64());
        Assert.True(after.GetProperty("dataVersion").GetInt64() > before.GetProperty("dataVersion").GetInt64());
        Assert.DoesNotContain(before.GetProperty("isolatedActors").EnumerateArray(), a => a.GetProperty("name").GetString() == "Otrās instances pulciņš");
        Assert.Contains(after.GetProperty("isolatedActors").EnumerateArray(), a => a.GetProperty("name").GetString() == "Otrās instances pulciņš");
    }

    [Fact]
    public async Task README_s_two_lines_start_the_service_on_postgresql()
    {
        // The section's sh block as written, with the cluster's database for the example's, the built executable for
        // `dotnet run --project src/Api`, and a free port.
        var readme = await File.ReadAllTextAsync(Path.Combine(NodeClients.Folder, "..", "..", "README.md"));
        var section = readme[readme.IndexOf("\n### PostgreSQL: the server database", StringComparison.Ordinal)..];
        var block = section[(section.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..];
        var lines = block[..block.IndexOf("```", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var connection = (await cluster.NewDatabaseAsync())[3];
        var port = ServerProcess.FreePort();
        var folder = ServerProcess.NewDataFolder();
        var script = string.Join('\n', lines.Select(line => System.Text.RegularExpressions.Regex.Replace(line, "Database__ConnectionString='[^']*'", $"Database__ConnectionString='{connection}'")
            .Replace("dotnet run --project src/Api", $"exec dotnet '{ServerProcess.ServerAssembly}' --urls http://127.0.0.1:{port} --Database:DataFolder '{folder}'")));
        Assert.Contains(connection, script);
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        // Read as it comes: a full pipe would stop the server at its next log line.
        var output = new System.Text.StringBuilder();
        bash.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        bash.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        bash.BeginOutputReadLine();
        bash.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            JsonElement answer = default;
            for (var waited = 0; answer.ValueKind == JsonValueKind.Undefined; waited += 200)
            {
                if (bash.HasExited) Assert.Fail($"the service stopped ({bash.ExitCode}):\n{output}");
                Assert.True(waited < 60_000, "no answer within a minute");
                try
                {
                    using var response = await client.PostAsync("/graphql", new StringContent("""{"query":"{ resources(first: 1) { totalCount } }"}""", System.Text.Encoding.UTF8, "application/json"));
                    answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }
            Assert.Equal(42, answer.GetProperty("data").GetProperty("resources").GetProperty("totalCount").GetInt32()); // the demo's public resources
            Assert.False(File.Exists(Path.Combine(folder, "resourcemap.db"))); // not on SQLite in the data folder
        }
        finally
        {
            bash.Kill(entireProcessTree: true);
            await bash.WaitForExitAsync();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
