using System.Text.Json;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Geo;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Cli;

/// <summary>
/// <c>import-areas AREAS.geojson|AREAS.zip [--approximate] [shapefile columns] [--Database:…=…]</c>: imports areas into
/// the configured database, as the <c>importAreas</c> mutation does, all or nothing: a GeoJSON FeatureCollection (WGS84
/// or LKS-92), or a zipped shapefile (<see cref="ShapefileAreas"/>) whose columns are named by <c>--name-field</c>,
/// <c>--kind</c> or <c>--kind-field</c>, <c>--parent</c> or <c>--parent-field</c>, <c>--population-field</c> and <c>--code-field</c>.
/// Exit codes: 0 imported, 2 bad arguments or a bad file (every problem on stderr, one per line, nothing written).
/// </summary>
public static class ImportAreasCommand
{
    public const string Usage = "usage: import-areas AREAS.geojson|AREAS.zip [--approximate] [--name-field F] [--kind K | --kind-field F] [--parent P | --parent-field F] [--population-field F] [--code-field F] [--Database:DataFolder=…]";

    private static readonly string[] ColumnOptions = ["--name-field", "--kind", "--kind-field", "--parent", "--parent-field", "--population-field", "--code-field"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var files = new List<string>();
        var settingsArgs = new List<string>();
        var approximate = false;
        var columns = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--approximate") approximate = true;
            else if (ColumnOptions.Contains(args[i]))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error.WriteLine($"error: {args[i]} needs a value. {Usage}");
                    return 2;
                }
                columns[args[i]] = args[++i];
            }
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

        var shapefile = files[0].EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        if (!shapefile && columns.Count > 0)
        {
            error.WriteLine($"error: {string.Join(", ", columns.Keys)} name a shapefile's columns; a GeoJSON file's properties are named as README says.");
            return 2;
        }
        object? collection;
        try
        {
            if (shapefile)
            {
                await using var zip = File.OpenRead(StartDirectory.Resolve(files[0]));
                var problems = new List<string>();
                collection = ShapefileAreas.Read(zip, new ShapefileAreas.Columns(columns.GetValueOrDefault("--name-field"), columns.GetValueOrDefault("--kind-field"),
                    columns.GetValueOrDefault("--kind"), columns.GetValueOrDefault("--parent-field"), columns.GetValueOrDefault("--parent"),
                    columns.GetValueOrDefault("--population-field"), columns.GetValueOrDefault("--code-field")), problems);
                if (collection is null)
                {
                    error.WriteLine($"error: {files[0]} cannot be imported; nothing was imported.");
                    foreach (var problem in problems) error.WriteLine($"  {problem}");
                    return 2;
                }
            }
            else
            {
                using var document = JsonDocument.Parse(await File.ReadAllTextAsync(StartDirectory.Resolve(files[0])));
                collection = JsonValues.FromJson(document.RootElement);
            }
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
