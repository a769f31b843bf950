namespace ResourceMap.EndToEnd.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task Edits_made_through_mutations_survive_a_restart_of_the_server()
    {
        var folder = ServerProcess.NewDataFolder();
        try
        {
            string zoseniId, councilId, tieId;
            int countBefore;
            await using (var first = await ServerProcess.StartAsync(folder))
            {
                countBefore = (await first.DataAsync("{ resources { totalCount } }")).GetProperty("resources").GetProperty("totalCount").GetInt32();
                zoseniId = await IdOf(first, "Zosēnu kultūras nams");
                councilId = await IdOf(first, "Cēsu novada dome");
                var created = await first.DataAsync("""
                    mutation($a: ID!, $b: ID!) {
                      createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION, strength: 3, since: "2026-11-01", note: "Tikšanās par vietu pie Gaujas" }) { relationship { id } }
                      updateResource(input: { id: $a, needs: ["meeting place", "telpa jauniešiem"] }) { resource { id } }
                    }
                    """, new { a = zoseniId, b = councilId }, await first.TokenAsync("worker", "Cēsu novads"));
                tieId = created.GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString()!;
                await first.DataAsync("mutation { createResource(input: { name: \"Zosēnu jauniešu klubs\", kind: INFORMAL_GROUP }) { resource { id } } }", token: await first.AdminTokenAsync());
                await first.KillAsync(); // no graceful shutdown: acknowledged writes must already be on disk
            }

            await using var second = await ServerProcess.StartAsync(folder);
            var data = await second.DataAsync("""
                query($id: ID!, $tie: ID!) {
                  resource(id: $id) { needs neighbours { name } }
                  relationship(id: $tie) { note since }
                  resources(text: "jauniesu klubs") { totalCount }
                }
                """, new { id = zoseniId, tie = tieId });
            Assert.Equal(["meeting place", "telpa jauniešiem"], data.GetProperty("resource").GetProperty("needs").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("Cēsu novada dome", data.GetProperty("resource").GetProperty("neighbours").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
            Assert.Equal("Tikšanās par vietu pie Gaujas", data.GetProperty("relationship").GetProperty("note").GetString());
            Assert.Equal("2026-11-01", data.GetProperty("relationship").GetProperty("since").GetString());
            Assert.Equal(1, data.GetProperty("resources").GetProperty("totalCount").GetInt32());
            // The demo data was not loaded a second time over the edited network.
            Assert.Equal(countBefore + 1, (await second.DataAsync("{ resources { totalCount } }")).GetProperty("resources").GetProperty("totalCount").GetInt32());
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<string> IdOf(ServerProcess server, string name)
    {
        var data = await server.DataAsync("query($t: String) { resources(text: $t) { nodes { id name } } }", new { t = name });
        return data.GetProperty("resources").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }
}
