namespace ResourceMap.Api.Tests;

/// <summary>No lost updates: a change sent with a version that is no longer current is refused and writes nothing.</summary>
public class VersionTests(DemoApi demo) : IClassFixture<DemoApi>
{
    private static string Code(System.Text.Json.JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Each_change_increases_the_version_and_a_stale_one_is_refused_with_CONFLICT()
    {
        var api = demo.Api;
        var created = (await api.DataAsync("mutation { createResource(input: { name: \"Versiju pulciņš\", kind: INFORMAL_GROUP }) { resource { id version } } }"))
            .GetProperty("createResource").GetProperty("resource");
        var id = created.GetProperty("id").GetString();
        Assert.Equal(1, created.GetProperty("version").GetInt32());

        // Two workers read version 1; the first saves, the second's change must not overwrite it.
        const string rename = "mutation($id: ID!, $v: Int, $name: String) { updateResource(input: { id: $id, version: $v, name: $name }) { resource { name version } } }";
        var first = await api.DataAsync(rename, new { id, v = 1, name = "Pirmā maiņa" });
        Assert.Equal(2, first.GetProperty("updateResource").GetProperty("resource").GetProperty("version").GetInt32());
        var before = await api.SnapshotAsync();
        var second = await api.ExecuteAsync(rename, new { id, v = 1, name = "Otrā maiņa" });
        Assert.Equal("CONFLICT", Code(second));
        Assert.Contains("version 1, now 2", second.GetProperty("errors")[0].GetProperty("message").GetString());
        var deleted = await api.ExecuteAsync("mutation($id: ID!) { deleteResource(input: { id: $id, version: 1 }) { deletedResourceId } }", new { id });
        Assert.Equal("CONFLICT", Code(deleted));
        Assert.Equal(before, await api.SnapshotAsync());

        // With the current version, or none, the change goes through.
        var third = await api.DataAsync(rename, new { id, v = 2, name = "Trešā maiņa" });
        Assert.Equal(3, third.GetProperty("updateResource").GetProperty("resource").GetProperty("version").GetInt32());
        await api.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id, version: 3 }) { deletedResourceId } }", new { id });
    }

    [Fact]
    public async Task Ties_have_versions_too()
    {
        var api = demo.Api;
        var a = await api.ResourceIdAsync("Zosēnu kultūras nams");
        var b = await api.ResourceIdAsync("Cēsu novada dome");
        var tie = (await api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: VENUE }) { relationship { id version } } }", new { a, b }))
            .GetProperty("createRelationship").GetProperty("relationship");
        var id = tie.GetProperty("id").GetString();
        Assert.Equal(1, tie.GetProperty("version").GetInt32());
        await api.DataAsync("mutation($id: ID!) { updateRelationship(input: { id: $id, version: 1, strength: 4 }) { relationship { version } } }", new { id });
        var before = await api.SnapshotAsync();
        Assert.Equal("CONFLICT", Code(await api.ExecuteAsync("mutation($id: ID!) { updateRelationship(input: { id: $id, version: 1, strength: 1 }) { relationship { version } } }", new { id })));
        Assert.Equal("CONFLICT", Code(await api.ExecuteAsync("mutation($id: ID!) { deleteRelationship(input: { id: $id, version: 1 }) { deletedRelationshipId } }", new { id })));
        Assert.Equal(before, await api.SnapshotAsync());
    }

    [Fact]
    public async Task A_change_between_reading_and_writing_is_caught_by_the_save_itself()
    {
        // Two contexts read the same row; the one that saves second must fail, not overwrite.
        var id = ResourceMap.Api.Ids.GlobalId.Decode(await demo.Api.ResourceIdAsync("Zosēnu kultūras nams"), ResourceMap.Api.Ids.GlobalId.Resource, "id");
        await using var first = demo.Api.Factory.CreateDbContext();
        await using var second = demo.Api.Factory.CreateDbContext();
        var one = await first.Resources.FindAsync(id);
        var two = await second.Resources.FindAsync(id);
        one!.Description = "Pirmais";
        await first.SaveChangesAsync();
        two!.Description = "Otrais";
        await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = demo.Api.Factory.CreateDbContext();
        Assert.Equal("Pirmais", (await check.Resources.FindAsync(id))!.Description);
    }

    [Fact]
    public void A_save_refused_by_the_version_check_reaches_the_client_as_CONFLICT()
    {
        var error = new GraphQL.Execution.UnhandledError("Error trying to resolve field 'updateResource'.", new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("stale"));
        var info = new ResourceMap.Api.Errors.ResourceMapErrorInfoProvider(exposeExceptionDetails: false).GetInfo(error);
        Assert.Equal("CONFLICT", info.Extensions!["code"]);
        Assert.DoesNotContain("stale", info.Message);
    }
}
