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
