using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Changes;

/// <summary>
/// On PostgreSQL, listens for the changes other instances announce (<see cref="ChangeAnnouncements"/>) and hands them to
/// this instance's subscribers. One connection of its own, kept open; when it drops, a new one listens a second later
/// (what was announced in between is not heard again: subscribers miss it, caches do not, they compare the version).
/// </summary>
public sealed class ChangeListener(ResourceMapDbContextFactory factory, ChangeFeed feed, ILogger<ChangeListener> log) : BackgroundService
{
    private volatile bool _listening;

    /// <summary>True while this instance hears the others, or when there can be no others (SQLite).</summary>
    public bool IsListening => feed.Announcements is null || _listening;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (feed.Announcements is not { } announcements) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(announcements, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Listening for other instances' changes failed; trying again in a second.");
            }
            finally
            {
                _listening = false;
            }
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    private async Task ListenAsync(ChangeAnnouncements announcements, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) =>
        {
            try
            {
                if (announcements.Heard(e.Payload) is { } change) feed.Deliver(change);
            }
            catch (System.Text.Json.JsonException ex)
            {
                log.LogWarning(ex, "A change announcement could not be read.");
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeAnnouncements.Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        _listening = true;
        while (true) await connection.WaitAsync(ct);
    }
}
