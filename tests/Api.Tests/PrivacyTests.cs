using System.Text.Json;
using ResourceMap.Api.Access;

namespace ResourceMap.Api.Tests;

/// <summary>
/// Sensitive resources and persons' contacts: insiders (admins, the viewers and workers of the municipality) see them;
/// anyone else finds a sensitive resource through no list, search, tie, neighbour or network analysis, and counts it only
/// in an area's resourceCount.
/// </summary>
public class PrivacyTests(DemoApi demo) : IClassFixture<DemoApi>
{
    private static readonly Caller Anonymous = Caller.Anonymous;
    private static readonly Caller CesisViewer = new("viewer", Role.Viewer, new HashSet<string> { "Cēsu novads" });
    private static readonly Caller ZoseniWorker = new("parish worker", Role.Worker, new HashSet<string> { "Zosēnu pagasts" });
    private static readonly Caller DaugavpilsWorker = new("city worker", Role.Worker, new HashSet<string> { "Daugavpils" });

    public static readonly TheoryData<string, bool> Callers = new()
    {
        { "anonymous", false }, { "viewer of Cēsu novads", true }, { "worker of Zosēnu pagasts", true }, { "worker of Daugavpils", false }, { "admin", true },
    };

    private static Caller Named(string name) => name switch
    {
        "anonymous" => Anonymous,
        "viewer of Cēsu novads" => CesisViewer,
        "worker of Zosēnu pagasts" => ZoseniWorker,
        "worker of Daugavpils" => DaugavpilsWorker,
        _ => TestApi.Admin,
    };

    /// <summary>A public resource and a sensitive one in Zosēni, tied; made by an admin with a name unique to the test.</summary>
    private async Task<(string Area, string Public, string Sensitive, string Tie)> PairAsync(string label)
    {
        var zoseni = await demo.AreaIdAsync("Zosēnu pagasts");
        var open = await CreateAsync($"Atklāts {label}", "ASSOCIATION", zoseni, sensitive: false);
        var hidden = await CreateAsync($"Slēpts {label}", "INFORMAL_GROUP", zoseni, sensitive: true);
        var tie = (await demo.Api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION }) { relationship { id } } }", new { a = open, b = hidden }))
            .GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString()!;
        return (zoseni, open, hidden, tie);
    }

    private async Task<string> CreateAsync(string name, string kind, string area, bool sensitive, string extra = "") =>
        (await demo.Api.DataAsync($$"""
            mutation($name: String!, $area: ID, $sensitive: Boolean) {
              createResource(input: { name: $name, kind: {{kind}}, areaId: $area, sensitive: $sensitive, latitude: 57.21, longitude: 25.94,
                                      description: "Ģimenes, kas lūdz palīdzību", needs: ["atelpas brīdis"]{{extra}} }) { resource { id } }
            }
            """, new { name, area, sensitive })).GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task A_sensitive_resource_is_read_only_by_insiders(string who, bool insider)
    {
        var caller = Named(who);
        var (area, open, hidden, tie) = await PairAsync(who);
        var data = await demo.Api.DataAsync("""
            query($open: ID!, $hidden: ID!, $tie: ID!, $area: ID!, $name: String!) {
              node(id: $hidden) { id }
              resource(id: $hidden) { name description needs latitude }
              nodes(ids: [$hidden]) { id }
              relationship(id: $tie) { id }
              byName: resources(where: { name: { contains: $name } }) { totalCount nodes { id } }
              byText: resources(text: "Slēpts") { nodes { id } }
              nearby: resources(near: { latitude: 57.21, longitude: 25.94, maxDistanceMeters: 10 }) { nodes { id } }
              nearest: resources(nearest: { latitude: 57.21, longitude: 25.94, count: 50 }) { nodes { id } }
              inArea: resources(areaId: $area, first: 500) { nodes { id } }
              open: resource(id: $open) { relationships { id } neighbours { id } }
              relationships(first: 500) { nodes { id } }
              network(scope: { areaId: $area }) { actorCount actors { resource { id } } }
              area: node(id: $area) { ... on Area { resourceCount } }
            }
            """, new { open, hidden, tie, area, name = $"Slēpts {who}" }, caller);

        var seen = insider ? 1 : 0;
        Assert.Equal(insider, data.GetProperty("node").ValueKind == JsonValueKind.Object);
        Assert.Equal(insider, data.GetProperty("resource").ValueKind == JsonValueKind.Object);
        Assert.Equal(insider, data.GetProperty("nodes")[0].ValueKind == JsonValueKind.Object);
        Assert.Equal(insider, data.GetProperty("relationship").ValueKind == JsonValueKind.Object);
        Assert.Equal(seen, data.GetProperty("byName").GetProperty("totalCount").GetInt32());
        foreach (var list in new[] { "byName", "byText", "nearby", "nearest", "inArea", "relationships" })
            Assert.Equal(seen, Ids(data.GetProperty(list)).Count(id => id == hidden || id == tie));
        Assert.Equal(seen, data.GetProperty("open").GetProperty("relationships").GetArrayLength());
        Assert.Equal(seen, data.GetProperty("open").GetProperty("neighbours").GetArrayLength());
        var actors = data.GetProperty("network").GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("resource").GetProperty("id").GetString()).ToList();
        Assert.Equal(seen, actors.Count(id => id == hidden));
        Assert.Contains(open, actors);
        if (insider) Assert.Equal("Ģimenes, kas lūdz palīdzību", data.GetProperty("resource").GetProperty("description").GetString());

        // The count is the same for everyone: it is where a sensitive resource appears to those who may not see it.
        var asAdmin = await demo.Api.DataAsync(
            "query($area: ID!) { node(id: $area) { ... on Area { resourceCount } } resources(areaId: $area, first: 500) { nodes { id sensitive } } }", new { area });
        Assert.Equal(asAdmin.GetProperty("node").GetProperty("resourceCount").GetInt32(), data.GetProperty("area").GetProperty("resourceCount").GetInt32());
        var all = asAdmin.GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Contains(all, r => r.GetProperty("sensitive").GetBoolean());
        var expected = all.Where(r => insider || !r.GetProperty("sensitive").GetBoolean()).Select(r => r.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(expected, Ids(data.GetProperty("inArea")).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task A_persons_address_and_contacts_are_read_only_by_insiders(string who, bool insider)
    {
        var zoseni = await demo.AreaIdAsync("Zosēnu pagasts");
        var volunteer = await CreateAsync($"Brīvprātīgā {who}", "VOLUNTEER", zoseni, sensitive: false,
            extra: ", address: \"Zosēni, Mežmalas\", contact: { email: \"anna@example.lv\", phone: \"+371 20000000\" }");
        var association = await CreateAsync($"Biedrība {who}", "ASSOCIATION", zoseni, sensitive: false,
            extra: ", address: \"Zosēni, Skolas iela 1\", contact: { email: \"info@example.lv\" }");
        var data = await demo.Api.DataAsync("""
            query($v: ID!, $a: ID!) {
              volunteer: resource(id: $v) { name address contact { email phone } }
              association: resource(id: $a) { address contact { email } }
            }
            """, new { v = volunteer, a = association }, Named(who));

        var person = data.GetProperty("volunteer");
        Assert.Equal($"Brīvprātīgā {who}", person.GetProperty("name").GetString()); // a name is not a contact
        Assert.Equal(insider ? "Zosēni, Mežmalas" : null, person.GetProperty("address").GetString());
        if (insider) Assert.Equal("+371 20000000", person.GetProperty("contact").GetProperty("phone").GetString());
        else Assert.Equal(JsonValueKind.Null, person.GetProperty("contact").ValueKind);
        // An organisation's contacts are public.
        Assert.Equal("info@example.lv", data.GetProperty("association").GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("Zosēni, Skolas iela 1", data.GetProperty("association").GetProperty("address").GetString());
    }

    [Fact]
    public async Task Deleting_a_resource_deletes_its_ties_to_sensitive_resources_its_worker_cannot_see()
    {
        var (_, _, hidden, _) = await PairAsync("across the border");
        var daugavpils = await demo.AreaIdAsync("Daugavpils");
        var own = await CreateAsync("Daugavpils biedrība ar slēptu saiti", "ASSOCIATION", daugavpils, sensitive: false);
        var tie = (await demo.Api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: REFERRAL }) { relationship { id } } }", new { a = own, b = hidden }))
            .GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString();
        Assert.Equal(0, (await demo.Api.DataAsync("query($id: ID!) { resource(id: $id) { relationships { id } } }", new { id = own }, DaugavpilsWorker))
            .GetProperty("resource").GetProperty("relationships").GetArrayLength());

        await demo.Api.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = own }, DaugavpilsWorker);

        var after = await demo.Api.DataAsync("query($tie: ID!, $hidden: ID!) { relationship(id: $tie) { id } resource(id: $hidden) { relationships { id } } }", new { tie, hidden });
        Assert.Equal(JsonValueKind.Null, after.GetProperty("relationship").ValueKind);
        Assert.DoesNotContain(after.GetProperty("resource").GetProperty("relationships").EnumerateArray(), t => t.GetProperty("id").GetString() == tie);
    }

    [Fact]
    public async Task A_worker_marks_a_resource_sensitive_and_outsiders_lose_it()
    {
        var zoseni = await demo.AreaIdAsync("Zosēnu pagasts");
        var group = await CreateAsync("Atbalsta grupa, kas kļūst slēpta", "INFORMAL_GROUP", zoseni, sensitive: false);
        const string read = "query($id: ID!) { resource(id: $id) { id sensitive } }";
        Assert.False((await demo.Api.DataAsync(read, new { id = group }, Anonymous)).GetProperty("resource").GetProperty("sensitive").GetBoolean());

        await demo.Api.DataAsync("mutation($id: ID!) { updateResource(input: { id: $id, sensitive: true }) { resource { sensitive } } }", new { id = group }, ZoseniWorker);

        Assert.Equal(JsonValueKind.Null, (await demo.Api.DataAsync(read, new { id = group }, Anonymous)).GetProperty("resource").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await demo.Api.DataAsync(read, new { id = group }, DaugavpilsWorker)).GetProperty("resource").ValueKind);
        Assert.True((await demo.Api.DataAsync(read, new { id = group }, CesisViewer)).GetProperty("resource").GetProperty("sensitive").GetBoolean());
        // An outsider cannot change what they cannot see: it is not found, not merely forbidden.
        var refused = await demo.Api.ExecuteAsync("mutation($id: ID!) { updateResource(input: { id: $id, name: \"X\" }) { resource { id } } }", new { id = group }, DaugavpilsWorker);
        Assert.Equal("NOT_FOUND", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_demos_group_of_families_of_children_with_disabilities_is_Daugavpils_own()
    {
        const string query = "{ resources(text: \"WhatsApp\") { nodes { name sensitive } } }";
        var daugavpilsViewer = new Caller("city viewer", Role.Viewer, new HashSet<string> { "Daugavpils" });
        var insiders = (await demo.Api.DataAsync(query, caller: daugavpilsViewer)).GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Contains(insiders, r => r.GetProperty("name").GetString() == "Bērnu ar invaliditāti ģimeņu WhatsApp grupa" && r.GetProperty("sensitive").GetBoolean());
        foreach (var outsider in new[] { Anonymous, CesisViewer })
            Assert.DoesNotContain((await demo.Api.DataAsync(query, caller: outsider)).GetProperty("resources").GetProperty("nodes").EnumerateArray(),
                r => r.GetProperty("name").GetString()!.Contains("invaliditāti"));
    }

    private static IEnumerable<string?> Ids(JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString());
}
