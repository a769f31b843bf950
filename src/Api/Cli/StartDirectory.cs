namespace ResourceMap.Api.Cli;

/// <summary>
/// The directory a command was started from. `dotnet run --project src/Api` runs the program in the project's
/// directory, so a relative path a user typed (`analyze edges.csv`) would be looked for under src/Api; the shell's
/// PWD, which dotnet run passes on, is where the user was. Only then: a program started some other way may inherit
/// a PWD that is not its own, so the working directory counts unless it is the project's.
/// </summary>
public static class StartDirectory
{
    public static string Path
    {
        get
        {
            var current = Environment.CurrentDirectory;
            var startedByDotnetRun = File.Exists(System.IO.Path.Combine(current, "ResourceMap.Api.csproj"));
            return startedByDotnetRun && Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd) ? pwd : current;
        }
    }

    /// <summary>The path as the user meant it: an absolute one as it is, a relative one from <see cref="Path"/>.</summary>
    public static string Resolve(string path) => System.IO.Path.GetFullPath(path, Path);
}
