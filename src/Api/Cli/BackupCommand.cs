using Microsoft.EntityFrameworkCore;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Cli;

/// <summary>
/// <c>backup FILE</c>: a consistent copy of the embedded database, taken while the server runs and writes.
/// <c>restore FILE</c>: checks a copy (an SQLite file, sound, ResourceMap's, not from a newer version) and puts it in
/// place of the data folder's database, keeping the one it replaces; refused while a server uses the folder.
/// Exit codes: 0 done, 2 refused (the reason on stderr).
/// </summary>
public static class BackupCommand
{
    public const string BackupUsage = "usage: backup FILE.db [--Database:DataFolder=…]";
    public const string RestoreUsage = "usage: restore FILE.db [--Database:DataFolder=…]  (with the server stopped)";

    public static async Task<int> RunAsync(string command, string[] args, TextWriter output, TextWriter error)
    {
        var usage = command == "backup" ? BackupUsage : RestoreUsage;
        var files = new List<string>();
        var settingsArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (CommandConfiguration.TakeSetting(args, ref i, settingsArgs, "Database")) continue;
            if (args[i].StartsWith("--", StringComparison.Ordinal)) return CommandConfiguration.Fail(error, $"unknown option '{args[i]}'. {usage}");
            else files.Add(args[i]);
        }
        if (files.Count != 1) return CommandConfiguration.Fail(error, usage);
        var file = StartDirectory.Resolve(files[0]);
        var settings = CommandConfiguration.Build(settingsArgs).GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings();
        if (settings.Provider != DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(settings.ConnectionString))
            return CommandConfiguration.Fail(error, $"{command} copies the embedded database of a data folder; back a server database up with its own tools (pg_dump, BACKUP DATABASE).");
        var factory = new ResourceMapDbContextFactory(settings);

        if (command == "backup")
        {
            if (!File.Exists(Path.Combine(Path.GetFullPath(settings.DataFolder), SqliteBackups.DatabaseFile)))
                return CommandConfiguration.Fail(error, $"there is no database in {Path.GetFullPath(settings.DataFolder)} to back up.");
            await SqliteBackups.BackupAsync(factory, file);
            output.WriteLine($"backed up {Path.GetFullPath(settings.DataFolder)} to {file} ({new FileInfo(file).Length / 1024:N0} KB)");
            return 0;
        }

        await using var db = factory.CreateDbContext();
        var known = db.Database.GetMigrations().ToList();
        if (await SqliteBackups.ProblemAsync(file, known) is { } problem) return CommandConfiguration.Fail(error, problem);
        using var alone = DataFolderLock.TryHoldAlone(settings.DataFolder);
        if (alone is null) return CommandConfiguration.Fail(error, $"a server is using {Path.GetFullPath(settings.DataFolder)}: stop it first, then restore.");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var kept = SqliteBackups.Restore(file, settings.DataFolder);
        output.WriteLine($"restored {file} into {Path.GetFullPath(settings.DataFolder)}{(kept.Length > 0 ? $"; the database it replaced is kept as {Path.GetFileName(kept)}" : "")}");
        return 0;
    }
}
