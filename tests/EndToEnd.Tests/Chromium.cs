namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium for the browser tests, installed with apt-get the first time a test needs it (as root, or with
/// password-less sudo), so that the README's one test command is all a fresh machine of ours needs; .ci/run does the
/// same through this. No browser is downloaded from anywhere else.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static async Task EnsureInstalledAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(Path)) return;
            var root = Environment.UserName == "root";
            foreach (var step in new[] { new[] { "apt-get", "update", "-qq" }, ["apt-get", "install", "-y", "-qq", "chromium"] })
            {
                var (exit, output, error) = root
                    ? await Processes.RunAsync(step[0], step[1..], "/")
                    : await Processes.RunAsync("sudo", ["-n", .. step], "/");
                if (exit != 0)
                    throw new InvalidOperationException($"Chromium is not installed at {Path} and '{string.Join(' ', step)}' failed ({exit}); install Debian's chromium package:\n{output}\n{error}");
            }
        }
        finally
        {
            Installing.Release();
        }
    }
}
