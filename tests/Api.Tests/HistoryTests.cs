using System.Text.Json;
using ResourceMap.Api.Access;

namespace ResourceMap.Api.Tests;

/// <summary>Every change records who, when, and the values before and after; history(id) shows it; a change can be undone.</summary>
public class HistoryTests(DemoApi demo) : IClassFixture<DemoApi>
{
    private static readonly Caller Ilze = new("Ilze", Role.Worker, new HashSet<string> { "Cēsu novads" });
    private static readonly Caller DaugavpilsViewer = new("Jānis", Role.Viewer, new HashSet<string> { "Daugavpils" });

    private const string History = "query($id: ID!) { history(id: $id) { id at author action subjectId changedFields before after batch } }";

    [Fact]
    public async Task Each_change_is_recorded_with_its_author_and_values_and_can_be_undone()
    {
        var api = demo.Api;
        var cesis = await demo.AreaIdAsync("Cēsis");
        var id = (await api.DataAsync("mutation($a: ID) { createResource(input: { name: \"Vēstures pulciņš\", kind: INFORMAL_GROUP, areaId: $a, needs: [\"telpa\"] }) { resource { id } } }", new { a = cesis }, Ilze))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString();
        await api.DataAsync("mutation($id: ID!) { updateResource(input: { id: $id, name: \"Vēstures biedrība\", needs: [\"telpa\", \"dators\"] }) { resource { id } } }", new { id }, Ilze);

        var changes = (await api.DataAsync(History, new { id }, Ilze)).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["UPDATED", "CREATED"], changes.Select(c => c.GetProperty("action").GetString()));
        Assert.All(changes, c => Assert.Equal("Ilze", c.GetProperty("author").GetString()));
        Assert.All(changes, c => Assert.Equal(id, c.GetProperty("subjectId").GetString()));
        var update = changes[0];
        Assert.Equal(["Name", "Needs"], update.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).Order());
        Assert.Equal("Vēstures pulciņš", update.GetProperty("before").GetProperty("Name").GetString());
        Assert.Equal("Vēstures biedrība", update.GetProperty("after").GetProperty("Name").GetString());
        Assert.Equal(JsonValueKind.Null, changes[1].GetProperty("before").ValueKind);
        Assert.True(DateTimeOffset.Parse(update.GetProperty("at").GetString()!) > DateTimeOffset.UtcNow.AddMinutes(-5));

        // Undo the update: the old values are back, and the undo is itself in the history.
        var undo = await api.DataAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action author changedFields } }", new { c = update.GetProperty("id").GetString() }, Ilze);
        Assert.Equal(["Name", "Needs"], undo.GetProperty("undoChange").GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).Order());
        var now = (await api.DataAsync("query($id: ID!) { resource(id: $id) { name needs } }", new { id })).GetProperty("resource");
        Assert.Equal("Vēstures pulciņš", now.GetProperty("name").GetString());
        Assert.Equal(["telpa"], now.GetProperty("needs").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(3, (await api.DataAsync(History, new { id }, Ilze)).GetProperty("history").GetArrayLength());

        // Undoing the same update again finds the fields changed since: CONFLICT, nothing written.
        var before = await api.SnapshotAsync();
        var again = await api.ExecuteAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = update.GetProperty("id").GetString() }, Ilze);
        Assert.Equal("CONFLICT", again.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(before, await api.SnapshotAsync());

        // Undo the creation: the resource is gone.
        await api.DataAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = changes[1].GetProperty("id").GetString() }, Ilze);
        Assert.Equal(JsonValueKind.Null, (await api.DataAsync("query($id: ID!) { resource(id: $id) { id } }", new { id })).GetProperty("resource").ValueKind);
        Assert.Equal("DELETED", (await api.DataAsync(History, new { id }, Ilze)).GetProperty("history")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Undoing_a_deletion_restores_the_resource_and_its_ties_under_their_old_ids()
    {
        var api = demo.Api;
        var zoseni = await demo.AreaIdAsync("Zosēnu pagasts");
        async Task<string> Create(string name) => (await api.DataAsync("mutation($n: String!, $a: ID) { createResource(input: { name: $n, kind: ASSOCIATION, areaId: $a }) { resource { id } } }", new { n = name, a = zoseni }, Ilze))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
        async Task<string> Tie(string a, string b) => (await api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION, note: \"kopā\" }) { relationship { id } } }", new { a, b }, Ilze))
            .GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString()!;
        var x = await Create("Atjaunojamā biedrība");
        var (a, b, gone) = (await Create("Kaimiņš A"), await Create("Kaimiņš B"), await Create("Kaimiņš, kas aiziet"));
        var (xa, xb, xGone) = (await Tie(x, a), await Tie(b, x), await Tie(x, gone));
        await api.DataAsync("mutation($id: ID!) { updateResource(input: { id: $id, description: \"Otrā versija\", targetGroups: [\"seniors\"] }) { resource { id } } }", new { id = x }, Ilze);
        const string read = "query($id: ID!) { resource(id: $id) { name description targetGroups version createdAt relationships { id note } } }";
        var original = (await api.DataAsync(read, new { id = x })).GetProperty("resource");

        await api.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = x }, Ilze);
        await api.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = gone }, Ilze);
        var deletion = (await api.DataAsync(History, new { id = x }, Ilze)).GetProperty("history")[0];
        Assert.Equal("DELETED", deletion.GetProperty("action").GetString());

        var undo = await api.DataAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action author } }", new { c = deletion.GetProperty("id").GetString() }, Ilze);
        Assert.Equal("RESTORED", undo.GetProperty("undoChange").GetProperty("action").GetString());

        var restored = (await api.DataAsync(read, new { id = x })).GetProperty("resource");
        Assert.Equal("Atjaunojamā biedrība", restored.GetProperty("name").GetString());
        Assert.Equal("Otrā versija", restored.GetProperty("description").GetString());
        Assert.Equal(["seniors"], restored.GetProperty("targetGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(original.GetProperty("createdAt").GetString(), restored.GetProperty("createdAt").GetString());
        Assert.Equal(original.GetProperty("version").GetInt32() + 1, restored.GetProperty("version").GetInt32());
        // Its ties come back under their ids, with their notes, except the one whose other end was deleted since.
        Assert.Equal(new[] { xa, xb }.Order(), restored.GetProperty("relationships").EnumerateArray().Select(t => t.GetProperty("id").GetString()).Order());
        Assert.All(restored.GetProperty("relationships").EnumerateArray(), t => Assert.Equal("kopā", t.GetProperty("note").GetString()));
        Assert.Equal(JsonValueKind.Null, (await api.DataAsync("query($id: ID!) { relationship(id: $id) { id } }", new { id = xGone })).GetProperty("relationship").ValueKind);
        Assert.Equal("RESTORED", (await api.DataAsync(History, new { id = xa }, Ilze)).GetProperty("history")[0].GetProperty("action").GetString());

        // The same deletion cannot be undone twice; nothing is written.
        var before = await api.SnapshotAsync();
        var again = await api.ExecuteAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = deletion.GetProperty("id").GetString() }, Ilze);
        Assert.Equal("CONFLICT", again.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(before, await api.SnapshotAsync());

        // A tie deleted alone comes back alone; not while an end is missing.
        await api.DataAsync("mutation($id: ID!) { deleteRelationship(input: { id: $id }) { deletedRelationshipId } }", new { id = xa }, Ilze);
        var tieDeletion = (await api.DataAsync(History, new { id = xa }, Ilze)).GetProperty("history")[0].GetProperty("id").GetString();
        await api.DataAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = tieDeletion }, Ilze);
        Assert.Equal(xa, (await api.DataAsync("query($id: ID!) { relationship(id: $id) { id } }", new { id = xa })).GetProperty("relationship").GetProperty("id").GetString());
        var goneTieDeletion = (await api.DataAsync(History, new { id = xGone }, Ilze)).GetProperty("history")[0].GetProperty("id").GetString();
        var refused = await api.ExecuteAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = goneTieDeletion }, Ilze);
        Assert.Equal("CONFLICT", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Deleting_a_resource_records_it_and_its_ties_as_one_batch()
    {
        var api = demo.Api;
        var a = await api.ResourceIdAsync("Zosēnu jaunie talanti");
        var ties = (await api.DataAsync("query($id: ID!) { resource(id: $id) { relationships { id } } }", new { id = a })).GetProperty("resource").GetProperty("relationships").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(ties);
        await api.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = a });
        var deleted = (await api.DataAsync(History, new { id = a })).GetProperty("history")[0];
        Assert.Equal("DELETED", deleted.GetProperty("action").GetString());
        Assert.Equal("test-admin", deleted.GetProperty("author").GetString());
        Assert.Equal("Zosēnu jaunie talanti", deleted.GetProperty("before").GetProperty("Name").GetString());
        foreach (var tie in ties)
        {
            var change = (await api.DataAsync(History, new { id = tie })).GetProperty("history")[0];
            Assert.Equal("DELETED", change.GetProperty("action").GetString());
            Assert.Equal(deleted.GetProperty("batch").GetString(), change.GetProperty("batch").GetString());
        }
    }

    [Fact]
    public async Task History_is_for_signed_in_users_of_the_municipality()
    {
        var id = await demo.Api.ResourceIdAsync("Zosēnu kultūras nams");
        var anonymous = await demo.Api.ExecuteAsync(History, new { id }, Caller.Anonymous);
        Assert.Equal("UNAUTHENTICATED", anonymous.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var elsewhere = await demo.Api.ExecuteAsync(History, new { id }, DaugavpilsViewer);
        Assert.Equal("FORBIDDEN", elsewhere.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        // The demo data was created by the system: no author.
        var created = (await demo.Api.DataAsync(History, new { id }, Ilze)).GetProperty("history").EnumerateArray().Last();
        Assert.Equal("CREATED", created.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("author").ValueKind);
        var undo = await demo.Api.ExecuteAsync("mutation($c: ID!) { undoChange(input: { changeId: $c }) { action } }", new { c = created.GetProperty("id").GetString() }, DaugavpilsViewer);
        Assert.Equal("FORBIDDEN", undo.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
