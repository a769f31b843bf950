using Microsoft.EntityFrameworkCore;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Surveys;

/// <summary>A person erased at their request leaves no survey answer behind: neither theirs nor one naming them.</summary>
public static class SurveyErasure
{
    public static async Task ForgetAsync(ResourceMapDbContext db, int personId, CancellationToken ct)
    {
        db.SurveyResponses.RemoveRange(await db.SurveyResponses.Where(r => r.ResourceId == personId).ToListAsync(ct));
        db.SurveyInvitations.RemoveRange(await db.SurveyInvitations.Where(i => i.ResourceId == personId).ToListAsync(ct));
        // Partners are kept inside each answer's JSON, which no provider here queries alike: answers are few (one per
        // actor and wave), so they are read and filtered here.
        foreach (var response in await db.SurveyResponses.Where(r => r.ResourceId != personId).ToListAsync(ct))
            if (response.Partners.Any(p => p.ResourceId == personId))
                // Blanked, not removed: decisions name partners by their place in the list.
                response.Partners = response.Partners.Select(p => p.ResourceId == personId ? new SurveyPartner { Type = p.Type } : p).ToList();
    }
}
