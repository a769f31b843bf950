using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ResourceMap.Api.Import;

/// <summary>A sheet to write: rows of text (the first is the header, in bold and frozen), and the columns that offer a list.</summary>
public sealed record SheetToWrite(string Name, IReadOnlyList<IReadOnlyList<string>> Rows, bool Hidden = false)
{
    /// <summary>False for a sheet of text (instructions), whose first row is no header to keep in sight.</summary>
    public bool FreezeHeader { get; init; } = true;

    /// <summary>Column index → the cells (of the list sheet) whose values the column's cells choose from.</summary>
    public Dictionary<int, string> Choices { get; init; } = [];

    /// <summary>Columns whose cells below the header are numbers (written as numbers, so that a spreadsheet computes with them).</summary>
    public IReadOnlySet<int> Numbers { get; init; } = new HashSet<int>();

    /// <summary>Column widths in characters, by index; others get a width from their header.</summary>
    public Dictionary<int, double> Widths { get; init; } = [];
}

/// <summary>
/// Writes an XLSX workbook with the Open XML SDK: text cells (inline strings, so no shared string table to keep), a bold
/// frozen header row, and list validation where a column takes one of a few words (a dropdown in Excel and LibreOffice).
/// </summary>
public static class XlsxWriter
{
    public static void Write(Stream output, IReadOnlyList<SheetToWrite> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            sheetList.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(part),
                SheetId = id++,
                Name = sheet.Name,
                State = sheet.Hidden ? SheetStateValues.Hidden : null,
            });
        }
        workbookPart.Workbook.Save();
    }

    private static Worksheet Worksheet(SheetToWrite sheet)
    {
        var worksheet = new Worksheet();
        var width = sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Count);
        if (sheet.FreezeHeader && !sheet.Hidden)
            worksheet.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
        if (width > 0)
            worksheet.Append(new Columns(Enumerable.Range(0, width).Select(i => new DocumentFormat.OpenXml.Spreadsheet.Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true,
                Width = sheet.Widths.TryGetValue(i, out var w) ? w : Math.Clamp(sheet.Rows[0].ElementAtOrDefault(i)?.Length + 4 ?? 12, 12, 40),
            })));
        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)r + 1 };
            for (var c = 0; c < sheet.Rows[r].Count; c++)
            {
                var text = sheet.Rows[r][c];
                if (string.IsNullOrEmpty(text)) continue;
                var reference = $"{XlsxTables.ColumnName(c)}{r + 1}";
                row.Append(r > 0 && sheet.Numbers.Contains(c)
                    ? new Cell { CellReference = reference, CellValue = new CellValue(text) }
                    : new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.InlineString,
                        StyleIndex = r == 0 ? 1U : 0U,
                        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
                    });
            }
            data.Append(row);
        }
        worksheet.Append(data);
        if (sheet.Choices.Count > 0)
            worksheet.Append(new DataValidations(sheet.Choices.Select(choice => new DataValidation(new Formula1(choice.Value))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{XlsxTables.ColumnName(choice.Key)}2:{XlsxTables.ColumnName(choice.Key)}100000" },
            })) { Count = (uint)sheet.Choices.Count });
        return worksheet;
    }

    /// <summary>The style "Normal" and two cell formats: plain (0) and bold (1) for headers.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(new CellFormat { FormatId = 0 }, new CellFormat { FormatId = 0, FontId = 1, ApplyFont = true }) { Count = 2 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
