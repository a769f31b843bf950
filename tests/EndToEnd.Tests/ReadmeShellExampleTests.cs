namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// The shell examples of README's sections on spreadsheets, HSDS, network files, GIS layers and backups, run as written in bash against a server of
/// their own: `dotnet run --project src/Api --` is the built executable, localhost:5080 the test server, the data
/// folder and $TOKEN (a worker of Cēsu novads, like Ilze) come from the environment, as a reader's shell would have them.
/// </summary>
public sealed class ReadmeShellExampleTests : IAsyncLifetime
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(NodeClients.Folder, "..", "..", "README.md"));
    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-readme-").FullName;
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync(Path.Combine(_folder, "data"));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The lines of a section's sh blocks, each command whole (continuation lines joined).</summary>
    private static List<string> Commands(string section)
    {
        var text = Readme[Readme.IndexOf($"\n## {section}\n", StringComparison.Ordinal)..];
        text = text[..(text.IndexOf("\n## ", 4, StringComparison.Ordinal) is var end and > 0 ? end : text.Length)];
        var commands = new List<string>();
        foreach (var block in text.Split("```sh\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]))
            commands.AddRange(block.Replace("\\\n", " ").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return commands;
    }

    private async Task<string> RunAsync(IEnumerable<string> commands, string token)
    {
        var script = string.Join('\n',
            [
                "set -euo pipefail",
                $"export Database__DataFolder='{_server.DataFolder}' TOKEN='{token}'",
                .. commands.Select(c => c.Replace("dotnet run --project src/Api --", $"dotnet '{ServerProcess.ServerAssembly}'")
                    .Replace("http://localhost:5080", _server.BaseAddress.ToString().TrimEnd('/'))),
            ]);
        var (exit, output, error) = await Processes.RunAsync("bash", ["-c", script], _folder);
        Assert.True(exit == 0, $"{script}\n---\n{output}\n{error}");
        return output;
    }

    [Fact]
    public async Task The_spreadsheet_and_backup_examples_work_as_written()
    {
        // README's "Signing in" has an admin create Ilze, a worker of Cēsu novads.
        var (created, _, why) = await Processes.RunAsync("dotnet", [ServerProcess.ServerAssembly, "user", "create", "Ilze", "--role", "worker", "--municipality", "Cēsu novads", "--Database:DataFolder", _server.DataFolder], _folder, "Ilzes-parole-2026\n");
        Assert.True(created == 0, why);
        var token = await _server.TokenAsync("worker", "Cēsu novads");

        var spreadsheets = Commands("A community's list: import from a spreadsheet");
        Assert.True(spreadsheets.Count >= 7, string.Join('\n', spreadsheets));
        var output = await RunAsync(spreadsheets, token);
        Assert.Contains("veidne.xlsx can be imported: Resursi: 0 created, 0 updated, 0 unchanged", output);
        Assert.Contains("imported veidne.xlsx", output);
        Assert.Contains("\"importSpreadsheet\":{\"summary\":\"Resursi: 0 created, 0 updated, 0 unchanged; Saites: 0 created, 0 updated, 0 unchanged; Aktivitātes: 0 created, 0 updated, 0 unchanged\"", output);
        Assert.DoesNotContain("\"errors\"", output);
        foreach (var file in new[] { "resursi.xlsx", "resources.csv", "ties.csv" })
            Assert.True(new FileInfo(Path.Combine(_folder, file)).Length > 1000, $"{file} is missing or empty");

        // The network files: anyone's GEXF, a worker's GraphML of two tie types on a day.
        await RunAsync(Commands("The network in Gephi, yEd and Cytoscape"), token);
        Assert.Contains("xmlns=\"http://gexf.net/1.3\"", await File.ReadAllTextAsync(Path.Combine(_folder, "tikls.gexf")));
        var graphml = await File.ReadAllTextAsync(Path.Combine(_folder, "tikls.graphml"));
        Assert.Contains("<graph id=\"resourcemap\" edgedefault=\"undirected\">", graphml);
        Assert.Contains("<data key=\"edge.type\">SHARED_ACTIVITY</data>", graphml);
        Assert.DoesNotContain("<data key=\"edge.type\">FUNDING</data>", graphml);

        // The HSDS API's examples answer JSON pages.
        var hsds = await RunAsync(Commands("Service directories: HSDS 3.0"), token);
        Assert.Contains("\"version\":\"3.0\"", hsds);
        Assert.Contains("\"name\":\"Senioru biedrība \\\"Draudzība-K\\\"\"", hsds);
        Assert.Contains("\"page_number\":2", hsds);
        Assert.True(new FileInfo(Path.Combine(_folder, "hsds.zip")).Length > 1000 && new FileInfo(Path.Combine(_folder, "hsds.json")).Length > 1000, "the HSDS files are missing");

        // The map's GIS layers (the section's other command imports a file of the reader's own).
        var layers = Commands("Geography for planners").Where(c => c.StartsWith("curl ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, layers.Count);
        await RunAsync(layers, token);
        foreach (var file in new[] { "resursi.geojson", "saites.geojson", "apgabali.geojson" })
            Assert.Equal("FeatureCollection", System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, file))).RootElement.GetProperty("type").GetString());
        Assert.Contains("\"underServed\":true", await File.ReadAllTextAsync(Path.Combine(_folder, "apgabali.geojson")));
        Assert.Equal("SQLite format 3\0", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(_folder, "karte.gpkg")), 0, 16));

        // Backups: the copy while the server runs, the restore once it has stopped.
        var backups = Commands("Backups");
        Assert.Equal(2, backups.Count);
        Assert.Contains("backed up", await RunAsync([backups[0]], token));
        await _server.DisposeAsync();
        Assert.Contains("restored", await RunAsync([backups[1]], token));
    }
}
