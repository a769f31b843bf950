using System.Diagnostics;
using System.Reflection;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// Third-party JavaScript clients in <c>tests/conformance</c> (graphql-http, graphql-ws), installed from its lock file
/// with <c>npm ci</c> the first time a test needs them, then run with Node against a server.
/// </summary>
public static class NodeClients
{
    public static readonly string Folder = Path.GetFullPath(typeof(NodeClients).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ConformanceFolder").Value!);
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(string script, params string[] args)
    {
        await EnsureInstalledAsync();
        return await Processes.RunAsync("node", [Path.Combine(Folder, script), .. args], Folder);
    }

    public static async Task EnsureInstalledAsync()
    {
        await Installing.WaitAsync();
        try
        {
            // Installed, and not older than the lock file (a package added since needs a new install).
            var installed = new FileInfo(Path.Combine(Folder, "node_modules", ".package-lock.json"));
            if (installed.Exists && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json"))) return;
            var (exit, output, error) = await Processes.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Folder);
            if (exit != 0) throw new InvalidOperationException($"npm ci failed in {Folder}:\n{output}\n{error}");
        }
        finally
        {
            Installing.Release();
        }
    }
}

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
