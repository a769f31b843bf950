using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// A community's list through the real server: the template as openpyxl (another program) reads it, a workbook openpyxl
/// wrote filled in in Latvian and uploaded by the GraphQL multipart request specification, and the import command.
/// </summary>
public sealed class ImportTests : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3"; // Debian's, where python3-openpyxl is installed
    private static readonly string Workbooks = Path.Combine(NodeClients.Folder, "workbook.py");
    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-import-").FullName;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        await DebianPackage.Openpyxl.EnsureInstalledAsync();
        _server = await ServerProcess.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        try { Directory.Delete(_server.DataFolder, recursive: true); } catch (IOException) { }
    }

    private async Task<JsonElement> PythonAsync(params string[] args)
    {
        var (exit, output, error) = await Processes.RunAsync(Python, [Workbooks, .. args], _folder);
        Assert.True(exit == 0, $"workbook.py failed ({exit}):\n{error}");
        return output.Length == 0 ? default : JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public async Task The_Latvian_template_opens_in_another_program_with_its_sheets_headers_and_dropdowns()
    {
        var bytes = await _server.Client.GetByteArrayAsync("/import/template.xlsx?language=lv");
        var path = Path.Combine(_folder, "veidne.xlsx");
        await File.WriteAllBytesAsync(path, bytes);
        var sheets = (await PythonAsync("read", path)).EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);

        Assert.Equal(["Norādījumi", "Resursi", "Saites", "Aktivitātes", "Saraksti"], sheets.Keys);
        Assert.Equal("hidden", sheets["Saraksti"].GetProperty("state").GetString());
        var resources = sheets["Resursi"];
        Assert.Equal(["id", "ārējais id", "nosaukums", "veids", "apraksts", "adrese", "platums", "garums", "teritorija", "mērķa grupas", "piedāvā", "vajadzības", "valodas", "statuss", "tīmekļa vietne", "e-pasts", "tālrunis", "sensitīvs"],
            resources.GetProperty("rows")[0].EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("A2", resources.GetProperty("frozen").GetString());
        var kinds = resources.GetProperty("validations").EnumerateArray().Single(v => v.GetProperty("cells").GetString() == "D2:D100000");
        Assert.Equal(("list", "'Saraksti'!$A$2:$A$17"), (kinds.GetProperty("type").GetString(), kinds.GetProperty("formula").GetString()));
        // The 16 kinds a dropdown offers, in Latvian, as the list sheet holds them.
        var lists = sheets["Saraksti"].GetProperty("rows").EnumerateArray().Skip(1).Select(r => r[0].GetString()).ToList();
        Assert.Equal(16, lists.Count);
        Assert.Contains("biedrība", lists);
        Assert.Contains("dienas centrs", lists);
        var tieTypes = sheets["Saites"].GetProperty("validations").EnumerateArray().Single(v => v.GetProperty("cells").GetString() == "C2:C100000");
        Assert.Equal("'Saraksti'!$D$2:$D$10", tieTypes.GetProperty("formula").GetString());
        Assert.Contains(sheets["Norādījumi"].GetProperty("rows").EnumerateArray(), r => r[0].GetString() == "Saites" && r[1].GetString() == "stiprums");
        var activities = sheets["Aktivitātes"];
        Assert.Equal(["id", "ārējais id", "nosaukums", "veids", "sākums", "beigas", "atkārtojas", "vieta", "teritorija", "rīkotāji", "partneri", "dalībnieki", "apmeklējums", "sensitīvs", "piezīme"],
            activities.GetProperty("rows")[0].EnumerateArray().Select(c => c.GetString()));
        // The nine kinds of activity and the three recurrences, in Latvian, from the list sheet's fifth and sixth columns.
        Assert.Equal("'Saraksti'!$E$2:$E$10", activities.GetProperty("validations").EnumerateArray().Single(v => v.GetProperty("cells").GetString() == "D2:D100000").GetProperty("formula").GetString());
        Assert.Equal("'Saraksti'!$F$2:$F$4", activities.GetProperty("validations").EnumerateArray().Single(v => v.GetProperty("cells").GetString() == "G2:G100000").GetProperty("formula").GetString());
        Assert.Equal(["vienreiz", "katru nedēļu", "katru mēnesi"], sheets["Saraksti"].GetProperty("rows").EnumerateArray().Skip(1).Take(3).Select(r => r[5].GetString()));

        // Imported as it is, the empty template changes nothing.
        var (exit, output, error) = await Processes.RunAsync("dotnet", [ServerProcess.ServerAssembly, "import", path, "--dry-run", "--Database:DataFolder", _server.DataFolder], _folder);
        Assert.True(exit == 0, error);
        Assert.Contains("can be imported: Resursi: 0 created, 0 updated, 0 unchanged; Saites: 0 created, 0 updated, 0 unchanged; Aktivitātes: 0 created, 0 updated, 0 unchanged", output);
    }

    /// <summary>Ten associations of Daugavpils and eight ties, as a worker types them: numbers and days as the program stores them.</summary>
    private static object[] Filled()
    {
        var resources = new List<object[]> { new object[] { "ārējais id", "nosaukums", "veids", "platums", "garums", "teritorija", "mērķa grupas", "valodas" } };
        for (var i = 1; i <= 10; i++)
            resources.Add(i <= 5
                ? [$"DGV-A{i}", $"Križu biedrība Nr. {i}", "biedrība", Math.Round(55.8770 + i * 0.0001, 4), 26.5850, "", "seniors", "ru; lv"]
                : [$"DGV-A{i}", $"Centra biedrība Nr. {i}", "Biedrība", "", "", "Centrs", "youth; families-of-children-with-disabilities", "lv"]);
        var ties = new List<object[]> { new object[] { "avots", "mērķis", "veids", "stiprums", "no" } };
        for (var i = 1; i <= 8; i++)
            ties.Add([$"DGV-A{i}", $"DGV-A{i + 1}", i % 2 == 0 ? "Kopīgs pasākums" : "sadarbība", 1 + i % 5, new { date = $"2024-0{i}-15" }]);
        return [new { name = "Resursi", rows = resources }, new { name = "Saites", rows = ties }];
    }

    private static MultipartFormDataContent Upload(byte[] file, string name, bool dryRun)
    {
        var operations = JsonSerializer.Serialize(new
        {
            query = "mutation($file: Upload!, $dryRun: Boolean) { importSpreadsheet(file: $file, dryRun: $dryRun) { written summary problems { sheet row column message } } }",
            variables = new Dictionary<string, object?> { ["file"] = null, ["dryRun"] = dryRun },
        });
        var content = new MultipartFormDataContent
        {
            { new StringContent(operations, Encoding.UTF8), "operations" },
            { new StringContent("""{"0": ["variables.file"]}""", Encoding.UTF8), "map" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "0", name);
        return content;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpContent content, string token, bool preflight = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (preflight) request.Headers.Add("GraphQL-Preflight", "1");
        using var response = await _server.Client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_workbook_another_program_wrote_in_Latvian_is_previewed_then_imported_over_multipart_and_is_on_the_map()
    {
        var path = Path.Combine(_folder, "saraksts.xlsx");
        await PythonAsync("write", path, JsonSerializer.Serialize(Filled()));
        var file = await File.ReadAllBytesAsync(path);
        var worker = await _server.TokenAsync("worker", "Daugavpils");

        // Without a header a plain HTML form cannot send, a multipart request is refused (cross-site request forgery).
        var (status, refused) = await SendAsync(Upload(file, "saraksts.xlsx", dryRun: true), worker, preflight: false);
        Assert.Equal((HttpStatusCode.BadRequest, "BAD_REQUEST"), (status, refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()));

        var (_, preview) = await SendAsync(Upload(file, "saraksts.xlsx", dryRun: true), worker);
        var previewed = preview.GetProperty("data").GetProperty("importSpreadsheet");
        Assert.Empty(previewed.GetProperty("problems").EnumerateArray());
        Assert.False(previewed.GetProperty("written").GetBoolean());
        Assert.Equal("Resursi: 10 created, 0 updated, 0 unchanged; Saites: 8 created, 0 updated, 0 unchanged", previewed.GetProperty("summary").GetString());
        Assert.Equal(0, (await _server.DataAsync("{ resources(text: \"biedrība Nr.\") { totalCount } }", token: worker)).GetProperty("resources").GetProperty("totalCount").GetInt32());

        var (_, imported) = await SendAsync(Upload(file, "saraksts.xlsx", dryRun: false), worker);
        Assert.True(imported.GetProperty("data").GetProperty("importSpreadsheet").GetProperty("written").GetBoolean(), imported.ToString());

        // On the map: the ten, where the rows put them, and the eight ties with their types, strengths and days.
        var data = await _server.DataAsync("""
            { resources(text: "biedrība Nr.", first: 20) { totalCount nodes { externalId name kind area { name } latitude languages
                relationships { type strength since source { externalId } target { externalId } } } } }
            """, token: worker);
        var nodes = data.GetProperty("resources").GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("externalId").GetString()!);
        Assert.Equal(10, nodes.Count);
        Assert.Equal(("Križu biedrība Nr. 3", "ASSOCIATION", "Križi", 55.8773), (nodes["DGV-A3"].GetProperty("name").GetString(), nodes["DGV-A3"].GetProperty("kind").GetString(),
            nodes["DGV-A3"].GetProperty("area").GetProperty("name").GetString(), nodes["DGV-A3"].GetProperty("latitude").GetDouble()));
        Assert.Equal(["ru", "lv"], nodes["DGV-A3"].GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Centrs", nodes["DGV-A7"].GetProperty("area").GetProperty("name").GetString());
        var ties = nodes.Values.SelectMany(n => n.GetProperty("relationships").EnumerateArray())
            .Select(t => (From: t.GetProperty("source").GetProperty("externalId").GetString(), To: t.GetProperty("target").GetProperty("externalId").GetString(),
                Type: t.GetProperty("type").GetString(), Strength: t.GetProperty("strength").GetInt32(), Since: t.GetProperty("since").GetString()))
            .Distinct().OrderBy(t => t.From!.Length).ThenBy(t => t.From).ToList();
        Assert.Equal(8, ties.Count);
        Assert.Equal(("DGV-A1", "DGV-A2", "COOPERATION", 2, "2024-01-15"), ties[0]);
        Assert.Equal(("DGV-A2", "DGV-A3", "SHARED_ACTIVITY", 3, "2024-02-15"), ties[1]);
        Assert.Equal(("DGV-A8", "DGV-A9", "SHARED_ACTIVITY", 4, "2024-08-15"), ties[7]);

        // The same workbook again: nothing to do.
        var (_, again) = await SendAsync(Upload(file, "saraksts.xlsx", dryRun: false), worker);
        Assert.Equal("Resursi: 0 created, 0 updated, 10 unchanged; Saites: 0 created, 0 updated, 8 unchanged", again.GetProperty("data").GetProperty("importSpreadsheet").GetProperty("summary").GetString());
    }

    private async Task<byte[]> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _server.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static MultipartFormDataContent Upload(bool dryRun, params (byte[] File, string Name)[] files)
    {
        var variables = new Dictionary<string, object?> { ["file"] = null, ["ties"] = null, ["dryRun"] = dryRun };
        var operations = JsonSerializer.Serialize(new
        {
            query = "mutation($file: Upload!, $ties: Upload, $dryRun: Boolean) { importSpreadsheet(file: $file, ties: $ties, dryRun: $dryRun) { written summary problems { sheet row column message } } }",
            variables,
        });
        var map = files.Length == 1 ? """{"0": ["variables.file"]}""" : """{"0": ["variables.file"], "1": ["variables.ties"]}""";
        var content = new MultipartFormDataContent { { new StringContent(operations, Encoding.UTF8), "operations" }, { new StringContent(map, Encoding.UTF8), "map" } };
        for (var i = 0; i < files.Length; i++) content.Add(new ByteArrayContent(files[i].File), i.ToString(), files[i].Name);
        return content;
    }

    [Fact]
    public async Task An_export_edited_in_another_program_and_imported_again_changes_exactly_the_edited_cell()
    {
        var worker = await _server.TokenAsync("worker", "Daugavpils");
        var path = Path.Combine(_folder, "resursi.xlsx");
        await File.WriteAllBytesAsync(path, await GetAsync("/export/resources.xlsx?language=lv", worker));
        var sheets = (await PythonAsync("read", path)).EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["Resursi", "Saites", "Aktivitātes", "Rādītāji", "Saraksti"], sheets.Keys);

        // As exported: every row there already, nothing to change.
        var (_, same) = await SendAsync(Upload(dryRun: true, (await File.ReadAllBytesAsync(path), "resursi.xlsx")), worker);
        var visible = await _server.DataAsync("{ resources(first: 500) { totalCount nodes { id name relationships { id } } } activities(first: 500) { totalCount } }", token: worker);
        var count = visible.GetProperty("resources").GetProperty("totalCount").GetInt32();
        var activityCount = visible.GetProperty("activities").GetProperty("totalCount").GetInt32();
        var tieCount = visible.GetProperty("resources").GetProperty("nodes").EnumerateArray().SelectMany(n => n.GetProperty("relationships").EnumerateArray()).Select(t => t.GetProperty("id").GetString()).Distinct().Count();
        Assert.Equal($"Resursi: 0 created, 0 updated, {count} unchanged; Saites: 0 created, 0 updated, {tieCount} unchanged; Aktivitātes: 0 created, 0 updated, {activityCount} unchanged",
            same.GetProperty("data").GetProperty("importSpreadsheet").GetProperty("summary").GetString());

        // One description of a Daugavpils resource changed in openpyxl: that resource alone is updated, in that field alone.
        var rows = sheets["Resursi"].GetProperty("rows").EnumerateArray().ToList();
        var row = rows.FindIndex(r => r[2].GetString() == "Senioru biedrība \"Draudzība-K\"") + 1;
        await PythonAsync("edit", path, "Resursi", $"E{row}", "Tiekamies otrdienās Križu bibliotēkā.");
        var (_, edited) = await SendAsync(Upload(dryRun: false, (await File.ReadAllBytesAsync(path), "resursi.xlsx")), worker);
        Assert.Equal($"Resursi: 0 created, 1 updated, {count - 1} unchanged; Saites: 0 created, 0 updated, {tieCount} unchanged; Aktivitātes: 0 created, 0 updated, {activityCount} unchanged",
            edited.GetProperty("data").GetProperty("importSpreadsheet").GetProperty("summary").GetString());
        var id = rows[row - 1][0].GetString();
        var history = await _server.DataAsync("query($id: ID!) { resource(id: $id) { description } history(id: $id) { action changedFields } }", new { id }, worker);
        Assert.Equal("Tiekamies otrdienās Križu bibliotēkā.", history.GetProperty("resource").GetProperty("description").GetString());
        var last = history.GetProperty("history")[0];
        Assert.Equal(("UPDATED", "Description"), (last.GetProperty("action").GetString(), string.Join(",", last.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()))));

        // The metrics sheet says what the network query says.
        var metrics = sheets["Rādītāji"].GetProperty("rows").EnumerateArray().Skip(1).ToDictionary(r => r[0].GetString()!);
        var network = await _server.DataAsync("query($id: ID!) { resource(id: $id) { metrics { degree } } }", new { id }, worker);
        Assert.Equal(network.GetProperty("resource").GetProperty("metrics").GetProperty("degree").GetInt32(), metrics[id!][3].GetInt32());
    }

    [Fact]
    public async Task A_CSV_export_neutralises_formulas_leaves_out_what_the_caller_may_not_read_and_imports_back_unchanged()
    {
        var admin = await _server.AdminTokenAsync();
        const string Formula = "=HYPERLINK(\"http://example.com\",\"Klikšķini\")";
        await _server.DataAsync("mutation($d: String) { createResource(input: { name: \"Formulu pulciņš\", kind: INFORMAL_GROUP, description: $d, latitude: 55.8772, longitude: 26.5855 }) { resource { id } } }", new { d = Formula }, admin);
        var worker = await _server.TokenAsync("worker", "Daugavpils");
        var resources = await GetAsync("/export/resources.csv", worker);
        var ties = await GetAsync("/export/ties.csv", worker);
        var text = Encoding.UTF8.GetString(resources);
        Assert.Contains("'" + Formula.Replace("\"", "\"\""), text);
        Assert.DoesNotContain("," + Formula, text);
        var (_, back) = await SendAsync(Upload(dryRun: true, (resources, "resources.csv"), (ties, "ties.csv")), worker);
        var report = back.GetProperty("data").GetProperty("importSpreadsheet");
        Assert.Empty(report.GetProperty("problems").EnumerateArray());
        Assert.Matches("^Resources: 0 created, 0 updated, [0-9]+ unchanged; Ties: 0 created, 0 updated, [0-9]+ unchanged$", report.GetProperty("summary").GetString());

        // Anonymous: the resources the API shows an anonymous visitor, without persons' contacts or any sensitive resource.
        var anonymous = Encoding.UTF8.GetString(await GetAsync("/export/resources.csv", null));
        var shown = await _server.DataAsync("{ resources(first: 500) { totalCount } }");
        // Each row starts with the resource's id ("Resource:…" in base64); a description's line breaks stay inside quotes.
        Assert.Equal(shown.GetProperty("resources").GetProperty("totalCount").GetInt32(), System.Text.RegularExpressions.Regex.Count(anonymous, "\nUmVzb3VyY2U6"));
        var sensitive = (await _server.DataAsync("{ resources(first: 500) { nodes { name sensitive } } }", token: admin)).GetProperty("resources").GetProperty("nodes")
            .EnumerateArray().Where(n => n.GetProperty("sensitive").GetBoolean()).Select(n => n.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(sensitive);
        Assert.All(sensitive, name => Assert.DoesNotContain(name.Replace("\"", "\"\""), anonymous));
        var everything = Encoding.UTF8.GetString(await GetAsync("/export/resources.csv", admin));
        Assert.Contains("Formulu pulciņš", everything);
        Assert.DoesNotContain("marta.volunteer@example.lv", everything);
        await _server.DataAsync("mutation { createResource(input: { name: \"Marta (brīvprātīgā)\", kind: VOLUNTEER, latitude: 55.8772, longitude: 26.5855, contact: { email: \"marta.volunteer@example.lv\", phone: \"+371 20000001\" } }) { resource { id } } }", token: admin);
        Assert.Contains("marta.volunteer@example.lv", Encoding.UTF8.GetString(await GetAsync("/export/resources.csv", admin)));
        Assert.Contains("marta.volunteer@example.lv", Encoding.UTF8.GetString(await GetAsync("/export/resources.csv", worker)));
        var outsider = Encoding.UTF8.GetString(await GetAsync("/export/resources.csv", null));
        Assert.Contains("Marta (brīvprātīgā)", outsider);
        Assert.DoesNotContain("marta.volunteer@example.lv", outsider);
        Assert.DoesNotContain("+371 20000001", outsider);
        Assert.DoesNotContain("marta.volunteer@example.lv", Encoding.UTF8.GetString(await GetAsync("/export/resources.csv", await _server.TokenAsync("worker", "Cēsu novads"))));

        // A forged token is refused, not taken for anonymous.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/export/resources.csv");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Client.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task An_export_for_an_area_and_a_day_holds_that_area_s_resources_and_the_ties_of_that_day()
    {
        var admin = await _server.AdminTokenAsync();
        var areas = await _server.DataAsync("{ areas(first: 500) { nodes { id name } } }", token: admin);
        var daugavpils = areas.GetProperty("areas").GetProperty("nodes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Daugavpils").GetProperty("id").GetString();
        const string Day = "2022-08-01";

        // Independently: the area's resources (it and the areas inside it), and the ties among them valid on that day.
        var expected = await _server.DataAsync("query($a: ID) { resources(areaId: $a, first: 500) { nodes { id relationships { id since until source { id } target { id } } } } }", new { a = daugavpils }, admin);
        var nodes = expected.GetProperty("resources").GetProperty("nodes").EnumerateArray().ToList();
        var ids = nodes.Select(n => n.GetProperty("id").GetString()!).ToHashSet();
        static string? DayOf(JsonElement tie, string field) => tie.GetProperty(field).ValueKind == JsonValueKind.Null ? null : tie.GetProperty(field).GetString();
        var ties = nodes.SelectMany(n => n.GetProperty("relationships").EnumerateArray())
            .Where(t => ids.Contains(t.GetProperty("source").GetProperty("id").GetString()!) && ids.Contains(t.GetProperty("target").GetProperty("id").GetString()!))
            .Where(t => (DayOf(t, "since") is not { } since || string.CompareOrdinal(since, Day) <= 0) && (DayOf(t, "until") is not { } until || string.CompareOrdinal(until, Day) >= 0))
            .Select(t => t.GetProperty("id").GetString()).Distinct().Count();
        Assert.True(ties > 0 && nodes.Count > 0);

        var query = $"areaId={Uri.EscapeDataString(daugavpils!)}&day={Day}";
        var resources = Encoding.UTF8.GetString(await GetAsync($"/export/resources.csv?{query}", admin));
        var exportedIds = System.Text.RegularExpressions.Regex.Matches(resources, "\n(UmVzb3VyY2U6[A-Za-z0-9+/=]+),").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(ids, exportedIds);
        var exportedTies = Encoding.UTF8.GetString(await GetAsync($"/export/ties.csv?{query}", admin));
        Assert.Equal(ties, System.Text.RegularExpressions.Regex.Count(exportedTies, "\nUmVzb3VyY2U6"));

        using var bad = new HttpRequestMessage(HttpMethod.Get, "/export/ties.csv?day=01.08.2022");
        Assert.Equal(HttpStatusCode.BadRequest, (await _server.Client.SendAsync(bad)).StatusCode);
    }

    [Fact]
    public async Task The_import_command_says_each_problem_on_a_line_of_its_own_and_exits_2_writing_nothing()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "resursi.csv"), "nosaukums;veids;teritorija\nA biedrība;kosmoss;Križi\n;skola;Križi\n", Encoding.UTF8);
        var before = await _server.DataAsync("{ resources { totalCount } }", token: await _server.AdminTokenAsync());
        var (exit, output, error) = await Processes.RunAsync("dotnet", [ServerProcess.ServerAssembly, "import", "resursi.csv", "--Database:DataFolder", _server.DataFolder], _folder);
        Assert.Equal(2, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("error: nothing was imported; 2 problem(s):", lines[0]);
        Assert.StartsWith("Resources, row 2, column veids: 'kosmoss' is no kind.", lines[1]);
        Assert.Equal("Resources, row 3, column nosaukums: The name is required.", lines[2]);
        Assert.Equal("", output);
        Assert.Equal(before.ToString(), (await _server.DataAsync("{ resources { totalCount } }", token: await _server.AdminTokenAsync())).ToString());
    }
}
