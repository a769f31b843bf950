using System.Reflection;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>The <c>analyze</c> command as a user runs it: the server's own executable, no database, stdout and exit code.</summary>
public sealed class AnalyzeProcessTests : IDisposable
{
    private static readonly string ServerAssembly = typeof(AnalyzeProcessTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerAssembly").Value!;

    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-analyze-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Exit, string Output, string Error)> RunAsync(string csv, params string[] flags)
    {
        var path = Path.Combine(_folder, "edges.csv");
        await File.WriteAllTextAsync(path, csv);
        return await Processes.RunAsync("dotnet", new[] { ServerAssembly, "analyze", path }.Concat(flags), _folder);
    }

    [Fact]
    public async Task A_star_prints_json_with_its_centre_as_the_only_articulation_point()
    {
        // Star with centre c and leaves 1..4: c lies on all C(4,2) = 6 leaf pairs; normalised 2·6 / (4·3) = 1.
        var (exit, output, error) = await RunAsync("source,target\nc,1\nc,2\nc,3\nc,4\n", "--json");
        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        var centre = json.GetProperty("nodes")[0];
        Assert.Equal("c", centre.GetProperty("id").GetString());
        Assert.Equal(6, centre.GetProperty("betweenness").GetDouble());
        Assert.Equal(1, centre.GetProperty("betweennessNormalized").GetDouble());
        Assert.True(centre.GetProperty("isArticulationPoint").GetBoolean());
        Assert.Equal(4, json.GetProperty("bridges").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("modularity").ValueKind);
    }

    [Fact]
    public async Task A_bad_row_exits_with_code_2_and_one_line_on_stderr()
    {
        var (exit, output, error) = await RunAsync("source,target,weight\na,b,1\nb,c,-1\n", "--weight");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("row 3: weight -1 must be positive (weights are distances).", error.Trim().Split(": ", 3)[2]);
    }
}
