using ResourceMap.Persistence;

namespace ResourceMap.Persistence.Tests;

/// <summary>
/// A real SQLite file in a folder of its own, removed after the test — or, on the run's PostgreSQL pass
/// (<see cref="TestDatabase"/>), a new database of its cluster, unless the test is about SQLite itself.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase(bool demoData = false, bool sqlite = false)
    {
        Folder = Path.Combine(Path.GetTempPath(), "resourcemap-test-" + Guid.NewGuid().ToString("N"));
        var postgres = sqlite ? null : TestDatabase.ConnectionStringAsync().GetAwaiter().GetResult();
        Settings = postgres is null
            ? new DatabaseSettings { DataFolder = Folder, DemoData = demoData }
            : new DatabaseSettings { Provider = DatabaseProvider.PostgreSql, ConnectionString = postgres, DataFolder = Folder, DemoData = demoData };
    }

    public string Folder { get; }
    public DatabaseSettings Settings { get; }

    /// <summary>A new factory each time, as a restarted server would build.</summary>
    public ResourceMapDbContextFactory NewFactory() => new(Settings);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
