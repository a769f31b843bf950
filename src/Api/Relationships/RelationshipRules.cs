using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Relationships;

/// <summary>Applies a create or update input to a tie, checking every rule before the caller saves.</summary>
public static class RelationshipRules
{
    public static async Task ApplyAsync(ResourceMapDbContext db, InputFields input, Relationship tie, bool creating, CancellationToken ct)
    {
        if (creating || input.Has("sourceId")) tie.SourceId = await ResourceRules.ExistingAsync(db, input.String("sourceId"), "sourceId", ct);
        if (creating || input.Has("targetId")) tie.TargetId = await ResourceRules.ExistingAsync(db, input.String("targetId"), "targetId", ct);
        if (tie.SourceId == tie.TargetId) throw UserError.BadInput("A resource cannot be tied to itself.", "targetId");
        ApplyValues(input, tie, creating);
    }

    /// <summary>The rules of a tie's own values (its ends aside): a spreadsheet import applies them to ties between new rows.</summary>
    public static void ApplyValues(InputFields input, Relationship tie, bool creating)
    {
        if (creating || input.Has("type"))
            tie.Type = input.Raw("type") as RelationshipType? ?? throw UserError.BadInput("'type' must not be null.", "type");
        if (input.Has("directed")) tie.Directed = input.Value<bool>("directed") ?? false;
        if (input.Has("strength"))
        {
            var strength = input.Value<int>("strength") ?? throw UserError.BadInput("'strength' must not be null.", "strength");
            if (strength is < 1 or > 5) throw UserError.BadInput($"'strength' must be from 1 to 5, not {strength}.", "strength");
            tie.Strength = strength;
        }
        if (input.Has("since")) tie.Since = input.Raw("since") as DateOnly?;
        if (input.Has("until")) tie.Until = input.Raw("until") as DateOnly?;
        if (tie.Since is { } since && tie.Until is { } until && until < since)
            throw UserError.BadInput($"'until' ({until:yyyy-MM-dd}) must not be before 'since' ({since:yyyy-MM-dd}).", "until");
        if (input.Has("note")) tie.Note = TextRules.Optional(input.String("note"), "note", ResourceMapDbContext.MaxTextLength, multiline: true);
    }
}
