using Microsoft.EntityFrameworkCore;
using ResourceMap.Persistence.Demo;

namespace ResourceMap.Persistence;

/// <summary>Brings the database to the current schema on start and, when it is empty and demo data is on, loads the demo network.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(ResourceMapDbContextFactory factory, DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken);
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            // WAL: readers do not block the writer, and a crash never leaves a half-written page.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        if (settings.DemoData && !await db.Resources.AnyAsync(cancellationToken) && !await db.Areas.AnyAsync(cancellationToken))
            await DemoData.LoadAsync(db, cancellationToken);
    }
}
