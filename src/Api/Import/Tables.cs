using ResourceMap.Api.Languages;

namespace ResourceMap.Api.Import;

/// <summary>One sheet of a workbook, or one CSV file: its header row's cells and the rows under it, as text.</summary>
/// <param name="Sheet">The sheet's name as the file has it (a CSV file is named after the sheet it stands for).</param>
/// <param name="HeaderRow">The header's row number (1 for the first row).</param>
/// <param name="Headers">The header row's cells, trimmed; "" where a column has none.</param>
/// <param name="Rows">The rows under the header that hold anything, in the file's order.</param>
public sealed record Table(string Sheet, int HeaderRow, IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows);

/// <summary>A row by its number in the file (as a spreadsheet shows it), one text per header, "" for an empty cell.</summary>
public sealed record TableRow(int Number, string[] Cells)
{
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// What is wrong, and where: the sheet, the row and the column (by its header) when it is about one. The text is kept
/// as a message, written in the request's language when it is read.
/// </summary>
public sealed record ImportProblem(string? Sheet, int? Row, string? Column, Message Text)
{
    public ImportProblem(string? sheet, int? row, string? column, ref MessageHandler text) : this(sheet, row, column, text.ToMessage()) { }

    /// <summary>What is wrong, in the request's language.</summary>
    public string Message => Text.In(RequestLanguage.Current);

    /// <summary>Where and what, as one sentence: "Resursi, row 4, column veids: …".</summary>
    public Message Located => (Sheet, Row, Column) switch
    {
        (null, _, _) => Text,
        (_, null, null) => Languages.Message.WithValues("{0}: {1}", Sheet, Text),
        (_, null, _) => Languages.Message.WithValues("{0}, column {1}: {2}", Sheet, Column, Text),
        (_, _, null) => Languages.Message.WithValues("{0}, row {1}: {2}", Sheet, Row, Text),
        _ => Languages.Message.WithValues("{0}, row {1}, column {2}: {3}", Sheet, Row, Column, Text),
    };

    /// <summary>Where and what, in the request's language (English outside a request: the command line).</summary>
    public override string ToString() => Located.In(RequestLanguage.Current);
}

/// <summary>A file that cannot be read as the spreadsheet it claims to be; nothing in it was looked at further.</summary>
public sealed class SpreadsheetException(IReadOnlyList<ImportProblem> problems) : Exception(string.Join(" ", problems))
{
    public SpreadsheetException(ref MessageHandler message) : this([new ImportProblem(null, null, null, message.ToMessage())]) { }

    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}

/// <summary>Bounds on what an import reads, so that no file can take unbounded memory or time (section <c>Import</c>).</summary>
public sealed class ImportSettings
{
    /// <summary>The largest file accepted, in megabytes.</summary>
    public int MaxFileMegabytes { get; set; } = 20;

    /// <summary>The most rows a sheet may have under its header.</summary>
    public int MaxRows { get; set; } = 100_000;

    /// <summary>The most a workbook may unpack to, in megabytes (a zip bomb unpacks to gigabytes).</summary>
    public int MaxUnpackedMegabytes { get; set; } = 200;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024;
}
