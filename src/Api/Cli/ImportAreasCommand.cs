using System.Text.Json;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Geo;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Cli;

/// <summary>
/// <c>import-areas AREAS.geojson [--approximate] [--Database:…=…]</c>: imports a GeoJSON FeatureCollection of areas into
/// the configured database, as the <c>importAreas</c> mutation does, all or nothing. Exit codes: 0 imported, 2 bad
/// arguments or a bad file (every problem on stderr, one per line, nothing written).
/// </summary>
public static class ImportAreasCommand
{
    public const string Usage = "usage: import-areas AREAS.geojson [--approximate] [--Database:DataFolder=…]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var files = new List<string>();
        var settingsArgs = new List<string>();
        var approximate = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--approximate") approximate = true;
            else if (CommandConfiguration.TakeSetting(args, ref i, settingsArgs, "Database")) continue;
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error.WriteLine($"error: unknown option '{args[i]}'. {Usage}");
                return 2;
            }
            else files.Add(args[i]);
        }
        if (files.Count != 1)
        {
            error.WriteLine(Usage);
            return 2;
        }

        object? collection;
        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(StartDirectory.Resolve(files[0])));
            collection = JsonValues.FromJson(document.RootElement);
        }
        catch (JsonException e)
        {
            error.WriteLine($"error: {files[0]} is not JSON: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read {files[0]}: {e.Message}");
            return 2;
        }
        if (collection is not IDictionary<string, object?> root)
        {
            error.WriteLine($"error: {files[0]} must hold a GeoJSON FeatureCollection object.");
            return 2;
        }

        var configuration = CommandConfiguration.Build(settingsArgs);
        var settings = configuration.GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings();
        var factory = new ResourceMapDbContextFactory(settings);
        await DatabaseInitializer.InitializeAsync(factory, settings);
        try
        {
            await using var db = factory.CreateDbContext();
            var result = await AreaImport.ImportAsync(db, root, approximate, CancellationToken.None);
            output.WriteLine($"imported {files[0]}: {result.Created.Count} area(s) created, {result.Updated.Count} updated.");
            return 0;
        }
        catch (UserError e)
        {
            error.WriteLine($"error: {e.Message.Split(". ")[0]}.");
            if (e.Data["problems"] is IEnumerable<Dictionary<string, object?>> problems)
                foreach (var problem in problems) error.WriteLine($"  {problem["message"]}");
            return 2;
        }
    }
}
