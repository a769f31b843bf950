using Microsoft.EntityFrameworkCore;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Surveys;

/// <summary>One thing a response proposes, beside the data as it is now, with the worker's decision.</summary>
public sealed record SurveyItem(
    string Key,
    string? Field,
    string? Current,
    string? Proposed,
    SurveyPartner? Partner,
    int? PartnerId,
    string? NewActorName,
    ResourceKind? NewActorKind,
    int? ExistingTieId,
    bool NamedByBothSides,
    SurveyDecision? Decision);

/// <summary>The items of a response: each field of the record it corrects (a value equal to the current one is no item), each partner.</summary>
public static class SurveyItems
{
    /// <summary>The record's fields in the form's order, with how each reads and writes on a resource.</summary>
    public static readonly IReadOnlyList<RecordField> Fields =
    [
        new("name", r => r.Name, a => a.Name, (r, a) => r.Name = a.Name!),
        new("kind", r => r.Kind.ToString(), a => a.Kind?.ToString(), (r, a) => r.Kind = a.Kind!.Value),
        new("address", r => r.Address, a => a.Address, (r, a) => r.Address = a.Address),
        new("offers", r => List(r.Offers), a => List(a.Offers), (r, a) => r.Offers = a.Offers!),
        new("needs", r => List(r.Needs), a => List(a.Needs), (r, a) => r.Needs = a.Needs!),
        new("targetGroups", r => List(r.TargetGroups), a => List(a.TargetGroups), (r, a) => r.TargetGroups = a.TargetGroups!),
        new("languages", r => List(r.Languages), a => List(a.Languages), (r, a) => r.Languages = a.Languages!),
        new("contactWeb", r => r.ContactWeb, a => a.ContactWeb, (r, a) => r.ContactWeb = a.ContactWeb),
        new("contactEmail", r => r.ContactEmail, a => a.ContactEmail, (r, a) => r.ContactEmail = a.ContactEmail),
        new("contactPhone", r => r.ContactPhone, a => a.ContactPhone, (r, a) => r.ContactPhone = a.ContactPhone),
    ];

    public sealed record RecordField(string Name, Func<Resource, string?> Current, Func<SurveyRecord, string?> Proposed, Action<Resource, SurveyRecord> Apply);

    public static string PartnerKey(int index) => $"partner:{index}";

    public static async Task<IReadOnlyList<SurveyItem>> OfAsync(ResourceMapDbContext db, SurveyResponse response, CancellationToken ct)
    {
        var resource = await db.Resources.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == response.ResourceId, ct);
        var decisions = response.Decisions.GroupBy(d => d.Item).ToDictionary(g => g.Key, g => g.Last());
        var items = new List<SurveyItem>();
        foreach (var field in Fields)
        {
            var proposed = field.Proposed(response.Record);
            var current = field.Current(resource);
            // A field decided keeps its item, though it equals the data now that it is accepted.
            if (proposed is null || (proposed == current && !decisions.ContainsKey(field.Name))) continue;
            items.Add(new SurveyItem(field.Name, field.Name, current, proposed, null, null, null, null, null, false, decisions.GetValueOrDefault(field.Name)));
        }

        var partnerIds = response.Partners.Select(p => p.ResourceId).OfType<int>().ToList();
        var ties = await db.Relationships.IgnoreQueryFilters().AsNoTracking()
            .Where(t => (t.SourceId == response.ResourceId && partnerIds.Contains(t.TargetId)) || (t.TargetId == response.ResourceId && partnerIds.Contains(t.SourceId)))
            .Select(t => new { t.Id, t.SourceId, t.TargetId, t.Type })
            .ToListAsync(ct);
        var namedBack = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.SurveyId == response.SurveyId && partnerIds.Contains(r.ResourceId))
            .ToListAsync(ct);
        var reciprocating = namedBack.Where(r => r.Partners.Any(p => p.ResourceId == response.ResourceId)).Select(r => r.ResourceId).ToHashSet();
        for (var i = 0; i < response.Partners.Count; i++)
        {
            var partner = response.Partners[i];
            if (partner.ResourceId is null && partner.NewName is null) continue; // a partner erased at their request
            var key = PartnerKey(i);
            var decision = decisions.GetValueOrDefault(key);
            // An accepted new actor is on the map now: the item names it.
            var partnerId = partner.ResourceId ?? (decision is { Accepted: true } ? AcceptedActorId(response, i) : null);
            var existing = partner.ResourceId is { } id
                ? ties.FirstOrDefault(t => t.Type == partner.Type && (t.SourceId == id || t.TargetId == id))?.Id
                : null;
            items.Add(new SurveyItem(key, null, null, null, partner, partnerId, partner.ResourceId is null ? partner.NewName : null, partner.ResourceId is null ? partner.NewKind : null,
                existing, partner.ResourceId is { } other && reciprocating.Contains(other), decision));
        }
        return items;
    }

    /// <summary>The actor an accepted new partner became: kept in the decisions (an item writes a tie; its new actor is noted apart).</summary>
    private static int? AcceptedActorId(SurveyResponse response, int index) =>
        response.Decisions.LastOrDefault(d => d.Item == NewActorKey(index))?.WrittenId;

    /// <summary>The decision that records the actor added for a new partner.</summary>
    public static string NewActorKey(int index) => $"partner:{index}:actor";

    private static string? List(List<string>? values) => values is null ? null : string.Join("; ", values);
}
