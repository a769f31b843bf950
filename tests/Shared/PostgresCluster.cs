namespace ResourceMap.Tests;

/// <summary>
/// A throwaway PostgreSQL 15 cluster with PostGIS for the tests that run the server on it: Debian's
/// postgresql-15-postgis-3 (installed by apt-get on first use), a cluster made with initdb in a temporary folder and
/// started on a free port with pg_ctl — no system service — then stopped and deleted when the tests are done. PostgreSQL
/// refuses to run as root, so as root the cluster runs as Debian's postgres user.
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
        Directory.CreateDirectory(_folder);
        if (Root) await Processes.RunAsync("chown", ["postgres", _folder], "/");
        await RunAsync("initdb", "-D", Path.Combine(_folder, "data"), "-U", "resourcemap", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await RunAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-w", "-l", Path.Combine(_folder, "log"),
            "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start");
    }

    public async Task DisposeAsync()
    {
        await Processes.RunAsync(Root ? "runuser" : Path.Combine(Bin, "pg_ctl"),
            Root ? ["-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop"] : ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop"], "/");
        Directory.Delete(_folder, recursive: true);
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
/// The database a whole test run uses: SQLite, or PostgreSQL when <c>RESOURCEMAP_TEST_DATABASE=PostgreSql</c> (as
/// <c>.ci/run</c>'s second pass sets it) — then one throwaway cluster for the run, a new database for each test's data,
/// and the cluster stopped and deleted when the test process ends.
/// </summary>
public static class TestDatabase
{
    public static bool PostgreSql => Environment.GetEnvironmentVariable("RESOURCEMAP_TEST_DATABASE") == "PostgreSql";

    private static readonly Lazy<Task<PostgresCluster>> Cluster = new(async () =>
    {
        var cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().GetAwaiter().GetResult();
        return cluster;
    });

    /// <summary>A new PostgreSQL database's connection string on the PostgreSQL pass; null (SQLite) otherwise.</summary>
    public static async Task<string?> ConnectionStringAsync() => PostgreSql ? await (await Cluster.Value).NewConnectionStringAsync() : null;
}
