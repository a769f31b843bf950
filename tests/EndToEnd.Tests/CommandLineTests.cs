namespace ResourceMap.EndToEnd.Tests;

/// <summary>The executable's commands as a user types them: help that starts nothing, paths from where the user is.</summary>
public sealed class CommandLineTests : IDisposable
{
    private static readonly string ServerAssembly = ServerProcess.ServerAssembly;
    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    [InlineData("token", "--help")]
    public async Task Help_prints_every_command_and_exits_without_starting_a_server(params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (exit, output, error) = await Processes.RunAsync("dotnet", [ServerAssembly, .. args], _folder).WaitAsync(timeout.Token);
        Assert.True(exit == 0, error);
        foreach (var command in new[] { "analyze EDGES.csv", "import FILE.xlsx|FILE.csv", "backup FILE.db", "restore FILE.db", "import-areas AREAS.geojson", "import-population TABLE.csv", "token create --user NAME", "schema", "help" })
            Assert.Contains(command, output);
        Assert.DoesNotContain("ResourceMap is running", output);
    }

    [Fact]
    public async Task A_relative_path_given_through_dotnet_run_is_read_from_the_directory_the_user_is_in()
    {
        // A star of three ties: the hub's degree is 3, as anyone can count.
        await File.WriteAllTextAsync(Path.Combine(_folder, "edges.csv"), "source,target\nhub,a\nhub,b\nhub,c\n");
        var project = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ServerAssembly)!, "..", "..", ".."));
        var configuration = new DirectoryInfo(Path.GetDirectoryName(ServerAssembly)!).Parent!.Name;
        var (exit, output, error) = await Processes.RunAsync("dotnet",
            ["run", "--project", project, "-c", configuration, "--no-build", "--", "analyze", "edges.csv", "--json"], _folder);
        Assert.True(exit == 0, $"{output}\n{error}");
        Assert.Contains("\"hub\"", output);
    }
}
