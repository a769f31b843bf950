using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Errors;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Surveys;

/// <summary>
/// What a survey token opens: one actor's form of one wave, while the invitation is neither revoked nor expired and the
/// wave is open. Each token may be used <see cref="RequestsPerWindow"/> times in <see cref="Window"/> (form loads and
/// saves), so a leaked link cannot be used to flood the answers.
/// </summary>
public sealed class SurveyAccess
{
    public const int RequestsPerWindow = 60;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _uses = new();

    public async Task<(SurveyInvitation Invitation, Survey Survey)> OpenAsync(ResourceMapDbContext db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
            throw new UserError(ErrorCodes.InvitationNotValid, "This survey link is not valid: check that it was copied whole.", "token");
        var hash = SurveyTokens.Hash(token);
        Count(hash);
        var invitation = await db.SurveyInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct)
            ?? throw new UserError(ErrorCodes.InvitationNotValid, "This survey link is not valid: check that it was copied whole.", "token");
        if (invitation.RevokedAt is not null)
            throw new UserError(ErrorCodes.InvitationRevoked, "This survey link has been withdrawn; ask the social worker who sent it for a new one.", "token");
        var survey = await db.Surveys.SingleAsync(s => s.Id == invitation.SurveyId, ct);
        var now = DateTimeOffset.UtcNow;
        if (invitation.ExpiresAt <= now || DateOnly.FromDateTime(now.UtcDateTime) > survey.ClosesOn)
            throw new UserError(ErrorCodes.InvitationExpired, $"This survey closed on {survey.ClosesOn:yyyy-MM-dd}; ask the social worker who sent it if you still want to answer.", "token");
        return (invitation, survey);
    }

    private void Count(string hash)
    {
        var now = DateTimeOffset.UtcNow;
        var use = _uses.AddOrUpdate(hash, _ => (now, 1), (_, u) => now - u.Start > Window ? (now, 1) : (u.Start, u.Count + 1));
        if (use.Count > RequestsPerWindow)
            throw new UserError(ErrorCodes.RateLimited, $"This survey link has been used too often; try again in {(int)Math.Ceiling((use.Start + Window - now).TotalMinutes)} min.", "token");
        // Forget windows that have ended, so memory stays bounded by the links used in the last minutes.
        if (_uses.Count > 10_000)
            foreach (var (key, value) in _uses)
                if (now - value.Start > Window) _uses.TryRemove(key, out _);
    }
}
