using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GraphQL;
using ResourceMap.Api.Access;
using ResourceMap.Api.Import;

namespace ResourceMap.Api.Tests;

/// <summary>
/// importSpreadsheet against lists written by hand, as a Daugavpils worker keeps them: Latvian headers and words,
/// semicolons, Windows-1257, and every kind of mistake. Expectations are the values the rows say, worked out by hand.
/// </summary>
public class SpreadsheetImportTests
{
    private static readonly Caller DaugavpilsWorker = new("Ilze", Role.Worker, new HashSet<string> { "Daugavpils" });
    private static readonly Encoding Baltic = CodePagesEncodingProvider.Instance.GetEncoding(1257)!;

    private const string Import = """
        mutation($file: Upload!, $ties: Upload, $dryRun: Boolean) {
          importSpreadsheet(file: $file, ties: $ties, dryRun: $dryRun) {
            dryRun written batch summary rows { sheet row action name } problems { sheet row column message }
          }
        }
        """;

    private static Task<JsonElement> ImportAsync(TestApi api, Caller caller, UploadedFile file, UploadedFile? ties = null, bool dryRun = false) =>
        api.ExecuteAsync(Import, new Inputs(new Dictionary<string, object?> { ["file"] = file, ["ties"] = ties, ["dryRun"] = dryRun }), caller);

    private static UploadedFile Csv(string name, string text, Encoding encoding) => new(name, "text/csv", encoding.GetBytes(text));

    // Latvian Excel's "CSV": semicolons, Windows-1257, lists quoted because they hold the separator, decimal commas.
    private const string Resources = """
        ārējais id;nosaukums;veids;adrese;platums;garums;teritorija;mērķa grupas;piedāvā;vajadzības;valodas;sensitīvs
        DGV-1;Križu kopienas dārzs;neformāla grupa;Vaiņodes iela 2;55,8772;26,5855;;"seniors; youth";dārza darbi;brīvprātīgie;"ru; lv";nē
        DGV-2;Jaunatnes iniciatīva „Ķīmija”;biedrība;;;;Centrs;youth;;;lv;jā
        DGV-3;Senioru rokdarbu pulciņš;Neformāla grupa;;55.8768;26.5861;;seniors;rokdarbi;telpas;ru;

        """;

    private const string Ties = """
        avots;mērķis;veids;stiprums;no
        DGV-1;DGV-2;Kopīgs pasākums;4;01.05.2024
        DGV-3;Senioru biedrība "Draudzība-K";sadarbība;;2024-09-15
        """;

    [Fact]
    public async Task A_Latvian_list_with_semicolons_in_Windows_1257_is_imported_as_written_and_twice_changes_nothing()
    {
        await using var api = await TestApi.StartAsync();
        var first = (await ImportAsync(api, DaugavpilsWorker, Csv("resursi.csv", Resources, Baltic), Csv("saites.csv", Ties, Baltic))).GetProperty("data").GetProperty("importSpreadsheet");
        Assert.Empty(first.GetProperty("problems").EnumerateArray());
        Assert.True(first.GetProperty("written").GetBoolean());
        Assert.Equal("Resources: 3 created, 0 updated, 0 unchanged; Ties: 2 created, 0 updated, 0 unchanged", first.GetProperty("summary").GetString());

        var data = await api.DataAsync("""
            { resources(text: "DGV", first: 10) { nodes { name } }
              a: resources(text: "Križu kopienas dārzs") { nodes { externalId kind address latitude longitude area { name } targetGroups offers needs languages sensitive
                relationships { type strength since source { name } target { name } } } }
              b: resources(text: "Jaunatnes iniciatīva") { nodes { externalId kind area { name } sensitive } }
              c: resources(text: "rokdarbu") { nodes { area { name } relationships { type strength since source { name } target { name } } } } }
            """, caller: DaugavpilsWorker);
        var garden = Assert.Single(data.GetProperty("a").GetProperty("nodes").EnumerateArray());
        Assert.Equal(("DGV-1", "INFORMAL_GROUP", "Vaiņodes iela 2", 55.8772, 26.5855, "Križi"),
            (garden.GetProperty("externalId").GetString(), garden.GetProperty("kind").GetString(), garden.GetProperty("address").GetString(),
             garden.GetProperty("latitude").GetDouble(), garden.GetProperty("longitude").GetDouble(), garden.GetProperty("area").GetProperty("name").GetString()));
        Assert.Equal(["seniors", "youth"], Strings(garden.GetProperty("targetGroups")));
        Assert.Equal(["dārza darbi"], Strings(garden.GetProperty("offers")));
        Assert.Equal(["brīvprātīgie"], Strings(garden.GetProperty("needs")));
        Assert.Equal(["ru", "lv"], Strings(garden.GetProperty("languages")));
        Assert.False(garden.GetProperty("sensitive").GetBoolean());
        var shared = Assert.Single(garden.GetProperty("relationships").EnumerateArray());
        Assert.Equal(("SHARED_ACTIVITY", 4, "2024-05-01", "Križu kopienas dārzs", "Jaunatnes iniciatīva „Ķīmija”"),
            (shared.GetProperty("type").GetString(), shared.GetProperty("strength").GetInt32(), shared.GetProperty("since").GetString(),
             shared.GetProperty("source").GetProperty("name").GetString(), shared.GetProperty("target").GetProperty("name").GetString()));

        var youth = Assert.Single(data.GetProperty("b").GetProperty("nodes").EnumerateArray());
        Assert.Equal(("DGV-2", "ASSOCIATION", "Centrs", true),
            (youth.GetProperty("externalId").GetString(), youth.GetProperty("kind").GetString(), youth.GetProperty("area").GetProperty("name").GetString(), youth.GetProperty("sensitive").GetBoolean()));

        var crafts = Assert.Single(data.GetProperty("c").GetProperty("nodes").EnumerateArray());
        Assert.Equal("Križi", crafts.GetProperty("area").GetProperty("name").GetString());
        var cooperation = Assert.Single(crafts.GetProperty("relationships").EnumerateArray());
        Assert.Equal(("COOPERATION", 3, "2024-09-15", "Senioru biedrība \"Draudzība-K\""),
            (cooperation.GetProperty("type").GetString(), cooperation.GetProperty("strength").GetInt32(), cooperation.GetProperty("since").GetString(),
             cooperation.GetProperty("target").GetProperty("name").GetString()));

        // The history holds the import as one batch, in the worker's name.
        var history = await api.DataAsync("query($id: ID!) { history(id: $id) { author batch action } }", new { id = await api.ResourceIdAsync("Križu kopienas dārzs") }, DaugavpilsWorker);
        var created = Assert.Single(history.GetProperty("history").EnumerateArray());
        Assert.Equal(("Ilze", "CREATED", first.GetProperty("batch").GetString()),
            (created.GetProperty("author").GetString(), created.GetProperty("action").GetString(), created.GetProperty("batch").GetString()));

        // The same list again: every row found, nothing changed, not even the history.
        var before = await api.SnapshotAsync();
        var second = (await ImportAsync(api, DaugavpilsWorker, Csv("resursi.csv", Resources, Baltic), Csv("saites.csv", Ties, Baltic))).GetProperty("data").GetProperty("importSpreadsheet");
        Assert.Equal("Resources: 0 created, 0 updated, 3 unchanged; Ties: 0 created, 0 updated, 2 unchanged", second.GetProperty("summary").GetString());
        Assert.Equal(before, await api.SnapshotAsync());
    }

    private static List<string?> Strings(JsonElement list) => list.EnumerateArray().Select(s => s.GetString()).ToList();
}
