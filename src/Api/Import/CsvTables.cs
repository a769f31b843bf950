using System.Text;
using nietras.SeparatedValues;

namespace ResourceMap.Api.Import;

/// <summary>
/// Reads a CSV file with Sep (RFC 4180 quoting, line breaks inside quotes): the separator is found from the header
/// (Latvian Excel saves with ';'), and the text is UTF-8 (with or without BOM), UTF-16 with a BOM, or else Windows-1257,
/// which Latvian Excel writes for "CSV" — a file that is not valid UTF-8 is taken to be that.
/// </summary>
public static class CsvTables
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Table Read(ReadOnlySpan<byte> bytes, string sheet, ImportSettings settings)
    {
        if (bytes.StartsWith("%PDF"u8)) throw new SpreadsheetException($"{sheet}: the file is a PDF, not a spreadsheet: export the table from its program as XLSX or CSV.");
        if (bytes.StartsWith("PK"u8)) throw new SpreadsheetException($"{sheet}: the file is a zip (an XLSX workbook?), not CSV text: give it the ending .xlsx.");
        var text = Decode(bytes) ?? throw new SpreadsheetException($"{sheet}: the file is not text (it holds zero bytes): save the sheet as CSV.");

        string[]? headers = null;
        var headerRow = 0;
        var rows = new List<TableRow>();
        var number = 0;
        var problems = new List<ImportProblem>();
        try
        {
            using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
            foreach (var row in reader)
            {
                number++;
                var cells = new string[row.ColCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = Unprotected(row[i].ToString());
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (headers is null)
                {
                    headers = cells.Select(c => c.Trim()).ToArray();
                    headerRow = number;
                    continue;
                }
                if (rows.Count == settings.MaxRows)
                    throw new SpreadsheetException($"{sheet}: more than {settings.MaxRows:N0} rows (Import:MaxRows); import the list in parts.");
                if (cells.Skip(headers.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
                    problems.Add(new ImportProblem(sheet, number, null, $"The row has {cells.Length} values but the header {headers.Length} columns: quote values that hold the separator."));
                rows.Add(new TableRow(number, Enumerable.Range(0, headers.Length).Select(i => i < cells.Length ? cells[i] : "").ToArray()));
            }
        }
        catch (Exception e) when (e is not SpreadsheetException and (FormatException or InvalidOperationException or ArgumentException))
        {
            throw new SpreadsheetException($"{sheet}: not readable as CSV near row {number + 1}: {e.Message}");
        }
        if (problems.Count > 0) throw new SpreadsheetException(problems);
        return new Table(sheet, headerRow, headers ?? [], rows);
    }

    /// <summary>A cell an export protected against formula injection ('=…, see ExportEndpoints) read as it was.</summary>
    private static string Unprotected(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;

    /// <summary>The file's text, or null when it holds zero bytes (no text encoding we read writes them).</summary>
    private static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (bytes.Contains((byte)0)) return null;
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1257)!.GetString(bytes);
        }
    }
}
