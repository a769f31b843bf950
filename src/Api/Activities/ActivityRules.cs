using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

/// <summary>Applies a create or update input to an activity, checking every rule before the caller saves.</summary>
public static class ActivityRules
{
    public const int MaxParticipants = 1_000;
    public const int MaxAttendanceGroups = 50;

    public static async Task ApplyAsync(ResourceMapDbContext db, Geo.SpatialLoader spatial, InputFields input, Activity activity, bool creating, CancellationToken ct)
    {
        if (creating || input.Has("name")) activity.Name = TextRules.Required(input.String("name"), "name", ResourceMapDbContext.MaxNameLength);
        if (creating || input.Has("kind"))
            activity.Kind = input.Raw("kind") as ActivityKind? ?? throw UserError.BadInput("'kind' must not be null.", "kind");
        if (creating || input.Has("startsOn"))
            activity.StartsOn = input.Raw("startsOn") as DateOnly? ?? throw UserError.BadInput("'startsOn' must not be null.", "startsOn");
        if (input.Has("endsOn")) activity.EndsOn = input.Raw("endsOn") as DateOnly?;
        if (input.Has("recurrence"))
            activity.Recurrence = input.Raw("recurrence") as ActivityRecurrence? ?? throw UserError.BadInput("'recurrence' must not be null.", "recurrence");
        if (activity.EndsOn is { } end && end < activity.StartsOn)
            throw UserError.BadInput($"'endsOn' ({end:yyyy-MM-dd}) must not be before 'startsOn' ({activity.StartsOn:yyyy-MM-dd}).", "endsOn");
        if (input.Has("note")) activity.Note = TextRules.Optional(input.String("note"), "note", ResourceMapDbContext.MaxTextLength, multiline: true);
        if (input.Has("online")) activity.Online = input.Value<bool>("online") ?? false;
        if (input.Has("sensitive")) activity.Sensitive = input.Value<bool>("sensitive") ?? false;
        if (input.Has("externalId")) activity.ExternalId = await ExternalIdAsync(db, input.String("externalId"), activity.Id, ct);

        if (input.Has("venueId"))
            activity.VenueId = input.String("venueId") is { } venue ? await ResourceRules.ExistingAsync(db, venue, "venueId", ct) : null;
        if (input.Has("latitude")) activity.Latitude = input.Value<double>("latitude");
        if (input.Has("longitude")) activity.Longitude = input.Value<double>("longitude");
        if (activity.Latitude is null != activity.Longitude is null)
            throw UserError.BadInput("Give both 'latitude' and 'longitude', or neither.", activity.Latitude is null ? "latitude" : "longitude");
        if (activity.Latitude is { } lat && activity.Longitude is { } lon)
        {
            Coordinates.Check(lat, lon, "location");
            if (activity.VenueId is not null) throw UserError.BadInput("Give a venue or a point, not both: the venue's place is the activity's.", "latitude");
        }

        if (input.Has("participants"))
        {
            var hidden = await HiddenParticipantsAsync(db, activity.Participants, ct);
            activity.Participants = Ordered((await ParticipantsAsync(db, input, ct)).Concat(hidden));
        }
        if (input.Has("attendance")) activity.Attendance = AttendanceOf(input);

        if (input.Has("areaId")) activity.AreaId = await ResourceRules.AreaAsync(db, input.String("areaId"), ct);
        else if (creating || input.Has("venueId") || input.Has("latitude"))
        {
            // Without an area of its own, an activity is in its venue's area, or in the most specific area holding its point.
            if (activity.VenueId is { } venue) activity.AreaId = await db.Resources.Where(r => r.Id == venue).Select(r => r.AreaId).SingleAsync(ct) ?? activity.AreaId;
            else if (activity.Latitude is { } latitude && activity.Longitude is { } longitude &&
                     (await spatial.CurrentAsync(ct)).AreasAt(latitude, longitude).FirstOrDefault() is { } area)
                activity.AreaId = area.Id;
        }
    }

    private static async Task<List<ActivityParticipant>> ParticipantsAsync(ResourceMapDbContext db, InputFields input, CancellationToken ct)
    {
        var given = (input.Raw("participants") as IEnumerable<object?> ?? []).OfType<IDictionary<string, object?>>().Select(d => new InputFields(d)).ToList();
        if (given.Count > MaxParticipants) throw UserError.BadInput($"'participants' holds at most {MaxParticipants} resources.", "participants");
        var participants = new List<ActivityParticipant>();
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"participants[{i}].resourceId";
            var id = GlobalId.Decode(given[i].String("resourceId"), GlobalId.Resource, field);
            if (participants.Any(p => p.ResourceId == id)) throw UserError.BadInput($"{field}: the resource is named twice; give each participant once, with its role.", field);
            participants.Add(new ActivityParticipant(id, given[i].Raw("role") as ParticipantRole? ?? ParticipantRole.Participant));
        }
        var ids = participants.Select(p => p.ResourceId).ToList();
        var found = (await db.Resources.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        if (participants.FindIndex(p => !found.Contains(p.ResourceId)) is var missing and >= 0)
            throw UserError.NotFound($"There is no resource with id '{given[missing].String("resourceId")}'.", $"participants[{missing}].resourceId");
        return participants;
    }

    /// <summary>Organisers first, then partners, then participants, each in the order given: one list has one way to be stored.</summary>
    public static List<ActivityParticipant> Ordered(IEnumerable<ActivityParticipant> participants) => participants.OrderBy(p => p.Role).ToList();

    /// <summary>
    /// The participants the caller may not read (sensitive resources outside their municipalities): a new list from them
    /// keeps these, since they could not have named them; a deleted resource they may drop.
    /// </summary>
    public static async Task<List<ActivityParticipant>> HiddenParticipantsAsync(ResourceMapDbContext db, IReadOnlyList<ActivityParticipant> participants, CancellationToken ct)
    {
        var ids = participants.Select(p => p.ResourceId).ToList();
        if (ids.Count == 0) return [];
        var there = await db.Resources.IgnoreQueryFilters().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        var readable = (await db.Resources.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var hidden = there.Where(id => !readable.Contains(id)).ToHashSet();
        return participants.Where(p => hidden.Contains(p.ResourceId)).ToList();
    }

    private static List<Attendance> AttendanceOf(InputFields input)
    {
        var given = (input.Raw("attendance") as IEnumerable<object?> ?? []).OfType<IDictionary<string, object?>>().Select(d => new InputFields(d)).ToList();
        if (given.Count > MaxAttendanceGroups) throw UserError.BadInput($"'attendance' holds at most {MaxAttendanceGroups} target groups.", "attendance");
        var attendance = new List<Attendance>();
        for (var i = 0; i < given.Count; i++)
        {
            var group = Reach.TargetGroup(given[i].String("targetGroup"), $"attendance[{i}].targetGroup")
                ?? throw UserError.BadInput($"attendance[{i}].targetGroup must not be blank.", $"attendance[{i}].targetGroup");
            if (attendance.Any(a => a.TargetGroup == group)) throw UserError.BadInput($"attendance[{i}]: '{group}' is counted twice.", $"attendance[{i}].targetGroup");
            var count = Reach.Count(given[i].Value<int>("count"), $"attendance[{i}].count") ?? throw UserError.BadInput($"attendance[{i}].count must not be null.", $"attendance[{i}].count");
            attendance.Add(new Attendance(group, count));
        }
        return attendance;
    }

    private static async Task<string?> ExternalIdAsync(ResourceMapDbContext db, string? value, int id, CancellationToken ct)
    {
        var externalId = TextRules.Optional(value, "externalId", ResourceMapDbContext.MaxExternalIdLength);
        if (externalId is not null && await db.Activities.IgnoreQueryFilters().AnyAsync(a => a.ExternalId == externalId && a.Id != id, ct))
            throw new UserError(ErrorCodes.Conflict, $"Another activity has the externalId '{externalId}'.", "externalId");
        return externalId;
    }
}
