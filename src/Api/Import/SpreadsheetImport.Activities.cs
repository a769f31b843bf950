using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ResourceMap.Api.Activities;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Import;

/// <summary>
/// The sheet of activities: each row through the rules of <c>createActivity</c>/<c>updateActivity</c>. A row updates
/// the activity its id or externalId names, else the one of the same name on the same first day, else creates one. Its
/// venue, organisers, partners and participants name resources as a tie's ends do (keys or names, the sheet's new ones
/// included): they have their ids only once the resources are saved, so the activities are saved after them.
/// </summary>
public sealed partial class SpreadsheetImport
{
    /// <summary>The resources a row names: they may be new, without ids until the resources are saved.</summary>
    private sealed record NamedResources(Resource? Venue, List<(Resource Resource, ParticipantRole Role)> Participants, List<ActivityParticipant> Hidden);

    /// <summary>Stand-ins for an activity's required values once their lack is a problem, so that its other values are checked too.</summary>
    private static readonly Dictionary<string, object> ActivityStandIns = new()
    {
        ["name"] = "?", ["kind"] = ActivityKind.Other, ["startsOn"] = new DateOnly(2000, 1, 1),
    };

    private readonly Dictionary<Activity, NamedResources> _activityResources = new(ReferenceEqualityComparer.Instance);

    private static readonly (string Column, ParticipantRole Role)[] RoleColumns =
        [("organisers", ParticipantRole.Organiser), ("partners", ParticipantRole.Partner), ("participants", ParticipantRole.Participant)];

    private async Task ActivitiesAsync(Table table, Dictionary<string, int> columns, Ends ends, CancellationToken ct)
    {
        var definitions = ImportColumns.Activities;
        var existing = await db.Activities.ToListAsync(ct);
        var byId = existing.ToDictionary(a => a.Id);
        var byExternalId = existing.Where(a => a.ExternalId is not null).ToDictionary(a => a.ExternalId!, StringComparer.Ordinal);
        var byNameAndDay = existing.ToLookup(a => (ImportColumns.Key(a.Name), a.StartsOn));
        var rowOf = new Dictionary<Activity, int>(ReferenceEqualityComparer.Instance);
        var externalIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<(Cells Cells, Activity Activity, int? AreaBefore)>();
        foreach (var row in table.Rows)
        {
            var cells = new Cells(table, row, columns, definitions);
            if (cells.RepeatsHeader)
            {
                Problem(cells, null, $"The row repeats the header: delete it.");
                continue;
            }
            if (cells["externalId"] is { Length: > 0 } externalId && !externalIds.TryAdd(externalId, row.Number))
                Problem(cells, "externalId", $"'{externalId}' is the externalId of row {externalIds[externalId]} too: each row needs its own.");
            var input = ActivityInput(cells, ends.Known);
            var (activity, creating) = MatchActivity(cells, input, byId, byExternalId, byNameAndDay);
            if (activity is null) continue;
            if (cells.Has("attendance")) input["attendance"] = AttendanceIn(cells, activity, creating);
            if (!creating && !rowOf.TryAdd(activity, row.Number))
            {
                Problem(cells, cells["id"].Length > 0 ? "id" : "name", $"Row {rowOf[activity]} is '{activity.Name}' already: one row for each activity.");
                continue;
            }
            var areaBefore = activity.AreaId;
            await CheckAllAsync(cells, input, fields => ActivityRules.ApplyAsync(db, spatial, fields, activity, creating, ct), ActivityStandIns);
            var named = NamedIn(cells, ends) with { Hidden = await ActivityRules.HiddenParticipantsAsync(db, activity.Participants, ct) };
            // Without an area of its own, an activity is in its venue's area (the venue may be a row of this list).
            if (cells["area"].Length == 0 && named.Venue?.AreaId is { } venueArea) activity.AreaId = venueArea;
            _activityResources[activity] = named;
            SetResourceIds(activity, named);
            if (creating) db.Activities.Add(activity);
            results.Add((cells, activity, creating ? null : areaBefore));
        }
        db.ChangeTracker.DetectChanges();
        foreach (var (cells, activity, areaBefore) in results)
        {
            var action = ActionOf(db.Entry(activity).State);
            if (action != ImportAction.Unchanged) await RequireWithinAsync(cells, areaBefore, activity.AreaId, action == ImportAction.Created, activity.Name, ct);
            _rows.Add(new(table.Sheet, cells.Row.Number, action, activity.Name));
        }
    }

    /// <summary>The activity a row updates (its id, its externalId, else its name on its first day), or a new one.</summary>
    private (Activity? Activity, bool Creating) MatchActivity(Cells cells, Dictionary<string, object?> input, Dictionary<int, Activity> byId,
        Dictionary<string, Activity> byExternalId, ILookup<(string, DateOnly), Activity> byNameAndDay)
    {
        if (cells["id"] is { Length: > 0 } id)
        {
            int key;
            try { key = GlobalId.Decode(id, GlobalId.Activity, "id"); }
            catch (UserError) { Problem(cells, "id", $"'{id}' is not the id of an activity: leave the id an export wrote as it is, or empty for a new row."); return (null, false); }
            if (byId.TryGetValue(key, out var found)) return (found, false);
            Problem(cells, "id", $"There is no activity with id '{id}' (deleted since the export?): empty the cell to add it again.");
            return (null, false);
        }
        if (cells["externalId"] is { Length: > 0 } externalId && byExternalId.TryGetValue(externalId, out var keyed)) return (keyed, false);
        var same = input.GetValueOrDefault("startsOn") is DateOnly day ? byNameAndDay[(ImportColumns.Key(cells["name"]), day)].ToList() : [];
        if (same.Count == 1 && (cells["externalId"].Length == 0 || same[0].ExternalId is null)) return (same[0], false);
        return (new Activity { Name = "" }, true);
    }

    /// <summary>The row as a createActivity/updateActivity input, its resources aside; cells the rules cannot read are problems.</summary>
    private Dictionary<string, object?> ActivityInput(Cells cells, Known known)
    {
        var input = new Dictionary<string, object?>();
        foreach (var text in new[] { "name", "note", "externalId" })
            if (cells.Has(text)) input[text] = cells[text].Length == 0 ? null : cells[text];
        if (cells.Has("name") && cells["name"].Length == 0) Problem(cells, "name", $"The name is required.");
        if (cells["kind"] is { Length: > 0 } kind)
        {
            if (ImportColumns.Parse(kind, ImportColumns.ActivityKindsInLatvian) is { } k) input["kind"] = k;
            else Problem(cells, "kind", $"'{kind}' is no kind of activity. The kinds: {Words(ImportColumns.ActivityKindsInLatvian)}.");
        }
        else Problem(cells, "kind", $"The kind is required.");
        if (cells["recurrence"] is { Length: > 0 } recurrence)
        {
            if (ImportColumns.Parse(recurrence, ImportColumns.RecurrencesInLatvian) is { } r) input["recurrence"] = r;
            else Problem(cells, "recurrence", $"'{recurrence}' is no recurrence. Write {Words(ImportColumns.RecurrencesInLatvian)}.");
        }
        else if (cells.Has("recurrence")) input["recurrence"] = ActivityRecurrence.Once;
        foreach (var day in new[] { "startsOn", "endsOn" })
            if (cells.Has(day))
            {
                if (cells[day].Length == 0) input[day] = null;
                else if (Day(cells[day]) is { } date) input[day] = date;
                else Problem(cells, day, $"'{cells[day]}' is not a day: write 2022-11-10 or 10.11.2022.");
            }
        if (cells.Has("startsOn") && cells["startsOn"].Length == 0) Problem(cells, "startsOn", $"The first day is required.");
        if (cells["area"].Length > 0 && AreaNamed(cells, known, report: true) is { } area) input["areaId"] = GlobalId.Encode(GlobalId.Area, area);
        if (cells.Has("sensitive"))
        {
            if (cells["sensitive"].Length == 0) input["sensitive"] = false;
            else if (ImportColumns.ParseYesNo(cells["sensitive"]) is { } sensitive) input["sensitive"] = sensitive;
            else Problem(cells, "sensitive", $"'{cells["sensitive"]}' is neither yes nor no (jā/nē).");
        }
        return input;
    }

    /// <summary>
    /// "total: 23; seniors: 15" as the input's list of counts; the rules check the groups and the numbers. "seniors: hidden"
    /// keeps the count stored: an export writes so the counts the caller may not read, and for an activity whose counts
    /// are hidden from the caller that is all a row may say (a number tried there would tell, by the import's answer,
    /// whether it is the one stored).
    /// </summary>
    private List<object?> AttendanceIn(Cells cells, Activity activity, bool creating)
    {
        var hidden = !creating && !Reach.Shown(activity, caller);
        var counts = new List<object?>();
        foreach (var part in cells["attendance"].Split([';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.LastIndexOf(':');
            var (group, number) = colon > 0 ? (part[..colon].Trim(), part[(colon + 1)..].Trim()) : ("", "");
            var stored = activity.Attendance.FirstOrDefault(a => a.TargetGroup == Reach.TargetGroup(group, "attendance"))?.Count;
            int? count = number == Suppressed ? stored
                : !hidden && int.TryParse(number.Replace(" ", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
                : null;
            if (group.Length > 0 && count is not null) counts.Add(new Dictionary<string, object?> { ["targetGroup"] = group, ["count"] = count });
            // The group as the cell has it, in one value with the mark: a group's code alone would be translated as a
            // word of the catalog ("seniors" → "seniori"), which is not what the export wrote.
            else if (hidden) Problem(cells, "attendance", $"The counts of '{activity.Name}' are hidden from you (one is below {Reach.SmallestShown}); leave them as exported: {$"{group}: {Suppressed}"}.");
            else Problem(cells, "attendance", $"'{part}' is not a target group and a whole number of people, as in seniors: 15.");
        }
        return counts;
    }

    /// <summary>How an export writes the counts the caller may not read.</summary>
    public const string Suppressed = "hidden";

    /// <summary>The venue and the participants a row names, each once.</summary>
    private NamedResources NamedIn(Cells cells, Ends ends)
    {
        var venue = cells["venue"] is { Length: > 0 } place ? Named(cells, "venue", place, ends) : null;
        var participants = new List<(Resource, ParticipantRole)>();
        foreach (var (column, role) in RoleColumns)
            foreach (var text in cells[column].Split([';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (Named(cells, column, text, ends) is not { } resource) continue;
                if (participants.Any(p => ReferenceEquals(p.Item1, resource)))
                    Problem(cells, column, $"'{resource.Name}' is named twice among organisers, partners and participants: name each once, in its role.");
                else participants.Add((resource, role));
            }
        if (participants.Count > ActivityRules.MaxParticipants) Problem(cells, "participants", $"At most {ActivityRules.MaxParticipants} resources take part in one activity.");
        return new NamedResources(venue, participants, []);
    }

    private static void SetResourceIds(Activity activity, NamedResources named)
    {
        activity.VenueId = named.Venue?.Id;
        activity.Participants = ActivityRules.Ordered(named.Participants.Select(p => new ActivityParticipant(p.Resource.Id, p.Role)).Concat(named.Hidden));
    }

    /// <summary>
    /// Takes the new and changed activities out of the context before the resources are saved (they may name resources
    /// that have no ids yet), with their original values, to be saved after them as one change each.
    /// </summary>
    private List<(Activity Activity, PropertyValues? Original)> HoldActivities()
    {
        var held = db.ChangeTracker.Entries<Activity>().Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => (e.Entity, e.State == EntityState.Modified ? e.OriginalValues.Clone() : null)).ToList();
        foreach (var (activity, _) in held) db.Entry(activity).State = EntityState.Detached;
        return held;
    }

    private async Task SaveActivitiesAsync(List<(Activity Activity, PropertyValues? Original)> held, CancellationToken ct)
    {
        if (held.Count == 0) return;
        db.ChangeTracker.Clear();
        foreach (var (activity, original) in held)
        {
            SetResourceIds(activity, _activityResources[activity]);
            if (original is null) db.Activities.Add(activity);
            else
            {
                db.Activities.Attach(activity);
                db.Entry(activity).OriginalValues.SetValues(original);
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }
}
