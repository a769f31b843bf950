using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ResourceMap.Persistence;

/// <summary>
/// Copies of the embedded database: <c>VACUUM INTO</c> writes a consistent copy of the database as of one moment while
/// the server goes on reading and writing (a read transaction's snapshot, in WAL mode), and a restore checks a copy
/// before it replaces the database. Servers and other databases keep their own tools (pg_dump, BACKUP DATABASE).
/// </summary>
public static class SqliteBackups
{
    public const string DatabaseFile = "resourcemap.db";

    /// <summary>Writes the copy to a temporary file beside the target, then moves it there: no half-written backup is ever left under its name.</summary>
    public static async Task BackupAsync(ResourceMapDbContextFactory factory, string target, CancellationToken ct = default)
    {
        if (factory.Provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException("backup copies the embedded SQLite database; back a server database up with its own tools.");
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        File.Delete(partial);
        await using (var db = factory.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {partial}", ct);
        File.Move(partial, full, overwrite: true);
    }

    /// <summary>What is wrong with a file meant to be restored, or null when it is a sound ResourceMap database.</summary>
    public static async Task<string?> ProblemAsync(string file, IReadOnlyCollection<string> knownMigrations, CancellationToken ct = default)
    {
        if (!File.Exists(file)) return $"there is no file {file}.";
        using (var stream = File.OpenRead(file))
        {
            var header = new byte[16];
            if (await stream.ReadAtLeastAsync(header, 16, throwOnEndOfStream: false, ct) < 16 || System.Text.Encoding.ASCII.GetString(header) != "SQLite format 3\0")
                return $"{Path.GetFileName(file)} is not an SQLite database (a backup made by 'backup').";
        }
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check;";
            if (await check.ExecuteScalarAsync(ct) as string is not "ok") return $"{Path.GetFileName(file)} is damaged (SQLite's integrity check fails).";
        }
        var migrations = new List<string>();
        try
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory;";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) migrations.Add(reader.GetString(0));
        }
        catch (SqliteException)
        {
            return $"{Path.GetFileName(file)} is an SQLite database, but not ResourceMap's.";
        }
        if (migrations.Except(knownMigrations).FirstOrDefault() is { } newer)
            return $"{Path.GetFileName(file)} comes from a newer ResourceMap (its schema has {newer}); restore it with that version.";
        return null;
    }

    /// <summary>
    /// Puts a checked copy in place of the data folder's database; the one it replaces is kept beside it
    /// (<c>resourcemap.db.before-restore-…</c>). The caller has made sure no server uses the folder.
    /// </summary>
    public static string Restore(string file, string dataFolder)
    {
        var folder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, DatabaseFile);
        var incoming = database + ".restoring";
        File.Copy(file, incoming, overwrite: true);
        var kept = File.Exists(database) ? $"{database}.before-restore-{DateTime.UtcNow:yyyyMMdd-HHmmss}" : null;
        // The write-ahead log belongs to the replaced file (it may hold its last writes): it goes with it.
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(database + suffix))
            {
                if (kept is not null) File.Move(database + suffix, kept + suffix);
                else File.Delete(database + suffix);
            }
        File.Move(incoming, database);
        return kept ?? "";
    }
}
