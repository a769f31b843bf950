using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ResourceMap.Persistence;

/// <summary>Creates contexts of the configured provider. Thread-safe: each resolver or loader takes its own short-lived context.</summary>
public sealed class ResourceMapDbContextFactory : IDbContextFactory<ResourceMapDbContext>
{
    private readonly DatabaseSettings _settings;
    private readonly string _connectionString;
    private readonly Action<DbContextOptionsBuilder>? _configure;
    // Built once: every resolver and loader opens a context, and building options each time cost more than the context.
    private DbContextOptions<SqliteResourceMapDbContext>? _sqlite;
    private DbContextOptions<SqlServerResourceMapDbContext>? _sqlServer;
    private DbContextOptions<PostgreSqlResourceMapDbContext>? _postgreSql;

    public ResourceMapDbContextFactory(DatabaseSettings settings, Action<DbContextOptionsBuilder>? configure = null)
    {
        _settings = settings;
        _connectionString = settings.ResolveConnectionString();
        _configure = configure;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(_connectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
    }

    public DatabaseProvider Provider => _settings.Provider;

    public ResourceMapDbContext CreateDbContext() => _settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteResourceMapDbContext(_sqlite ??= Options<SqliteResourceMapDbContext>(b => b.UseSqlite(_connectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(new SqliteSecureDelete()))),
        DatabaseProvider.SqlServer => new SqlServerResourceMapDbContext(_sqlServer ??= Options<SqlServerResourceMapDbContext>(b => b.UseSqlServer(_connectionString))),
        DatabaseProvider.PostgreSql => new PostgreSqlResourceMapDbContext(_postgreSql ??= Options<PostgreSqlResourceMapDbContext>(b => b.UseNpgsql(_connectionString, o => o.UseNetTopologySuite()))),
        _ => throw new InvalidOperationException($"Unknown database provider {_settings.Provider}."),
    };

    private DbContextOptions<T> Options<T>(Action<DbContextOptionsBuilder<T>> provider) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        provider(builder);
        _configure?.Invoke(builder);
        return builder.Options;
    }
}

/// <summary>Used by <c>dotnet ef</c> to build the SQLite migrations.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteResourceMapDbContext>
{
    public SqliteResourceMapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteResourceMapDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Used by <c>dotnet ef</c> to build the SQL Server migrations; no server is contacted.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerResourceMapDbContext>
{
    public SqlServerResourceMapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerResourceMapDbContext>().UseSqlServer("Server=(local);Database=ResourceMap;Integrated Security=true;TrustServerCertificate=true").Options);
}

/// <summary>Used by <c>dotnet ef</c> to build the PostgreSQL migrations; no server is contacted.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlResourceMapDbContext>
{
    public PostgreSqlResourceMapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlResourceMapDbContext>().UseNpgsql("Host=localhost;Database=resourcemap", o => o.UseNetTopologySuite()).Options);
}
