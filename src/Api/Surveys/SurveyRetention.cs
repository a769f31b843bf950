using Microsoft.EntityFrameworkCore;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Surveys;

/// <summary>
/// Keeps the promise the form's consent makes: answers and links are deleted <see cref="SurveyForm.RetentionDays"/> days
/// after their wave closes. What a worker accepted is on the map by then and stays (with its history); the wave itself
/// stays, empty, so that its name and dates are not lost. Runs at start and every six hours.
/// </summary>
public sealed class SurveyRetention(ResourceMapDbContextFactory factory, ILogger<SurveyRetention> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = factory.CreateDbContext();
                var deleted = await PurgeAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), stoppingToken);
                if (deleted > 0) log.LogInformation("Deleted {Count} survey answers past their retention.", deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Deleting survey answers past their retention failed; trying again later.");
            }
            await Task.Delay(TimeSpan.FromHours(6), stoppingToken);
        }
    }

    /// <summary>Deletes the answers and links of waves closed more than the retention before <paramref name="today"/>; returns the answers deleted.</summary>
    public static async Task<int> PurgeAsync(ResourceMapDbContext db, DateOnly today, CancellationToken ct)
    {
        var lastKept = today.AddDays(-SurveyForm.RetentionDays);
        var expired = db.Surveys.Where(s => s.ClosesOn < lastKept).Select(s => s.Id);
        await db.SurveyInvitations.Where(i => expired.Contains(i.SurveyId)).ExecuteDeleteAsync(ct);
        return await db.SurveyResponses.Where(r => expired.Contains(r.SurveyId)).ExecuteDeleteAsync(ct);
    }
}
