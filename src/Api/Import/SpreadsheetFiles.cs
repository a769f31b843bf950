namespace ResourceMap.Api.Import;

/// <summary>The sheets of a file to import (uploaded, or read by the import command): an XLSX workbook's Resources and Ties sheets, a CSV file of resources and optionally one of ties, or an HSDS file (<see cref="Hsds.HsdsImport"/>).</summary>
public static class SpreadsheetFiles
{
    public static IReadOnlyList<Table> Read(UploadedFile file, UploadedFile? ties, ImportSettings settings)
    {
        foreach (var f in new[] { file, ties }.OfType<UploadedFile>())
            if (f.Content.LongLength > settings.MaxFileBytes) throw TooLarge(f.FileName, f.Content.LongLength, settings);
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension == ".xlsx")
        {
            if (ties is not null) throw new SpreadsheetException($"A workbook holds its ties in its sheet Ties: give no separate file of ties.");
            using var stream = new MemoryStream(file.Content, writable: false);
            return XlsxTables.Read(stream, settings, IsImported);
        }
        if (extension is ".csv" or ".txt")
        {
            var tables = new List<Table> { CsvTables.Read(file.Content, ImportColumns.ResourcesSheet, settings) };
            if (ties is not null) tables.Add(CsvTables.Read(ties.Content, ImportColumns.TiesSheet, settings));
            return tables;
        }
        if (extension is ".json" or ".zip")
        {
            if (ties is not null) throw new SpreadsheetException($"An HSDS file holds its ties itself (resourcemap:relationships): give no separate file of ties.");
            return extension == ".json" ? Hsds.HsdsImport.FromJson(file.Content) : Hsds.HsdsImport.FromTabular(file.Content, settings);
        }
        throw new SpreadsheetException($"{file.FileName}: give an .xlsx workbook, a .csv file, or an HSDS file (.json, or the tabular .zip); old .xls and .ods files: save them as .xlsx first.");
    }

    /// <summary>The refusal of a file over Import:MaxFileMegabytes (the import command says it before reading the file).</summary>
    public static SpreadsheetException TooLarge(string name, long bytes, ImportSettings settings) =>
        new($"{name} has {bytes / (1024 * 1024)} MB, more than the {settings.MaxFileMegabytes} MB allowed (Import:MaxFileMegabytes); import the list in parts.");

    private static bool IsImported(string sheet) =>
        ImportColumns.ResourcesSheetNames.Concat(ImportColumns.TiesSheetNames).Concat(ImportColumns.ActivitiesSheetNames).Contains(sheet.Trim(), StringComparer.OrdinalIgnoreCase);
}
