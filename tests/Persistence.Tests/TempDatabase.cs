using ResourceMap.Persistence;

namespace ResourceMap.Persistence.Tests;

/// <summary>A real SQLite file in a folder of its own, removed after the test.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase(bool demoData = false)
    {
        Folder = Path.Combine(Path.GetTempPath(), "resourcemap-test-" + Guid.NewGuid().ToString("N"));
        Settings = new DatabaseSettings { DataFolder = Folder, DemoData = demoData };
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
