using ResourceMap.Api.Areas;
using ResourceMap.Api.Import;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Cli;

/// <summary>
/// <c>import-population TABLE.csv [--Database:…=…]</c>: population per area and target group from a statistics table
/// (<see cref="PopulationImport"/>), all or nothing. Exit codes: 0 imported, 2 bad arguments or a bad table (every
/// problem on stderr by row and column, nothing written).
/// </summary>
public static class ImportPopulationCommand
{
    public const string Usage = "usage: import-population TABLE.csv [--Database:DataFolder=…]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var files = new List<string>();
        var settingsArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (CommandConfiguration.TakeSetting(args, ref i, settingsArgs, "Database", "Import")) continue;
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error.WriteLine($"error: unknown option '{args[i]}'. {Usage}");
                return 2;
            }
            files.Add(args[i]);
        }
        if (files.Count != 1)
        {
            error.WriteLine(Usage);
            return 2;
        }
        var configuration = CommandConfiguration.Build(settingsArgs);
        var limits = configuration.GetSection("Import").Get<ImportSettings>() ?? new ImportSettings();
        var path = StartDirectory.Resolve(files[0]);
        try
        {
            if (new FileInfo(path).Length > limits.MaxFileBytes)
            {
                error.WriteLine($"error: {files[0]} is larger than {limits.MaxFileMegabytes} MB (Import:MaxFileMegabytes).");
                return 2;
            }
            var table = CsvTables.Read(await File.ReadAllBytesAsync(path), Path.GetFileNameWithoutExtension(files[0]), limits);
            var settings = configuration.GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings();
            var factory = new ResourceMapDbContextFactory(settings);
            await DatabaseInitializer.InitializeAsync(factory, settings);
            await using var db = factory.CreateDbContext();
            var result = await PopulationImport.ImportAsync(db, table, CancellationToken.None);
            output.WriteLine($"imported {files[0]}: {result.Counts} count(s) for {result.Areas} area(s).");
            return 0;
        }
        catch (SpreadsheetException e)
        {
            error.WriteLine($"error: {files[0]} cannot be imported; nothing was imported.");
            foreach (var problem in e.Problems) error.WriteLine($"  {problem}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read {files[0]}: {e.Message}");
            return 2;
        }
    }
}
