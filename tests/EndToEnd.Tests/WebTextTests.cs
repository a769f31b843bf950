namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// The web app's own tests (web/test, node:test): its Latvian and English texts rendered for counts 0, 1, 2, 5, 11, 21
/// and 100 against hand-written sentences, number, distance and date formats, and the accent-insensitive name search.
/// Run here so that the README's one test command runs them too. The server's build has installed web/node_modules.
/// </summary>
public sealed class WebTextTests
{
    private static readonly string WebFolder = Path.GetFullPath(Path.Combine(NodeClients.Folder, "..", "..", "web"));

    [Fact]
    public async Task The_web_apps_own_tests_pass()
    {
        var (exit, output, error) = await Processes.RunAsync("npm", ["test"], WebFolder);
        Assert.True(exit == 0, $"npm test in {WebFolder} failed:\n{output}\n{error}");
        Assert.Contains("# fail 0", output);
        Assert.DoesNotContain("# pass 0", output);
    }
}
