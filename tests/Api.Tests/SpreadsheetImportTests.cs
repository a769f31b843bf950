using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GraphQL;
using ResourceMap.Api.Access;
using ResourceMap.Api.Languages;
using Microsoft.EntityFrameworkCore;
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

public class SpreadsheetImportProblemTests
{
    private static readonly Caller DaugavpilsWorker = new("Ilze", Role.Worker, new HashSet<string> { "Daugavpils" });

    private const string Import = """
        mutation($file: Upload!, $ties: Upload, $dryRun: Boolean) {
          importSpreadsheet(file: $file, ties: $ties, dryRun: $dryRun) { written problems { sheet row column message } }
        }
        """;

    private static readonly string LongName = new('ā', 201);

    // Each row's mistakes, as a worker might make them; the comments say what each row breaks.
    private static readonly string Resources = $"""
        externalId,name,kind,latitude,longitude,area,status,sensitive,email
        E1,Laba biedrība,spaceship,,,Centrs,,,
        E1,Otra biedrība,association,,,Nowhere,asleep,maybe,not-an-email
        E3,,school,91,26.5,,,,
        E4,Sajaukta vieta,school,26.5263,55.8741,,,,
        E5,{LongName},association,,,Centrs,,,
        E6,Dubults,association,,,Centrs,,,
        E7,Dubults,association,,,Križi,,,
        E8,Zosēnu lasītāji,informal group,,,Zosēnu pagasts,,,
        """;

    private const string Ties = """"
        source,target,type,strength,since,until
        E1,E1,cooperation,,,
        E1,Nobody,cooperation,9,,
        E1,"Senioru biedrība ""Draudzība-K""",friendship,,2024-05-01,2023-01-01
        Laba biedrība,"Senioru biedrība ""Draudzība-K""",membership,,32.13.2024,
        Dubults,E1,cooperation,,,
        """";

    [Fact]
    public async Task Every_problem_is_named_by_sheet_row_and_column_at_once_and_nothing_is_written()
    {
        await using var api = await TestApi.StartAsync();
        var before = await api.SnapshotAsync();
        var variables = new Inputs(new Dictionary<string, object?>
        {
            ["file"] = new UploadedFile("resources.csv", "text/csv", Encoding.UTF8.GetBytes(Resources)),
            ["ties"] = new UploadedFile("ties.csv", "text/csv", Encoding.UTF8.GetBytes(Ties)),
        });

        // A dry run lists them as the preview shows them.
        var preview = (await api.ExecuteAsync(Import, new Inputs(new Dictionary<string, object?>(variables) { ["dryRun"] = true }), DaugavpilsWorker))
            .GetProperty("data").GetProperty("importSpreadsheet");
        var problems = preview.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("sheet").GetString(), p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("message").GetString()!)).ToList();
        Assert.Equal(new (string?, int, string?)[]
        {
            ("Resources", 2, "kind"),
            ("Resources", 3, "externalId"), ("Resources", 3, "area"), ("Resources", 3, "status"), ("Resources", 3, "sensitive"), ("Resources", 3, "email"),
            ("Resources", 4, "name"), ("Resources", 4, "latitude"),
            ("Resources", 5, "latitude"),
            ("Resources", 6, "name"),
            ("Resources", 9, "area"),
            ("Ties", 2, "target"),
            ("Ties", 3, "target"), ("Ties", 3, "strength"),
            ("Ties", 4, "type"), ("Ties", 4, "until"),
            ("Ties", 5, "since"),
            ("Ties", 6, "source"),
        }.Order(), problems.Select(p => (p.Item1, p.Item2, p.Item3)).Order());
        string At(string sheet, int row, string column) => problems.Single(p => p.Item1 == sheet && p.Item2 == row && p.Item3 == column).Item4;
        Assert.StartsWith("'spaceship' is no kind. The kinds: association (biedrība), school (skola),", At("Resources", 2, "kind"));
        Assert.Equal("'E1' is the externalId of row 2 too: each row needs its own.", At("Resources", 3, "externalId"));
        Assert.Equal("'not-an-email' is not an e-mail address.", At("Resources", 3, "email"));
        Assert.Contains("not 91", At("Resources", 4, "latitude"));
        Assert.Contains("look swapped", At("Resources", 5, "latitude"));
        Assert.Equal("'name' is longer than 200 characters.", At("Resources", 6, "name"));
        Assert.Contains("outside your municipalities (Daugavpils)", At("Resources", 9, "area"));
        Assert.Equal("A resource cannot be tied to itself.", At("Ties", 2, "target"));
        Assert.Equal("No resource in the sheet or on the map is named or keyed 'Nobody'.", At("Ties", 3, "target"));
        Assert.Equal("'strength' must be from 1 to 5, not 9.", At("Ties", 3, "strength"));
        Assert.Equal("'until' (2023-01-01) must not be before 'since' (2024-05-01).", At("Ties", 4, "until"));
        Assert.Equal("'32.13.2024' is not a day: write 2024-05-01 or 01.05.2024.", At("Ties", 5, "since"));
        Assert.Equal("2 resources are named 'Dubults': write the externalId or id of the one meant.", At("Ties", 6, "source"));

        // Imported for real, the list is refused with the same problems, and nothing is written.
        var refused = await api.ExecuteAsync(Import, variables, DaugavpilsWorker);
        Assert.Equal("BAD_USER_INPUT", refused.Code());
        Assert.StartsWith($"Nothing was imported: {problems.Count} problem(s). Resources, row 2, column kind: 'spaceship' is no kind.", refused.Message());
        var listed = refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("data").GetProperty("problems");
        Assert.Equal(problems.Count, listed.GetArrayLength());
        Assert.Equal(before, await api.SnapshotAsync());
    }

    [Fact]
    public async Task The_problems_are_written_in_the_request_s_language_with_the_same_places()
    {
        await using var api = await TestApi.StartAsync();
        Inputs Files(bool dryRun) => new(new Dictionary<string, object?>
        {
            ["file"] = new UploadedFile("resources.csv", "text/csv", Encoding.UTF8.GetBytes(Resources)),
            ["ties"] = new UploadedFile("ties.csv", "text/csv", Encoding.UTF8.GetBytes(Ties)),
            ["dryRun"] = dryRun,
        });
        async Task<(Dictionary<(string, int, string), string> Problems, string Refusal)> InAsync(Language language)
        {
            RequestLanguage.Current = language;
            try
            {
                var preview = (await api.ExecuteAsync(Import, Files(dryRun: true), DaugavpilsWorker)).GetProperty("data").GetProperty("importSpreadsheet");
                var refused = await api.ExecuteAsync(Import, Files(dryRun: false), DaugavpilsWorker);
                Assert.Equal("BAD_USER_INPUT", refused.Code());
                return (preview.GetProperty("problems").EnumerateArray().ToDictionary(
                    p => (p.GetProperty("sheet").GetString()!, p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!),
                    p => p.GetProperty("message").GetString()!), refused.Message());
            }
            finally
            {
                RequestLanguage.Current = Language.En;
            }
        }
        var (english, russian, latvian) = (await InAsync(Language.En), await InAsync(Language.Ru), await InAsync(Language.Lv));

        // The same 18 problems at the same places; the sentences written by hand from the English ones.
        Assert.Equal(english.Problems.Keys.Order(), russian.Problems.Keys.Order());
        Assert.Equal(english.Problems.Keys.Order(), latvian.Problems.Keys.Order());
        Assert.Equal("Ни на листе, ни на карте нет ресурса с названием, externalId или id 'Nobody'.", russian.Problems[("Ties", 3, "target")]);
        Assert.Equal("Название 'Dubults' есть у 2 ресурсов: укажите externalId или id нужного ресурса.", russian.Problems[("Ties", 6, "source")]);
        Assert.Equal("'32.13.2024' nav datums: rakstiet 2024-05-01 vai 01.05.2024.", latvian.Problems[("Ties", 5, "since")]);
        Assert.Equal("Nosaukums 'Dubults' ir 2 resursiem: ierakstiet vajadzīgā resursa externalId vai id.", latvian.Problems[("Ties", 6, "source")]);
        // The refusal counts them with the language's plural (18: "проблем", "problēmas") and says where each is.
        Assert.StartsWith("Ничего не импортировано: 18 проблем. Resources, строка 2, столбец kind: ", russian.Refusal);
        Assert.StartsWith("Nekas netika importēts: 18 problēmas. Resources, 2. rinda, kolonna kind: ", latvian.Refusal);
        Assert.StartsWith("Nothing was imported: 18 problem(s). Resources, row 2, column kind: ", english.Refusal);
    }
}

/// <summary>Files that are not what they claim, or hold what an import must not take: each refused with a clear problem.</summary>
public class HostileSpreadsheetTests
{
    private static readonly ImportSettings Settings = new();

    private static byte[] Workbook(params SheetToWrite[] sheets)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, sheets);
        return stream.ToArray();
    }

    private static readonly IReadOnlyList<string> Header = ["name", "kind"];

    private static SheetToWrite Resources(params IReadOnlyList<string>[] rows) => new("Resources", [Header, .. rows]);

    /// <summary>A workbook changed with the Open XML SDK as another program would have saved it.</summary>
    private static byte[] Edited(byte[] workbook, Action<WorksheetPart> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!.WorksheetParts.First(p => p.Worksheet.Descendants<Cell>().Any(c => c.InnerText == "name"));
            edit(part);
            part.Worksheet.Save();
        }
        return stream.ToArray();
    }

    private static IReadOnlyList<ImportProblem> Refusal(string name, byte[] content, ImportSettings? settings = null) =>
        Assert.Throws<SpreadsheetException>(() => SpreadsheetFiles.Read(new(name, null, content), null, settings ?? Settings)).Problems;

    [Fact]
    public void A_renamed_PDF_a_broken_zip_and_an_unknown_format_are_named_as_such()
    {
        Assert.Equal("The file is a PDF, not a spreadsheet: export the table from its program as XLSX or CSV.",
            Assert.Single(Refusal("saraksts.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray())).Message);
        Assert.Equal("The file is a damaged zip, not a readable XLSX workbook.",
            Assert.Single(Refusal("saraksts.xlsx", [.. "PK\u0003\u0004"u8, .. new byte[200]])).Message);
        Assert.StartsWith("saraksts.ods: give an .xlsx workbook, a .csv file, or an HSDS file (.json, or the tabular .zip)", Assert.Single(Refusal("saraksts.ods", Workbook(Resources()))).Message);
        // A zip that is not HSDS's tabular form, and a .json that is no JSON, are named as such too.
        Assert.Equal("The zip holds no organizations.csv: it is not HSDS's tabular form.", Assert.Single(Refusal("saraksts.zip", Workbook(Resources()))).Message);
        Assert.StartsWith("The HSDS file is not JSON:", Assert.Single(Refusal("saraksts.json", "nosaukums;veids"u8.ToArray())).Message);
        Assert.Equal("Resources: the file is not text (it holds zero bytes): save the sheet as CSV.", Assert.Single(Refusal("saraksts.csv", [0x6E, 0x61, 0x00, 0x6D, 0x65])).Message);
    }

    [Fact]
    public void A_zip_bomb_and_a_file_over_the_size_limit_are_refused_before_they_are_unpacked()
    {
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 8; i++) entry.Write(zeros); // 8 MB of zeros, a few kilobytes packed
        }
        Assert.True(bomb.Length < 100_000);
        Assert.Equal("The workbook unpacks to 8 MB, more than the 2 MB allowed (Import:MaxUnpackedMegabytes).",
            Assert.Single(Refusal("bomb.xlsx", bomb.ToArray(), new ImportSettings { MaxUnpackedMegabytes = 2 })).Message);
        Assert.Equal("big.csv has 2 MB, more than the 1 MB allowed (Import:MaxFileMegabytes); import the list in parts.",
            Assert.Single(Refusal("big.csv", new byte[2 * 1024 * 1024 + 10], new ImportSettings { MaxFileMegabytes = 1 })).Message);
    }

    [Fact]
    public void Sheets_with_more_rows_than_allowed_are_refused_in_either_format()
    {
        var settings = new ImportSettings { MaxRows = 3 };
        var rows = Enumerable.Range(1, 4).Select(i => (IReadOnlyList<string>)[$"Biedrība {i}", "biedrība"]).ToArray();
        Assert.Equal("Resources: more than 3 rows (Import:MaxRows); import the list in parts.", Assert.Single(Refusal("list.xlsx", Workbook(Resources(rows)), settings)).Message);
        var csv = Encoding.UTF8.GetBytes("name,kind\n" + string.Join("\n", rows.Select(r => string.Join(',', r))));
        Assert.Equal("Resources: more than 3 rows (Import:MaxRows); import the list in parts.", Assert.Single(Refusal("list.csv", csv, settings)).Message);
    }

    [Fact]
    public void Formulas_merged_cells_and_hidden_sheets_are_problems_where_they_are()
    {
        var list = Workbook(Resources(["Biedrība A", "biedrība"], ["Biedrība B", "biedrība"]));
        var formula = Edited(list, part =>
        {
            var cell = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == "A3");
            cell.CellFormula = new CellFormula("CONCATENATE(A2,\" 2\")");
        });
        var problem = Assert.Single(Refusal("list.xlsx", formula));
        Assert.Equal(("Resources", 3, "name"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Equal("The cell holds a formula: paste its value instead (Paste Special → Values).", problem.Message);

        var merged = Edited(list, part => part.Worksheet.InsertAfter(new MergeCells(new MergeCell { Reference = "A2:B2" }) { Count = 1 }, part.Worksheet.GetFirstChild<SheetData>()));
        Assert.Equal("Resources: Cells A2:B2 are merged: unmerge them, so that each value stands in its own row and column.", Assert.Single(Refusal("list.xlsx", merged)).ToString());

        var hidden = Workbook(new SheetToWrite("Resources", [Header, ["Biedrība A", "biedrība"]], Hidden: true));
        Assert.Equal("Resources: The sheet is hidden: show it (or delete it) so that you can see what is imported.", Assert.Single(Refusal("list.xlsx", hidden)).ToString());
    }

    [Fact]
    public async Task An_empty_sheet_a_second_header_row_and_an_unknown_column_are_problems_and_nothing_is_written()
    {
        await using var api = await TestApi.StartAsync();
        var before = await api.SnapshotAsync();
        const string Import = "mutation($file: Upload!) { importSpreadsheet(file: $file) { written } }";
        async Task<JsonElement> ImportAsync(byte[] workbook) =>
            (await api.ExecuteAsync(Import, new Inputs(new Dictionary<string, object?> { ["file"] = new UploadedFile("list.xlsx", null, workbook) })))
                .GetProperty("errors")[0];

        var empty = await ImportAsync(Workbook(new SheetToWrite("Resources", [])));
        Assert.Equal("Nothing was imported: 1 problem(s). Resources: The sheet is empty: it needs a header row and a row for each entry.", empty.GetProperty("message").GetString());

        var twice = await ImportAsync(Workbook(Resources(["Biedrība A", "biedrība"], ["nosaukums", "veids"], ["Biedrība B", "biedrība"])));
        var repeated = Assert.Single(twice.GetProperty("extensions").GetProperty("data").GetProperty("problems").EnumerateArray());
        Assert.Equal((3, "The row repeats the header: delete it."), (repeated.GetProperty("row").GetInt32(), repeated.GetProperty("message").GetString()));

        var unknown = await ImportAsync(Workbook(new SheetToWrite("Resursi", [["nosaukums", "veids", "krāsa"], ["Biedrība A", "biedrība", "zila"]])));
        var column = Assert.Single(unknown.GetProperty("extensions").GetProperty("data").GetProperty("problems").EnumerateArray());
        Assert.Equal(("Resursi", 1, "krāsa"), (column.GetProperty("sheet").GetString(), column.GetProperty("row").GetInt32(), column.GetProperty("column").GetString()));
        Assert.StartsWith("Unknown column. The columns are: id (id), externalId (ārējais id), name (nosaukums),", column.GetProperty("message").GetString());
        Assert.Equal(before, await api.SnapshotAsync());
    }
}

public class SpreadsheetReimportTests
{
    private static readonly Caller DaugavpilsWorker = new("Ilze", Role.Worker, new HashSet<string> { "Daugavpils" });

    private const string Import = """
        mutation($file: Upload!) { importSpreadsheet(file: $file) { summary problems { sheet row column message } } }
        """;

    // UTF-8 with a BOM and commas, as LibreOffice saves; a description with a line break inside its quotes.
    private static string List(string description) => $"""
        externalId,name,kind,description,area
        K-1,Križu šūšanas pulciņš,informal group,"{description}",Križi
        K-2,Križu šaha klubs,association,,Križi
        """;

    private static Inputs File(string text) => new(new Dictionary<string, object?>
    {
        ["file"] = new UploadedFile("list.csv", "text/csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]),
    });

    [Fact]
    public async Task Changing_one_cell_and_importing_again_changes_exactly_that_field_with_history()
    {
        await using var api = await TestApi.StartAsync();
        var first = (await api.DataAsync(Import, File(List("Šujam kopā.\nOtrdienās 14:00.")), DaugavpilsWorker)).GetProperty("importSpreadsheet");
        Assert.Equal("Resources: 2 created, 0 updated, 0 unchanged", first.GetProperty("summary").GetString());
        var id = await api.ResourceIdAsync("Križu šūšanas pulciņš");
        Assert.Equal("Šujam kopā.\nOtrdienās 14:00.", (await api.DataAsync("query($id: ID!) { resource(id: $id) { description } }", new { id })).GetProperty("resource").GetProperty("description").GetString());

        var second = (await api.DataAsync(Import, File(List("Šujam kopā.\nTrešdienās 15:00.")), DaugavpilsWorker)).GetProperty("importSpreadsheet");
        Assert.Equal("Resources: 0 created, 1 updated, 1 unchanged", second.GetProperty("summary").GetString());
        var history = (await api.DataAsync("query($id: ID!) { history(id: $id) { action author changedFields } resource(id: $id) { description version } }", new { id }, DaugavpilsWorker));
        Assert.Equal([("UPDATED", "Ilze", "Description"), ("CREATED", "Ilze", "")],
            history.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("action").GetString(), h.GetProperty("author").GetString(),
                string.Join(",", h.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString())))));
        Assert.Equal(("Šujam kopā.\nTrešdienās 15:00.", 2), (history.GetProperty("resource").GetProperty("description").GetString(), history.GetProperty("resource").GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task An_import_is_undone_as_one_batch_unless_something_of_it_changed_since()
    {
        await using var api = await TestApi.StartAsync();
        var before = await api.SnapshotAsync();
        const string Batch = "mutation($file: Upload!) { importSpreadsheet(file: $file) { batch } }";
        var batch = (await api.DataAsync(Batch, File(List("Šujam kopā.")), DaugavpilsWorker)).GetProperty("importSpreadsheet").GetProperty("batch").GetString();
        var updated = (await api.DataAsync(Batch, File(List("Šujam trešdienās.")), DaugavpilsWorker)).GetProperty("importSpreadsheet").GetProperty("batch").GetString();

        // The first import cannot go while the second changed one of its resources since.
        const string Undo = "mutation($b: ID!) { undoImport(input: { batch: $b }) { action subjectId } }";
        var conflict = await api.ExecuteAsync(Undo, new { b = batch }, DaugavpilsWorker);
        Assert.Equal("CONFLICT", conflict.Code());
        Assert.StartsWith("'Description' of the resource ", conflict.Message());
        Assert.EndsWith("has been changed since the import; undo that first.", conflict.Message());

        // Newest first: the second import's change set back, then the first import's two resources deleted, in one batch each.
        Assert.Equal(["UPDATED"], (await api.DataAsync(Undo, new { b = updated }, DaugavpilsWorker)).GetProperty("undoImport").EnumerateArray().Select(c => c.GetProperty("action").GetString()));
        Assert.Equal("Šujam kopā.", (await api.DataAsync("query($id: ID!) { resource(id: $id) { description } }", new { id = await api.ResourceIdAsync("Križu šūšanas pulciņš") })).GetProperty("resource").GetProperty("description").GetString());
        Assert.Equal(["DELETED", "DELETED"], (await api.DataAsync(Undo, new { b = batch }, DaugavpilsWorker)).GetProperty("undoImport").EnumerateArray().Select(c => c.GetProperty("action").GetString()));
        Assert.Equal(0, (await api.DataAsync("{ resources(text: \"Križu šūšanas\") { totalCount } }")).GetProperty("resources").GetProperty("totalCount").GetInt32());
        Assert.NotEqual(before, await api.SnapshotAsync()); // the history keeps all of it
    }

    [Fact]
    public async Task A_worker_imports_only_into_their_municipalities_and_an_admin_anywhere()
    {
        await using var api = await TestApi.StartAsync();
        var zoseni = Encoding.UTF8.GetBytes("nosaukums,veids,teritorija\nZosēnu lasītāji,neformāla grupa,Zosēnu pagasts\n");
        var variables = new Inputs(new Dictionary<string, object?> { ["file"] = new UploadedFile("list.csv", null, zoseni) });
        var refused = await api.ExecuteAsync(Import, variables, DaugavpilsWorker);
        Assert.Contains("Resources, row 2, column teritorija: 'Zosēnu lasītāji': in Zosēnu pagasts, outside your municipalities (Daugavpils).", refused.Message());
        Assert.Equal("Resources: 1 created, 0 updated, 0 unchanged", (await api.DataAsync(Import, variables)).GetProperty("importSpreadsheet").GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, (await api.ExecuteAsync(Import, variables, Caller.Anonymous)).GetProperty("data").ValueKind);
        Assert.Equal("UNAUTHENTICATED", (await api.ExecuteAsync(Import, variables, Caller.Anonymous)).Code());
        Assert.Equal("FORBIDDEN", (await api.ExecuteAsync(Import, variables, new Caller("viewer", Role.Viewer, new HashSet<string> { "Daugavpils" }))).Code());
    }
}

public class LargeSpreadsheetImportTests
{
    [Fact]
    public async Task A_list_saved_in_parts_is_still_one_transaction_and_one_history_batch()
    {
        await using var api = await TestApi.StartAsync();
        // 101 resources tied each to each: 5,050 ties, more than one part of the save holds.
        var resources = new StringBuilder("externalId,name,kind\n");
        for (var i = 0; i <= 100; i++) resources.Append($"P-{i},Daļa {i},association\n");
        var ties = new StringBuilder("source,target,type\n");
        for (var i = 0; i <= 100; i++)
            for (var j = i + 1; j <= 100; j++) ties.Append($"P-{i},P-{j},cooperation\n");
        var variables = new Inputs(new Dictionary<string, object?>
        {
            ["file"] = new UploadedFile("resources.csv", null, Encoding.UTF8.GetBytes(resources.ToString())),
            ["ties"] = new UploadedFile("ties.csv", null, Encoding.UTF8.GetBytes(ties.ToString())),
        });
        var report = (await api.DataAsync("mutation($file: Upload!, $ties: Upload) { importSpreadsheet(file: $file, ties: $ties) { summary batch } }", variables))
            .GetProperty("importSpreadsheet");
        Assert.Equal("Resources: 101 created, 0 updated, 0 unchanged; Ties: 5050 created, 0 updated, 0 unchanged", report.GetProperty("summary").GetString());

        await using var db = api.Factory.CreateDbContext();
        var imported = await db.Resources.Where(r => r.ExternalId != null && r.ExternalId.StartsWith("P-")).Select(r => r.Id).ToListAsync();
        Assert.Equal(101, imported.Count);
        Assert.Equal(5050, await db.Relationships.CountAsync(t => imported.Contains(t.SourceId) && imported.Contains(t.TargetId)));
        var batches = await db.Changes.Where(h => h.Author == TestApi.Admin.Name && h.Action == Persistence.Model.ChangeAction.Created).Select(h => h.Batch).Distinct().ToListAsync();
        var batch = Assert.Single(batches);
        Assert.Equal(report.GetProperty("batch").GetString(), ResourceMap.Api.Ids.GlobalId.Encode(ResourceMap.Api.History.HistoryFeature.ChangeIdType, (int)batch));
        Assert.Equal(101 + 5050, await db.Changes.CountAsync(h => h.Batch == batch));
    }
}

public class ConcurrentSpreadsheetImportTests
{
    [Fact]
    public async Task Two_imports_of_one_list_at_once_leave_one_copy_and_the_later_is_unchanged_or_a_conflict_never_internal()
    {
        await using var api = await TestApi.StartAsync();
        var list = new StringBuilder("externalId,name,kind,area\n");
        for (var i = 0; i < 300; i++) list.Append($"C-{i},Vienlaicīgs {i},association,Križi\n");
        var bytes = Encoding.UTF8.GetBytes(list.ToString());
        const string Import = "mutation($file: Upload!) { importSpreadsheet(file: $file) { summary } }";
        Task<JsonElement> ImportAsync() => api.ExecuteAsync(Import, new Inputs(new Dictionary<string, object?> { ["file"] = new UploadedFile("list.csv", null, bytes) }));

        var answers = await Task.WhenAll(ImportAsync(), ImportAsync());
        foreach (var answer in answers)
        {
            if (answer.TryGetProperty("errors", out _)) Assert.True(answer.Code() == "CONFLICT", answer.GetRawText());
            else Assert.Matches("^Resources: (300 created, 0 updated, 0 unchanged|0 created, 0 updated, 300 unchanged)$", answer.GetProperty("data").GetProperty("importSpreadsheet").GetProperty("summary").GetString());
        }
        Assert.Single(answers, a => a.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object && d.GetProperty("importSpreadsheet").GetProperty("summary").GetString()!.StartsWith("Resources: 300 created"));
        await using var db = api.Factory.CreateDbContext();
        Assert.Equal(300, await db.Resources.CountAsync(r => r.ExternalId != null && r.ExternalId.StartsWith("C-")));
    }
}
