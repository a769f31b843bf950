using System.Collections.Concurrent;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// SIGKILL in the middle of a stream of writes: after a restart every acknowledged write is there, and no write is there
/// in part — a resource deleted with its ties is gone with all of them or kept with all of them. On SQLite, and on
/// PostgreSQL (the server process is killed, not the database).
/// </summary>
[Collection(PostgresCluster.Collection)]
public sealed class KillDuringWritesTests(PostgresCluster cluster)
{
    private const int Victims = 60;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_acknowledged_write_survives_and_none_is_half_done(bool postgres)
    {
        var folder = ServerProcess.NewDataFolder();
        var database = postgres ? await cluster.NewDatabaseAsync() : [];
        try
        {
            var victims = new List<(string Id, string[] Ties)>();
            var created = new ConcurrentBag<string>();
            var deleted = new ConcurrentBag<string>();
            await using (var server = await ServerProcess.StartAsync(folder, demoData: false, database))
            {
                var token = await server.AdminTokenAsync();
                async Task<string> CreateAsync(string name) =>
                    (await server.DataAsync("mutation($n: String!) { createResource(input: { name: $n, kind: ASSOCIATION }) { resource { id } } }", new { n = name }, token))
                        .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
                var anchors = new[] { await CreateAsync("Enkurs 1"), await CreateAsync("Enkurs 2"), await CreateAsync("Enkurs 3") };
                for (var i = 0; i < Victims; i++)
                {
                    var id = await CreateAsync($"Upuris {i}");
                    var ties = new string[anchors.Length];
                    for (var t = 0; t < anchors.Length; t++)
                        ties[t] = (await server.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION }) { relationship { id } } }", new { a = id, b = anchors[t] }, token))
                            .GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString()!;
                    victims.Add((id, ties));
                }

                // Four writers: each deletes a victim (a resource and its three ties in one transaction), then creates a resource.
                using var stop = new CancellationTokenSource();
                var next = -1;
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    try
                    {
                        while (!stop.IsCancellationRequested)
                        {
                            var i = Interlocked.Increment(ref next);
                            if (i >= Victims) return;
                            await server.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = victims[i].Id }, token);
                            deleted.Add(victims[i].Id);
                            var name = $"Jauns {w}-{i}";
                            await server.DataAsync("mutation($n: String!) { createResource(input: { name: $n, kind: OTHER }) { resource { id } } }", new { n = name }, token);
                            created.Add(name);
                        }
                    }
                    catch (Exception) when (stop.IsCancellationRequested)
                    {
                        // The server died under this request: it was never acknowledged.
                    }
                })).ToList();
                while (Volatile.Read(ref next) < Victims / 3) await Task.Delay(5);
                stop.Cancel();
                await server.KillAsync();
                await Task.WhenAll(writers);
            }
            Assert.NotEmpty(deleted);
            Assert.True(deleted.Count < Victims, "the kill came after the stream had ended");

            await using var restarted = await ServerProcess.StartAsync(folder, demoData: false, database);
            foreach (var name in created)
            {
                var found = await restarted.DataAsync("query($t: String) { resources(text: $t, first: 500) { nodes { name } } }", new { t = name });
                Assert.Single(found.GetProperty("resources").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("name").GetString() == name);
            }
            var gone = 0;
            foreach (var (id, ties) in victims)
            {
                var data = await restarted.DataAsync(
                    "query($id: ID!, $ties: [ID!]!) { resource(id: $id) { id relationships { id } } nodes(ids: $ties) { id } }", new { id, ties });
                var resource = data.GetProperty("resource");
                var tiesLeft = data.GetProperty("nodes").EnumerateArray().Count(n => n.ValueKind != JsonValueKind.Null);
                if (resource.ValueKind == JsonValueKind.Null)
                {
                    Assert.Equal(0, tiesLeft); // deleted together
                    gone++;
                }
                else
                {
                    Assert.DoesNotContain(id, deleted); // an acknowledged delete is never undone
                    Assert.Equal(ties.Length, tiesLeft);
                    Assert.Equal(ties.Length, resource.GetProperty("relationships").GetArrayLength());
                }
            }
            Assert.InRange(gone, deleted.Count, deleted.Count + 4); // at most the four in flight went through unacknowledged
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
