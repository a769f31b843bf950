using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using nietras.SeparatedValues;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// The HSDS 3.0 API as a directory reads it: every record the real server writes is validated with JsonSchema.Net
/// against Open Referral's own schemas (../shared/standards/hsds-3.0, formats asserted), and its pages, filters and
/// privacy are compared with what the GraphQL API answers the same caller.
/// </summary>
public sealed class HsdsTests(DemoServer demo) : IClassFixture<DemoServer>
{
    private static readonly string Folder = new[]
    {
        typeof(HsdsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HsdsFolder").Value!,
        "/work/shared/standards/hsds-3.0",
    }.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists) ?? throw new DirectoryNotFoundException("The HSDS 3.0 schemas (shared/standards/hsds-3.0) are not beside the project.");

    private static readonly Dictionary<string, JsonSchema> Schemas = LoadSchemas();

    /// <summary>
    /// Every schema of the folder, built into one registry so that their relative <c>$ref</c>s resolve; as draft 2020-12,
    /// which keeps the specification's own keywords (name, core, constraints, …) as annotations. The API's page comes
    /// from its OpenAPI document.
    /// </summary>
    private static Dictionary<string, JsonSchema> LoadSchemas()
    {
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        var schemas = Directory.GetFiles(Path.Combine(Folder, "schema"), "*.json").Where(f => !f.EndsWith("openapi.json", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => JsonSchema.FromFile(f, build));
        var openApi = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "schema", "openapi.json")))!;
        schemas["Page"] = JsonSchema.FromText(openApi["components"]!["schemas"]!["Page"]!.ToJsonString(), build);
        return schemas;
    }

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static void AssertValid(string schema, JsonNode record, string where)
    {
        var result = Schemas[schema].Evaluate(JsonDocument.Parse(record.ToJsonString()).RootElement, Options);
        Assert.True(result.IsValid, $"{where} is not a valid HSDS {schema}: " + string.Join("; ",
            (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    private async Task<JsonNode> GetAsync(string url, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await demo.Server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<JsonArray> ContentsAsync(string url, string schema, string? token = null)
    {
        var page = await GetAsync(url, token);
        AssertValid("Page", page, url);
        var contents = page["contents"]!.AsArray();
        Assert.Equal(page["size"]!.GetValue<int>(), contents.Count);
        Assert.True(contents.Count <= page["total_items"]!.GetValue<int>());
        foreach (var record in contents) AssertValid(schema, record!, $"{url} {record!["id"]}");
        return contents;
    }

    [Fact]
    public async Task Every_record_of_every_list_and_of_each_detail_validates_against_the_hsds_schemas()
    {
        var root = await GetAsync("/hsds/");
        Assert.Equal("3.0", root["version"]!.GetValue<string>());

        var organizations = await ContentsAsync("/hsds/organizations?per_page=500", "organization");
        Assert.Equal(organizations.Count, (await GetAsync("/hsds/organizations?per_page=1"))["total_items"]!.GetValue<int>());
        var services = await ContentsAsync("/hsds/services?per_page=500", "service");
        var located = await ContentsAsync("/hsds/service_at_locations?per_page=500", "service_at_location");
        var taxonomies = await ContentsAsync("/hsds/taxonomies", "taxonomy");
        var terms = await ContentsAsync("/hsds/taxonomy_terms?per_page=500", "taxonomy_term");

        // One organization and one service per resource an anonymous caller may read; a located service per placed one.
        var resources = (await demo.Server.DataAsync("{ resources(first: 500) { nodes { id name latitude kind } } }")).GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(resources.Count, organizations.Count);
        Assert.Equal(resources.Count, services.Count);
        Assert.Equal(resources.Select(r => r.GetProperty("name").GetString()).Order(StringComparer.Ordinal), organizations.Select(o => o!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var placed = resources.Count(r => r.GetProperty("latitude").ValueKind == JsonValueKind.Number && r.GetProperty("kind").GetString() is not ("VOLUNTEER" or "COMMUNITY_LEADER"));
        Assert.Equal(placed, located.Count);
        Assert.Single(taxonomies);
        Assert.Contains(terms, t => t!["code"]!.GetValue<string>() == "target_group:seniors");

        // The details: the same records, a service with its organization nested.
        var service = services[0]!;
        var detail = await GetAsync($"/hsds/services/{service["id"]}");
        AssertValid("service", detail, "a service's detail");
        Assert.Equal(service["organization_id"]!.GetValue<string>(), detail["organization"]!["id"]!.GetValue<string>());
        AssertValid("organization", await GetAsync($"/hsds/organizations/{organizations[0]!["id"]}"), "an organization's detail");
        AssertValid("service_at_location", await GetAsync($"/hsds/service_at_locations/{located[0]!["id"]}"), "a service at a location");
        AssertValid("taxonomy_term", await GetAsync($"/hsds/taxonomy_terms/{terms[0]!["id"]}"), "a term");
        AssertValid("taxonomy", await GetAsync($"/hsds/taxonomies/{taxonomies[0]!["id"]}"), "the taxonomy");
    }

    [Fact]
    public async Task Pages_and_the_specification_s_filters_answer_as_the_graphql_api_does()
    {
        var all = (await GetAsync("/hsds/organizations?per_page=500"))["total_items"]!.GetValue<int>();
        var second = await GetAsync("/hsds/organizations?per_page=10&page=2");
        Assert.Equal((10, 2, (all + 9) / 10, false, false), (second["size"]!.GetValue<int>(), second["page_number"]!.GetValue<int>(),
            second["total_pages"]!.GetValue<int>(), second["first_page"]!.GetValue<bool>(), second["last_page"]!.GetValue<bool>()));
        var last = await GetAsync($"/hsds/organizations?per_page=10&page={(all + 9) / 10}");
        Assert.Equal((all % 10 == 0 ? 10 : all % 10, true), (last["size"]!.GetValue<int>(), last["last_page"]!.GetValue<bool>()));

        // search, accents and case aside, as the GraphQL search finds the seniors' association of Križi.
        var found = await ContentsAsync("/hsds/services?search=draudziba", "service");
        Assert.Equal("Senioru biedrība \"Draudzība-K\"", Assert.Single(found)!["name"]!.GetValue<string>());

        // taxonomy_term_id: the services for seniors are the resources that list the group.
        var seniors = (await ContentsAsync("/hsds/taxonomy_terms?per_page=500", "taxonomy_term")).Single(t => t!["code"]!.GetValue<string>() == "target_group:seniors")!;
        var forSeniors = await ContentsAsync($"/hsds/services?per_page=500&taxonomy_term_id={seniors["id"]}", "service");
        var listing = (await demo.Server.DataAsync("{ resources(first: 500) { nodes { name targetGroups } } }")).GetProperty("resources").GetProperty("nodes").EnumerateArray()
            .Where(r => r.GetProperty("targetGroups").EnumerateArray().Any(g => g.GetString() == "seniors")).Select(r => r.GetProperty("name").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(listing, forSeniors.Select(s => s!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        // organization_id: its one service; modified_after: the demo was written today.
        var organization = (await ContentsAsync("/hsds/organizations?per_page=1", "organization"))[0]!;
        Assert.Equal(organization["id"]!.GetValue<string>(), Assert.Single(await ContentsAsync($"/hsds/services?organization_id={organization["id"]}", "service"))!["organization_id"]!.GetValue<string>());
        Assert.Empty(await ContentsAsync($"/hsds/services?modified_after={DateTime.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}", "service"));
        Assert.Equal(all, (await ContentsAsync("/hsds/services?per_page=500&modified_after=2000-01-01T00:00:00Z", "service")).Count);

        // Top-level terms are the two families; their children name them as parent.
        var top = await ContentsAsync("/hsds/taxonomy_terms?top_only=true", "taxonomy_term");
        Assert.Equal(["kind", "target_group"], top.Select(t => t!["code"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var kinds = await ContentsAsync($"/hsds/taxonomy_terms?per_page=500&parent_id={top.Single(t => t!["code"]!.GetValue<string>() == "kind")!["id"]}", "taxonomy_term");
        Assert.Contains(kinds, k => k!["code"]!.GetValue<string>() == "kind:DAY_CENTRE");
    }

    /// <summary>
    /// The specification's postcode and proximity, on a server of its own with hand-placed resources in the demo's
    /// Priekuļi parish (a 5 km square round 57.3150, 25.3560), 2 km and more from the demo's own: two addresses with
    /// LV-4126 place the postcode's centre at their mean, (57.2990, 25.3850); distances are checked by the haversine
    /// formula here, and the postcode alone keeps the services whose area holds the centre, as GraphQL's areas say.
    /// </summary>
    [Fact]
    public async Task Postcode_and_proximity_select_services_by_the_postcode_s_centre()
    {
        await using var server = await ServerProcess.StartAsync();
        var admin = await server.AdminTokenAsync();
        var areas = (await server.DataAsync("{ areas(first: 100) { nodes { id name } } }", token: admin)).GetProperty("areas").GetProperty("nodes").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("id").GetString()!);
        async Task Add(string name, double lat, double lon, string? address, string? area) =>
            await server.DataAsync("mutation($i: CreateResourceInput!) { createResource(input: $i) { resource { id } } }",
                new { i = new { name, kind = "OTHER", latitude = lat, longitude = lon, address, areaId = area } }, admin);
        await Add("Pasta nodaļa Priekuļos", 57.2985, 25.3840, "Mazā iela 1, Priekuļi, LV-4126", null);
        await Add("Veselības punkts Priekuļos", 57.2995, 25.3860, "Mazā iela 9, Priekuļi, LV-4126", null);
        await Add("Dārzkopju biedrība", 57.2990, 25.3930, "Dārza iela 3, Priekuļi", null);
        await Add("Priekuļu mednieku klubs", 57.3300, 25.3200, null, areas["Priekuļu pagasts"]);
        await Add("Zosēnu mednieki", 57.2991, 25.3851, null, areas["Zosēnu pagasts"]);

        static double Haversine(double lat1, double lon1, double lat2, double lon2)
        {
            double Rad(double d) => d * Math.PI / 180;
            var h = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
            return 2 * 6_371_008.8 * Math.Asin(Math.Sqrt(h));
        }
        // The expectations below rest on these distances from the centre.
        Assert.InRange(Haversine(57.2990, 25.3850, 57.2985, 25.3840), 70, 90);
        Assert.InRange(Haversine(57.2990, 25.3850, 57.2990, 25.3930), 450, 500);
        Assert.InRange(Haversine(57.2990, 25.3850, 57.3150, 25.3560), 2_000, 3_000);

        async Task<(HttpStatusCode Status, JsonNode Body)> Get(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", admin);
            using var response = await server.Client.SendAsync(request);
            return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }
        async Task<string[]> Names(string url)
        {
            var (status, page) = await Get(url);
            Assert.True(status == HttpStatusCode.OK, $"{url}: {page}");
            AssertValid("Page", page, url);
            return [.. page["contents"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["Pasta nodaļa Priekuļos", "Veselības punkts Priekuļos", "Zosēnu mednieki"],
            await Names("/hsds/organizations?postcode=LV-4126&proximity=300&per_page=500"));
        Assert.Equal(["Dārzkopju biedrība", "Pasta nodaļa Priekuļos", "Veselības punkts Priekuļos", "Zosēnu mednieki"],
            await Names("/hsds/services?postcode=lv4126&proximity=600&per_page=500"));

        // Without proximity: the services whose area holds the centre (Priekuļu pagasts and Cēsu novads), and those with
        // no area whose own address has the postcode.
        var holding = (await server.DataAsync("{ resources(first: 500) { nodes { name area { name } } } }", token: admin))
            .GetProperty("resources").GetProperty("nodes").EnumerateArray()
            .Where(r => r.GetProperty("area").ValueKind == JsonValueKind.Object && r.GetProperty("area").GetProperty("name").GetString() is "Priekuļu pagasts" or "Cēsu novads")
            .Select(r => r.GetProperty("name").GetString()!)
            .Concat(["Pasta nodaļa Priekuļos", "Veselības punkts Priekuļos"])
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Contains("Priekuļu mednieku klubs", holding);
        Assert.Contains("Priekuļu bibliotēka", holding);
        Assert.Equal(holding, await Names("/hsds/organizations?postcode=LV-4126&per_page=500"));

        foreach (var url in new[] { "/hsds/services?postcode=4126x", "/hsds/services?postcode=LV-4126&proximity=-1", "/hsds/services?proximity=100",
                     "/hsds/services?postcode=LV-9999&proximity=100" })
        {
            var (status, body) = await Get(url);
            Assert.True(status == HttpStatusCode.BadRequest, $"{url}: {(int)status} {body}");
            Assert.Equal("BAD_USER_INPUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Anonymous_readers_get_no_sensitive_resource_and_no_person_s_contact_and_bad_requests_say_why()
    {
        var admin = await demo.Server.AdminTokenAsync();
        var everything = (await demo.Server.DataAsync("{ resources(first: 500) { nodes { name sensitive kind contact { phone email } } } }", token: admin))
            .GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
        var open = (await ContentsAsync("/hsds/organizations?per_page=500", "organization")).ToJsonString();
        var full = await ContentsAsync("/hsds/organizations?per_page=500", "organization", admin);
        Assert.Equal(everything.Count, full.Count);
        foreach (var r in everything.Where(r => r.GetProperty("sensitive").GetBoolean())) Assert.DoesNotContain(r.GetProperty("name").GetString()!, open);
        foreach (var r in everything.Where(r => r.GetProperty("kind").GetString() is "VOLUNTEER" or "COMMUNITY_LEADER" && r.GetProperty("contact").ValueKind == JsonValueKind.Object))
            foreach (var value in new[] { r.GetProperty("contact").GetProperty("phone"), r.GetProperty("contact").GetProperty("email") }.Where(v => v.ValueKind == JsonValueKind.String))
                Assert.DoesNotContain(value.GetString()!, open);

        foreach (var (url, status, code) in new[] { ("/hsds/organizations?per_page=0", 400, "BAD_USER_INPUT"), ("/hsds/services?modified_after=vakar", 400, "BAD_USER_INPUT"),
                     ("/hsds/services?postcode=LV-1050&proximity=1000", 400, "BAD_USER_INPUT"), ("/hsds/organizations/00000000-0000-0000-0000-000000000000", 404, "NOT_FOUND") })
        {
            using var response = await demo.Server.Client.GetAsync(url);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(code, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task The_tabular_export_has_the_specification_s_tables_and_columns_and_every_row_validates()
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await demo.Server.Client.GetByteArrayAsync("/export/hsds.zip")));
        string Text(string name) => new StreamReader(zip.GetEntry(name)!.Open()).ReadToEnd();
        var package = JsonNode.Parse(Text("datapackage.json"))!;
        var ours = package["resources"]!.AsArray().Select(r => r!["path"]!.GetValue<string>()).ToList();
        Assert.Equal(zip.Entries.Select(e => e.FullName).Where(n => n != "datapackage.json").Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));

        // The specification's own data package says which columns each of its tables has, and of what type.
        var specification = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "datapackage.json")))!["resources"]!.AsArray()
            .ToDictionary(r => r!["path"]!.GetValue<string>(), r => r!["schema"]!["fields"]!.AsArray().Select(f => (Name: f!["name"]!.GetValue<string>(), Type: f["type"]!.GetValue<string>())).ToList());
        var tables = new Dictionary<string, List<JsonObject>>();
        foreach (var path in ours)
        {
            using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(Text(path));
            var header = reader.Header.ColNames.ToList();
            if (path.StartsWith("resourcemap_", StringComparison.Ordinal)) Assert.DoesNotContain(path, specification.Keys); // our extension, beside HSDS's tables
            else Assert.Equal(specification[path].Select(f => f.Name), header);
            var types = specification.GetValueOrDefault(path)?.ToDictionary(f => f.Name, f => f.Type) ?? [];
            var rows = new List<JsonObject>();
            foreach (var row in reader)
            {
                var record = new JsonObject();
                foreach (var column in header)
                {
                    var cell = row[column].ToString();
                    if (cell.Length == 0) continue;
                    record[column] = types.GetValueOrDefault(column) switch
                    {
                        "number" or "integer" => JsonValue.Create(double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture)),
                        "boolean" => JsonValue.Create(bool.Parse(cell)),
                        _ => JsonValue.Create(cell),
                    };
                }
                rows.Add(record);
            }
            tables[path] = rows;
        }
        foreach (var (path, schema) in new[] { ("organizations.csv", "organization"), ("services.csv", "service"), ("locations.csv", "location"), ("service_at_location.csv", "service_at_location"),
                     ("addresses.csv", "address"), ("languages.csv", "language"), ("service_areas.csv", "service_area"), ("attributes.csv", "attribute"), ("taxonomies.csv", "taxonomy"),
                     ("taxonomy_terms.csv", "taxonomy_term") })
            foreach (var record in tables[path]) AssertValid(schema, record, $"{path} {record["id"]}");

        // Every reference lands on a row of its table.
        HashSet<string> Ids(string path) => tables[path].Select(r => r["id"]!.GetValue<string>()).ToHashSet();
        void References(string path, string column, string target) =>
            Assert.All(tables[path].Where(r => r[column] is not null), r => Assert.Contains(r[column]!.GetValue<string>(), Ids(target)));
        References("services.csv", "organization_id", "organizations.csv");
        References("locations.csv", "organization_id", "organizations.csv");
        References("service_at_location.csv", "service_id", "services.csv");
        References("service_at_location.csv", "location_id", "locations.csv");
        References("attributes.csv", "link_id", "services.csv");
        References("attributes.csv", "taxonomy_term_id", "taxonomy_terms.csv");
        References("resourcemap_relationships.csv", "source_organization_id", "organizations.csv");
        References("resourcemap_relationships.csv", "target_organization_id", "organizations.csv");
        var ties = (await demo.Server.DataAsync("{ relationships(first: 500) { nodes { id } } }")).GetProperty("relationships").GetProperty("nodes").GetArrayLength();
        Assert.Equal(ties, tables["resourcemap_relationships.csv"].Count);
    }

    [Fact]
    public async Task The_json_export_holds_every_organization_in_full_and_the_ties_beside_them()
    {
        var file = JsonNode.Parse(await demo.Server.Client.GetStringAsync("/export/hsds.json"))!;
        var organizations = file["organizations"]!.AsArray();
        foreach (var organization in organizations) AssertValid("organization", organization!, $"hsds.json organization {organization!["id"]}");
        foreach (var term in file["taxonomy_terms"]!.AsArray()) AssertValid("taxonomy_term", term!, "hsds.json term");
        AssertValid("taxonomy", file["taxonomies"]![0]!, "hsds.json taxonomy");
        Assert.Equal((await GetAsync("/hsds/organizations?per_page=1"))["total_items"]!.GetValue<int>(), organizations.Count);
        var ties = (await demo.Server.DataAsync("{ relationships(first: 500) { nodes { id } } }")).GetProperty("relationships").GetProperty("nodes").GetArrayLength();
        Assert.Equal(ties, file["resourcemap:relationships"]!.AsArray().Count);
    }
}

/// <summary>
/// HSDS files imported through the one all-or-nothing import, by the import command, and read back through the HSDS
/// API: the specification's own example, and our export of the demo into an empty database.
/// </summary>
public sealed class HsdsImportTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-hsds-import-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private static string Example(string name) => Path.Combine(Path.GetDirectoryName(typeof(HsdsImportTests).Assembly.Location)!, "..", "..", "..", "..", "..", "..", "shared", "standards", "hsds-3.0", "examples", name) is var relative && File.Exists(relative)
        ? relative : Path.Combine("/work/shared/standards/hsds-3.0/examples", name);

    private Task<(int Exit, string Output, string Error)> ImportAsync(string file, string data, params string[] options) =>
        Processes.RunAsync("dotnet", [ServerProcess.ServerAssembly, "import", file, .. options, "--Database:DataFolder", data, "--Database:DemoData=false"], _folder);

    [Fact]
    public async Task The_specification_s_example_organization_imports_and_comes_back_with_its_id_and_fields()
    {
        var original = JsonNode.Parse(await File.ReadAllTextAsync(Example("organization_full.json")))!.AsObject();
        var data = Path.Combine(_folder, "example");

        // As published, its location is at latitude 100, on no map: refused where it is, nothing written.
        var (exit, output, error) = await ImportAsync(Example("organization_full.json"), data);
        Assert.Equal(2, exit);
        Assert.Contains("organizations, row 1, column location.latitude", error);

        // Placed in Rīga instead, it imports; importing it again changes nothing.
        var placed = (JsonObject)original.DeepClone();
        placed["locations"]![0]!["latitude"] = 56.9496;
        placed["locations"]![0]!["longitude"] = 24.1052;
        var file = Path.Combine(_folder, "organization_riga.json");
        await File.WriteAllTextAsync(file, placed.ToJsonString());
        (exit, output, error) = await ImportAsync(file, data);
        Assert.True(exit == 0, error);
        Assert.Contains("1 created", output);
        (exit, output, error) = await ImportAsync(file, data);
        Assert.True(exit == 0, error);
        Assert.Contains("0 created, 0 updated, 1 unchanged", output);

        await using var server = await ServerProcess.StartAsync(data, demoData: false);
        var id = original["id"]!.GetValue<string>();
        using var response = await server.Client.GetAsync($"/hsds/organizations/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var back = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        foreach (var field in new[] { "id", "name", "description", "email", "website" })
            Assert.Equal(original[field]!.GetValue<string>(), back[field]!.GetValue<string>());
        // The example writes its number in quotes ("\"+44 1234 234567\""); they are taken off.
        Assert.Equal(original["phones"]![0]!["number"]!.GetValue<string>().Trim('"'), back["phones"]![0]!["number"]!.GetValue<string>());
        Assert.Equal((56.9496, 24.1052), (back["locations"]![0]!["latitude"]!.GetValue<double>(), back["locations"]![0]!["longitude"]!.GetValue<double>()));
        var languages = original["services"]![0]!["languages"]!.AsArray().Select(l => l!["code"]?.GetValue<string>()).OfType<string>();
        Assert.Equal(languages.Order(), back["services"]![0]!["languages"]!.AsArray().Select(l => l!["code"]!.GetValue<string>()).Order());
    }

    [Theory]
    [InlineData("organization_full.json")]
    [InlineData("organization_list.json")]
    [InlineData("service_full.json")]
    [InlineData("service_list.json")]
    [InlineData("service_at_location_full.json")]
    [InlineData("service_at_location_list.json")]
    public async Task Each_example_of_the_specification_imports_or_is_refused_only_for_its_location_at_latitude_100(string example)
    {
        var (exit, output, error) = await ImportAsync(Example(example), Path.Combine(_folder, "examples"), "--dry-run");
        if (exit == 0) Assert.Contains("organizations: 1 created", output);
        else Assert.Equal(["organizations, row 1, column location.latitude: location: latitude must be a finite number from -90 to 90, not 100."],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1));
    }

    [Fact]
    public async Task The_specification_s_tabular_example_imports_and_its_organization_comes_back_as_it_was()
    {
        var zip = Path.Combine(_folder, "example.zip");
        var csv = Path.GetDirectoryName(Example(Path.Combine("csv", "organizations.csv")))!;
        System.IO.Compression.ZipFile.CreateFromDirectory(csv, zip);
        var data = Path.Combine(_folder, "tabular");
        var (exit, output, error) = await ImportAsync(zip, data);
        Assert.True(exit == 0, error);

        var original = new Dictionary<string, string>();
        using (var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(Path.Combine(csv, "organizations.csv")))
            foreach (var row in reader)
                foreach (var field in new[] { "id", "name", "description", "email", "website" }) original[field] = row[field].ToString();
        await using var server = await ServerProcess.StartAsync(data, demoData: false);
        var back = JsonNode.Parse(await server.Client.GetStringAsync($"/hsds/organizations/{original["id"]}"))!;
        foreach (var (field, value) in original) Assert.Equal(value, back[field]!.GetValue<string>());
    }

    private static async Task<byte[]> ExportAsync(ServerProcess server, string file)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/export/{file}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await server.AdminTokenAsync());
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [InlineData("hsds.json")]
    [InlineData("hsds.zip")]
    public async Task Our_export_of_the_demo_imports_into_an_empty_database_and_exports_again_to_the_same_records(string format)
    {
        JsonNode first;
        var file = Path.Combine(_folder, format);
        await using (var demo = await ServerProcess.StartAsync())
        {
            first = JsonNode.Parse(await ExportAsync(demo, "hsds.json"))!;
            await File.WriteAllBytesAsync(file, await ExportAsync(demo, format));
        }
        var data = Path.Combine(_folder, "copy");
        var (exit, output, error) = await ImportAsync(file, data);
        Assert.True(exit == 0, error);
        Assert.Contains($"{first["organizations"]!.AsArray().Count} created", output);

        await using var copy = await ServerProcess.StartAsync(data, demoData: false);
        var second = JsonNode.Parse(await ExportAsync(copy, "hsds.json"))!;

        static Dictionary<string, string> Summary(JsonNode file) => file["organizations"]!.AsArray().ToDictionary(o => o!["id"]!.GetValue<string>(), o => string.Join("|",
            o!["name"], o["description"], o["email"], o["website"], o["locations"]!.AsArray().FirstOrDefault()?["latitude"], o["locations"]!.AsArray().FirstOrDefault()?["longitude"],
            string.Join(",", o["services"]![0]!["attributes"]!.AsArray().Select(a => a!["taxonomy_term"]!["code"]!.GetValue<string>()).Order(StringComparer.Ordinal)),
            o["services"]![0]!["status"], string.Join(",", o["services"]![0]!["languages"]!.AsArray().Select(l => l!["code"]!.GetValue<string>()).Order(StringComparer.Ordinal))));
        Assert.Equal(Summary(first).OrderBy(p => p.Key), Summary(second).OrderBy(p => p.Key));
        static IEnumerable<string> Ties(JsonNode file) => file["resourcemap:relationships"]!.AsArray()
            .Select(t => $"{t!["source_organization_id"]}>{t["target_organization_id"]}:{t["type"]}:{t["strength"]}:{t["since"]}:{t["until"]}").Order(StringComparer.Ordinal);
        Assert.Equal(Ties(first), Ties(second));
    }
}
