namespace ResourceMap.Api.Cli;

/// <summary>The settings a command of the executable reads, from the same places as the server's.</summary>
public static class CommandConfiguration
{
    /// <summary>appsettings.json, then environment variables, then <paramref name="settingsArgs"/> (<c>--Section:Key value</c>), later ones winning.</summary>
    public static IConfiguration Build(IEnumerable<string> settingsArgs) =>
        new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(settingsArgs.ToArray()).Build();
}
