namespace ResourceMap.Tests;

/// <summary>
/// A throwaway PostgreSQL 15 cluster with PostGIS for the tests that run the server on it: Debian's
/// postgresql-15-postgis-3 (installed by apt-get on first use), a cluster made with initdb in a temporary folder and
/// started on a free port with pg_ctl — no system service — then stopped and deleted when the tests are done. PostgreSQL
/// refuses to run as root, so as root the cluster runs as Debian's postgres user. Its default collation is Latvian (ICU),
/// as a Latvian server's may well be: what the tests see of sorting and comparing text is what the schema fixes.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    /// <summary>The test collection that shares one cluster: every class that needs PostgreSQL joins it.</summary>
    public const string Collection = "PostgreSQL";

    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "resourcemap-pg-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = FreePort();
    private static readonly bool Root = Environment.UserName == "root";

    /// <summary>The connection string of a new, empty database of the cluster.</summary>
    public async Task<string> NewConnectionStringAsync()
    {
        var name = "rm_" + Guid.NewGuid().ToString("N")[..12];
        await RunAsync("psql", "-h", "127.0.0.1", "-p", _port.ToString(), "-U", "resourcemap", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", $"CREATE DATABASE {name}");
        return $"Host=127.0.0.1;Port={_port};Username=resourcemap;Database={name}";
    }

    /// <summary>Settings that point a server at a new, empty database of the cluster.</summary>
    public async Task<string[]> NewDatabaseAsync() =>
        ["--Database:Provider", "PostgreSql", "--Database:ConnectionString", await NewConnectionStringAsync()];

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        await DebianPackage.PostGis.EnsureInstalledAsync();
        SweepStopped();
        Directory.CreateDirectory(_folder);
        if (Root) await Processes.RunAsync("chown", ["postgres", _folder], "/");
        await RunAsync("initdb", "-D", Path.Combine(_folder, "data"), "-U", "resourcemap", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=lv-LV");
        await RunAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-w", "-l", Path.Combine(_folder, "log"),
            "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start");
        WatchForExit();
    }

    /// <summary>
    /// A watchdog outside the test process (setsid -f: not its child, so not killed with its tree) that stops the cluster
    /// and deletes its folder a second after the test process ends, however it ends: the test host may be killed as soon
    /// as the run is over, before its own clean-up has finished.
    /// </summary>
    private void WatchForExit()
    {
        var stop = $"{(Root ? "runuser -u postgres -- " : "")}{Bin}/pg_ctl -D '{_folder}/data' -m immediate stop";
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; {stop}; rm -rf '{_folder}'";
        var watchdog = new System.Diagnostics.ProcessStartInfo("setsid");
        foreach (var arg in new[] { "-f", "bash", "-c", script }) watchdog.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(watchdog)!;
        process.WaitForExit();
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops the cluster and deletes its folder, without awaiting anything: it also runs as the test process exits, when
    /// continuations may never be scheduled.
    /// </summary>
    public void Stop()
    {
        var stop = new System.Diagnostics.ProcessStartInfo(Root ? "runuser" : Path.Combine(Bin, "pg_ctl")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])(Root ? ["-u", "postgres", "--", Path.Combine(Bin, "pg_ctl")] : [])) stop.ArgumentList.Add(arg);
        foreach (var arg in new[] { "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop" }) stop.ArgumentList.Add(arg);
        using (var process = System.Diagnostics.Process.Start(stop)!) process.WaitForExit();
        // The postmaster may still be removing its pid file and socket as the stop returns: try again for a while.
        for (var attempt = 0; Directory.Exists(_folder); attempt++)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>
    /// Deletes the folders of earlier runs' clusters that are not running (no postmaster.pid) and were last touched over
    /// ten minutes ago: a test process killed before its clean-up leaves its folder behind, never a running server.
    /// </summary>
    private static void SweepStopped()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "resourcemap-pg-*"))
        {
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")) || Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-10)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Another run is sweeping it too.
            }
        }
    }

    private async Task RunAsync(string program, params string[] args)
    {
        var path = Path.Combine(Bin, program);
        var (exit, output, error) = Root
            ? await Processes.RunAsync("runuser", ["-u", "postgres", "--", path, .. args], "/")
            : await Processes.RunAsync(path, args, "/");
        if (exit != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({exit}):\n{output}\n{error}");
    }
}

[CollectionDefinition(PostgresCluster.Collection)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresCluster>;

/// <summary>
/// The database a test project's data lives in: SQLite, or PostgreSQL in the projects compiled with <c>POSTGRESQL</c>
/// (Api.PostgreSql.Tests, Persistence.PostgreSql.Tests: the same test sources again) — then one throwaway cluster for
/// the run, a new database for each test's data, and the cluster stopped and deleted when the test process ends.
/// </summary>
public static class TestDatabase
{
#if POSTGRESQL
    public const bool PostgreSql = true;
#else
    public const bool PostgreSql = false;
#endif

    private static readonly Lazy<Task<PostgresCluster>> Cluster = new(async () =>
    {
        var cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    });

    /// <summary>A new PostgreSQL database's connection string on the PostgreSQL pass; null (SQLite) otherwise.</summary>
    public static async Task<string?> ConnectionStringAsync() => PostgreSql ? await (await Cluster.Value).NewConnectionStringAsync() : null;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> ByFolder = new();

    /// <summary>
    /// On the PostgreSQL pass, the database that stands for a data folder: the same one each time the folder is named, so
    /// that a server restarted on its folder, or a command run on it, finds the data it left. Null otherwise.
    /// </summary>
    public static async Task<string?> ForFolderAsync(string folder) =>
        PostgreSql ? await ByFolder.GetOrAdd(Path.GetFullPath(folder), _ => new(async () => (await ConnectionStringAsync())!)).Value : null;
}
