namespace ResourceMap.Api.Cli;

/// <summary>The settings a command of the executable reads, from the same places as the server's.</summary>
public static class CommandConfiguration
{
    /// <summary>appsettings.json, then environment variables, then <paramref name="settingsArgs"/> (<c>--Section:Key value</c>), later ones winning.</summary>
    public static IConfiguration Build(IEnumerable<string> settingsArgs) =>
        new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(settingsArgs.ToArray()).Build();

    /// <summary>
    /// Takes the option at <paramref name="i"/> into <paramref name="settingsArgs"/> when it is a setting of one of
    /// these sections (<c>--Database:DataFolder DIR</c> or <c>--Database:DataFolder=DIR</c>), moving past its value.
    /// </summary>
    public static bool TakeSetting(string[] args, ref int i, List<string> settingsArgs, params string[] sections)
    {
        var arg = args[i];
        if (!sections.Any(section => arg.StartsWith($"--{section}:", StringComparison.OrdinalIgnoreCase))) return false;
        settingsArgs.Add(arg);
        if (!arg.Contains('=') && i + 1 < args.Length) settingsArgs.Add(args[++i]);
        return true;
    }

    /// <summary>A refusal as every command says it: one line on stderr, exit code 2.</summary>
    public static int Fail(TextWriter error, string message)
    {
        error.WriteLine("error: " + message);
        return 2;
    }
}
