using ResourceMap.Persistence;

namespace ResourceMap.Api.Cli;

/// <summary>The <c>Backup</c> section: rotating copies of the embedded database in the data folder's <c>backups</c>.</summary>
public sealed class BackupSettings
{
    /// <summary>How often the server copies the database; empty or zero for never.</summary>
    public TimeSpan? Every { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many copies stay; older ones are deleted.</summary>
    public int Keep { get; set; } = 7;
}

/// <summary>Copies the database every <see cref="BackupSettings.Every"/> while the server runs, keeping the newest <see cref="BackupSettings.Keep"/>.</summary>
public sealed class BackupService(ResourceMapDbContextFactory factory, DatabaseSettings database, BackupSettings settings, ILogger<BackupService> log) : BackgroundService
{
    public string Folder => Path.Combine(Path.GetFullPath(database.DataFolder), "backups");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Every is not { } every || every <= TimeSpan.Zero || factory.Provider != DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(database.ConnectionString)) return;
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var file = Path.Combine(Folder, $"resourcemap-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}.db");
                await SqliteBackups.BackupAsync(factory, file, stoppingToken);
                foreach (var old in Directory.GetFiles(Folder, "resourcemap-*.db").Order(StringComparer.Ordinal).SkipLast(Math.Max(1, settings.Keep)))
                    File.Delete(old);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                log.LogError(e, "The backup into {Folder} failed; the next one is tried in {Every}.", Folder, every);
            }
        }
    }
}
