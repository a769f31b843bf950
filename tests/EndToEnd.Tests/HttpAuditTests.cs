using System.Reflection;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>The GraphQL-over-HTTP audit of the graphql-http package (1.23.1), run by Node against the real server.</summary>
public sealed class HttpAuditTests(DemoServer demo) : IClassFixture<DemoServer>
{
    /// <summary>
    /// The SHOULDs we do not meet, on purpose, as README explains: the issue asks for application/graphql-response+json
    /// by default, while these two legacy SHOULDs ask for application/json when the client accepts anything.
    /// </summary>
    private static readonly string[] ExpectedWarnings = ["47DE", "80D8"];

    [Fact]
    public async Task Every_MUST_passes_and_only_the_documented_SHOULDs_warn()
    {
        var (exit, output, error) = await NodeClients.RunAsync("audit.mjs", new Uri(demo.Server.BaseAddress, "/graphql").ToString());
        Assert.True(exit == 0, error);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.True(results.Count > 50, output);
        var failures = results.Where(r => r.GetProperty("status").GetString() == "error").Select(r => $"{r.GetProperty("name")}: {r.GetProperty("reason")}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(ExpectedWarnings, results.Where(r => r.GetProperty("status").GetString() == "warn").Select(r => r.GetProperty("id").GetString()).Order());
    }
}

public sealed class SdlTests(DemoServer demo) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Get_graphql_sdl_returns_the_committed_schema()
    {
        var response = await demo.Server.Client.GetAsync("/graphql?sdl");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var sdl = await response.Content.ReadAsStringAsync();
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(SdlTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ConformanceFolder").Value!)!, ".."));
        Assert.Equal(File.ReadAllText(Path.Combine(root, "schema.graphql")).ReplaceLineEndings("\n"), sdl);
    }
}
