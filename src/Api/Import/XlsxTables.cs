using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ResourceMap.Api.Import;

/// <summary>
/// Reads sheets of an XLSX workbook with the Open XML SDK's forward-only reader (one row in memory at a time), after
/// checking the zip's declared sizes: a renamed PDF, a broken zip or a zip bomb is refused before any part is parsed,
/// and the SDK's <c>MaxCharactersInPart</c> stops a part that unpacks to more than it declared. Cells holding formulas
/// and merged cells are problems: an import takes values people typed, not what a formula last computed.
/// </summary>
public static class XlsxTables
{
    /// <summary>The sheets whose names <paramref name="wanted"/> accepts, in the workbook's order.</summary>
    public static IReadOnlyList<Table> Read(Stream file, ImportSettings settings, Func<string, bool> wanted)
    {
        CheckZip(file, settings);
        file.Position = 0;
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(file, false, new OpenSettings { MaxCharactersInPart = settings.MaxUnpackedMegabytes * 1024L * 1024 });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new SpreadsheetException($"The file is not an XLSX workbook (Excel 2007 or newer, or LibreOffice's \"Excel 2007-365\").");
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new SpreadsheetException($"The workbook has no sheets.");
            try
            {
                var strings = SharedStrings(workbook);
                var tables = new List<Table>();
                var problems = new List<ImportProblem>();
                foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
                {
                    var name = sheet.Name?.Value ?? "";
                    if (!wanted(name)) continue;
                    if (sheet.State?.Value is { } state && state != SheetStateValues.Visible)
                        problems.Add(new(name, null, null, $"The sheet is hidden: show it (or delete it) so that you can see what is imported."));
                    else if (sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart part)
                        tables.Add(ReadSheet(name, part, strings, settings, problems));
                }
                if (problems.Count > 0) throw new SpreadsheetException(problems);
                return tables;
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException)
            {
                throw new SpreadsheetException($"The workbook is damaged or larger than {settings.MaxUnpackedMegabytes} MB unpacked: {e.Message}");
            }
        }
    }

    /// <summary>Refuses what is not a zip, or unpacks to more than the settings allow, before anything is unpacked.</summary>
    private static void CheckZip(Stream file, ImportSettings settings)
    {
        Span<byte> magic = stackalloc byte[4];
        file.Position = 0;
        file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (magic.StartsWith("%PDF"u8)) throw new SpreadsheetException($"The file is a PDF, not a spreadsheet: export the table from its program as XLSX or CSV.");
        if (!magic.StartsWith("PK"u8)) throw new SpreadsheetException($"The file is not an XLSX workbook (Excel 2007 or newer, or LibreOffice's \"Excel 2007-365\").");
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var unpacked = zip.Entries.Sum(e => e.Length);
            if (unpacked > settings.MaxUnpackedMegabytes * 1024L * 1024)
                throw new SpreadsheetException($"The workbook unpacks to {unpacked / (1024 * 1024)} MB, more than the {settings.MaxUnpackedMegabytes} MB allowed (Import:MaxUnpackedMegabytes).");
        }
        catch (InvalidDataException)
        {
            throw new SpreadsheetException($"The file is a damaged zip, not a readable XLSX workbook.");
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                strings.Add(Text((SharedStringItem)reader.LoadCurrentElement()!));
        return strings;
    }

    /// <summary>A string item's text: its runs, without the phonetic hints some East Asian files add.</summary>
    private static string Text(OpenXmlElement item) =>
        item.ChildElements.Count == 0 ? item.InnerText : string.Concat(item.ChildElements.Where(c => c is not PhoneticRun).Select(c => c.InnerText));

    private static Table ReadSheet(string name, WorksheetPart part, List<string> strings, ImportSettings settings, List<ImportProblem> problems)
    {
        string[]? headers = null;
        var headerRow = 0;
        var rows = new List<TableRow>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(MergeCell))
            {
                var merged = ((MergeCell)reader.LoadCurrentElement()!).Reference?.Value;
                problems.Add(new(name, null, null, $"Cells {merged} are merged: unmerge them, so that each value stands in its own row and column."));
                continue;
            }
            if (reader.ElementType != typeof(Row)) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int)(row.RowIndex?.Value ?? (uint)(headerRow + rows.Count + 1));
            var cells = Cells(name, number, row, strings, headers, problems);
            if (headers is null)
            {
                if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
                var width = cells.Keys.Max() + 1;
                headers = Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, "").Trim()).ToArray();
                headerRow = number;
                continue;
            }
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count == settings.MaxRows)
                throw new SpreadsheetException($"{name}: more than {settings.MaxRows:N0} rows (Import:MaxRows); import the list in parts.");
            foreach (var (index, value) in cells)
                if (index >= headers.Length && !string.IsNullOrWhiteSpace(value))
                    problems.Add(new(name, number, ColumnName(index), $"A value in a column without a header: give the column a header, or empty it."));
            rows.Add(new TableRow(number, Enumerable.Range(0, headers.Length).Select(i => cells.GetValueOrDefault(i, "")).ToArray()));
        }
        return new Table(name, headerRow, headers ?? [], rows);
    }

    /// <summary>A row's cells by column index (0 for A), as text: numbers as the file stores them (invariant culture).</summary>
    private static Dictionary<int, string> Cells(string sheet, int rowNumber, Row row, List<string> strings, string[]? headers, List<ImportProblem> problems)
    {
        var cells = new Dictionary<int, string>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
            next = index + 1;
            if (cell.CellFormula is not null)
            {
                problems.Add(new(sheet, rowNumber, headers is not null && index < headers.Length ? headers[index] : ColumnName(index), $"The cell holds a formula: paste its value instead (Paste Special → Values)."));
                continue;
            }
            var value = cell.CellValue?.Text ?? "";
            var type = cell.DataType?.Value;
            cells[index] = type == CellValues.SharedString
                ? int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : ""
                : type == CellValues.InlineString ? cell.InlineString is { } inline ? Text(inline) : ""
                : type == CellValues.Boolean ? value == "1" ? "yes" : "no"
                : value;
        }
        return cells;
    }

    /// <summary>The 0-based column of a cell reference: "B7" → 1, "AA3" → 26.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    /// <summary>A column's letters as a spreadsheet shows them: 0 → "A", 26 → "AA".</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
