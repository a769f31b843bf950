using System.Diagnostics;

namespace ResourceMap.Tests;

/// <summary>Runs a program to its end and returns its exit code, standard output and standard error.</summary>
public static class Processes
{
    /// <param name="file">The program.</param>
    /// <param name="args">Its arguments.</param>
    /// <param name="workingDirectory">Where it starts, as if a shell in that directory started it.</param>
    /// <param name="input">Typed on its standard input, which is then closed; none when null.</param>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string file, IEnumerable<string> args, string workingDirectory, string? input = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, WorkingDirectory = workingDirectory };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // On the PostgreSQL pass a command run on a data folder works on that folder's database (command-line settings
        // win over the environment's, so the folder still holds the signing key).
        var folder = start.ArgumentList.SkipWhile(a => a != "--Database:DataFolder").Skip(1).FirstOrDefault();
        if (folder is not null && await TestDatabase.ForFolderAsync(Path.GetFullPath(folder, workingDirectory)) is { } database)
        {
            start.Environment["Database__Provider"] = "PostgreSql";
            start.Environment["Database__ConnectionString"] = database;
        }
        // As a shell starting it in that directory would say.
        start.Environment["PWD"] = workingDirectory;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
