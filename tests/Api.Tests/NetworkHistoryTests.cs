using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ResourceMap.Api.Tests;

/// <summary>
/// The analysis over time reads the history: deleting a resource or a tie does not rewrite the past, and a tie recorded
/// without a first day counts from the day it was recorded.
/// </summary>
public class NetworkHistoryTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly Yesterday = Today.AddDays(-1);

    [Fact]
    public async Task Deleted_resources_and_ties_stay_in_the_network_of_the_days_before_their_deletion()
    {
        await using var api = await TestApi.StartAsync(demoData: false);
        async Task<string> Create(string name) => (await api.DataAsync("mutation($n: String!) { createResource(input: { name: $n, kind: ASSOCIATION }) { resource { id } } }", new { n = name }))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
        async Task<string> Tie(string a, string b, string? since) => (await api.DataAsync("mutation($a: ID!, $b: ID!, $s: DateOnly) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION, since: $s }) { relationship { id } } }", new { a, b, s = since }))
            .GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString()!;
        var (a, b, c, d) = (await Create("Aiziegusī biedrība"), await Create("Bibliotēka"), await Create("Centrs"), await Create("Dienas centrs"));
        var slip = await Create("Kļūdas pēc ievadīts"); // created and deleted today: never part of any day's network
        // As if 'a' had been mapped three days ago.
        await using (var db = api.Factory.CreateDbContext())
        {
            var key = Ids.GlobalId.Decode(a, Ids.GlobalId.Resource, "id");
            await db.Changes.Where(h => h.Entity == "Resource" && h.EntityId == key).ExecuteUpdateAsync(s => s.SetProperty(h => h.At, DateTimeOffset.UtcNow.AddDays(-3)));
        }
        var ab = await Tie(a, b, "2020-01-01");
        var bc = await Tie(b, c, "2021-06-01");
        var cd = await Tie(c, d, null); // recorded today, no first day given

        await api.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = a }); // takes a–b with it
        await api.DataAsync("mutation($id: ID!) { deleteRelationship(input: { id: $id }) { deletedRelationshipId } }", new { id = bc });
        await api.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = slip });

        const string query = """
            query($day: DateOnly!) { network(scope: { asOf: $day }) { actorCount tieCount actors { resource { id name } } } }
            """;
        var yesterday = (await api.DataAsync(query, new { day = Yesterday.ToString("yyyy-MM-dd") })).GetProperty("network");
        var today = (await api.DataAsync(query, new { day = Today.ToString("yyyy-MM-dd") })).GetProperty("network");

        // Yesterday: a, b, c, d with a–b and b–c (c–d did not exist yet); the deleted resource is named as it was.
        Assert.Equal(4, yesterday.GetProperty("actorCount").GetInt32());
        Assert.Equal(2, yesterday.GetProperty("tieCount").GetInt32());
        Assert.Contains(yesterday.GetProperty("actors").EnumerateArray(), x => x.GetProperty("resource").GetProperty("name").GetString() == "Aiziegusī biedrība");
        // Today: b, c, d with c–d only.
        Assert.Equal(3, today.GetProperty("actorCount").GetInt32());
        Assert.Equal(1, today.GetProperty("tieCount").GetInt32());

        var comparison = (await api.DataAsync("""
            query($from: DateOnly!, $to: DateOnly!) { network { comparison(from: $from, to: $to) { tiesBuilt { id } tiesEnded { id source { name } } } } }
            """, new { from = Yesterday.ToString("yyyy-MM-dd"), to = Today.ToString("yyyy-MM-dd") })).GetProperty("network").GetProperty("comparison");
        Assert.Equal([cd], comparison.GetProperty("tiesBuilt").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(new[] { ab, bc }.Order(), comparison.GetProperty("tiesEnded").EnumerateArray().Select(t => t.GetProperty("id").GetString()).Order());
        Assert.Contains(comparison.GetProperty("tiesEnded").EnumerateArray(), t => t.GetProperty("source").GetProperty("name").GetString() == "Aiziegusī biedrība");

        // Today's own network and the resource itself are as the rows say: the deleted resource is nowhere.
        Assert.Equal(JsonValueKind.Null, (await api.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = a })).GetProperty("node").ValueKind);
    }
}
