namespace ResourceMap.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite it defaults to a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded database lives; created on first start.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Load the demo dataset into an empty database on start.</summary>
    public bool DemoData { get; set; } = true;

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString;
        if (Provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException($"Database:ConnectionString is required when Database:Provider is {Provider}.");
        return $"Data Source={Path.Combine(Path.GetFullPath(DataFolder), "resourcemap.db")}";
    }
}
