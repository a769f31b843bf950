namespace ResourceMap.Tests;

/// <summary>
/// A Debian package a test needs as an independent peer (Chromium for the browser tests, openpyxl to write and read
/// workbooks as another program would, networkx to read the network files, GDAL the GIS layers, PostgreSQL with PostGIS as the server database), installed with apt-get the first time a test needs it (as root, or with
/// password-less sudo), so that the README's one test command is all a fresh machine of ours needs; .ci/run does the
/// same through this. Nothing is downloaded from anywhere else.
/// </summary>
public sealed class DebianPackage(string name, string installedPath)
{
    public static readonly DebianPackage Chromium = new("chromium", "/usr/bin/chromium");
    public static readonly DebianPackage Openpyxl = new("python3-openpyxl", "/usr/lib/python3/dist-packages/openpyxl");
    public static readonly DebianPackage Networkx = new("python3-networkx", "/usr/lib/python3/dist-packages/networkx");
    public static readonly DebianPackage Gdal = new("gdal-bin", "/usr/bin/ogrinfo");
    /// <summary>pdftoppm and pdftotext: a printed PDF turned into an image to look at and into its text.</summary>
    public static readonly DebianPackage Poppler = new("poppler-utils", "/usr/bin/pdftoppm");
    public static readonly DebianPackage PostGis = new("postgresql-15-postgis-3", "/usr/lib/postgresql/15/lib/postgis-3.so");

    // One apt-get at a time: two would wait on its lock, or fail.
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public async Task EnsureInstalledAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(installedPath) || Directory.Exists(installedPath)) return;
            var root = Environment.UserName == "root";
            foreach (var step in new[] { new[] { "apt-get", "update", "-qq" }, ["apt-get", "install", "-y", "-qq", name] })
            {
                var (exit, output, error) = root
                    ? await Processes.RunAsync(step[0], step[1..], "/")
                    : await Processes.RunAsync("sudo", ["-n", .. step], "/");
                if (exit != 0)
                    throw new InvalidOperationException($"{name} is not installed ({installedPath}) and '{string.Join(' ', step)}' failed ({exit}); install Debian's {name} package:\n{output}\n{error}");
            }
        }
        finally
        {
            Installing.Release();
        }
    }
}
