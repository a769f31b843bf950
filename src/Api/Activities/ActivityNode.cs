using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using ResourceMap.Api.Access;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Loading;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

public sealed class ActivityNode : ObjectGraphType<Activity>
{
    public ActivityNode()
    {
        Name = "Activity";
        Description = "Something that brings people together — a meeting, a workshop, a festival, a weekly class — with its organisers and participants (resources) and how many people came, by target group (numbers only, never names).";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Activity;

        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").ResolveSource(s => GlobalId.Encode(GlobalId.Activity, s.Id));
        Field(a => a.Name).Description("Name, with its Latvian diacritics.");
        Field<NonNullGraphType<ActivityKindEnum>>("kind").Description("What kind of activity it is.").ResolveSource(s => Boxed.Enum(s.Kind));
        Field(a => a.ExternalId, nullable: true).Description("The key a community's own list gives it; null when it came from no list.");
        Field<NonNullGraphType<DateOnlyGraphType>>("startsOn").Description("The (first) day it is held.").ResolveSource(s => s.StartsOn);
        Field<DateOnlyGraphType>("endsOn").Description("The last day (of a festival of several days, or of a recurring activity); null for one day, or while a recurring one goes on.").ResolveSource(s => s.EndsOn);
        Field<NonNullGraphType<ActivityRecurrenceEnum>>("recurrence").Description("How often it is held.").ResolveSource(s => Boxed.Enum(s.Recurrence));
        Field<ResourceNode>("venue").Description("The resource it is held at; null when none (a point, online).")
            .ResolveSource((c, s) => s.VenueId is { } id ? c.Service<ResourceLoaders>().AsRecorded.Load(id) : null);
        Field<GeoJsonPointType>("location").Description("Where it is held as a GeoJSON Point: its own point, else its venue's; null when neither has one.")
            .ResolveSource((c, s) => s is { Latitude: { } lat, Longitude: { } lon } ? GeoJson.Point(lat, lon)
                : s.VenueId is { } id ? new MappedResult<Resource?, object?>(c.Service<ResourceLoaders>().AsRecorded.Load(id),
                    v => v is { Latitude: { } vlat, Longitude: { } vlon } ? GeoJson.Point(vlat, vlon) : null)
                : null);
        Field(a => a.Online).Description("True when it is held online (too).");
        Field<AreaNode>("area").Description("The area it is held in, whose municipality's workers may change it.")
            .ResolveSource((c, s) => s.AreaId is { } id ? c.Service<AreaLoaders>().ById.Load(id) : null);
        Field(a => a.Sensitive).Description("True when it reveals vulnerable people: then only admins and the viewers and workers of its municipality see it.");
        Field(a => a.Note, nullable: true).Description("A note.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipantType>>>>("participants")
            .Description("Organisers, partners and participants, organisers first; resources the caller may not read are left out.")
            .ResolveSource((c, s) => Participants(c, s));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceType>>>>("attendance")
            .Description($"How many people came, by target group. When a count is below {Reach.SmallestShown}, every count of the activity is suppressed (null) for callers outside its municipality: the others would give it away.")
            .ResolveSource((c, s) =>
            {
                var caller = c.Service<RequestCaller>();
                var shown = Reach.Shown(s, caller);
                return s.Attendance.Select(a => Reach.Of(a.TargetGroup, a.Count, s.AreaId, null, caller, shown)).ToList();
            });
        Field<IntGraphType>("attendanceTotal").Description("How many people came in all; null when not recorded, or suppressed (a count below 5, for callers outside its municipality).")
            .ResolveSource((c, s) => s.Attendance.Count == 0 || !Reach.Shown(s, c.Service<RequestCaller>()) ? null : Total(s));
        Field<ReachType>("reach")
            .Description("The people of a target group who came, against how many of them live in its area; null when its attendance does not count the group.")
            .Argument<StringGraphType>("targetGroup", "The target group (default \"total\": everyone who came, against every resident).")
            .ResolveSource((c, s) => ReachOf(c, s));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When it was recorded.").ResolveSource(s => s.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description("When it was last changed.").ResolveSource(s => s.UpdatedAt);
        Field(x => x.Version).Description("1 when created, one more with every change: send it back with an update or delete to refuse to overwrite someone else's change (CONFLICT).");
    }

    private static int Total(Activity activity) =>
        activity.Attendance.FirstOrDefault(a => a.TargetGroup == Reach.Total)?.Count ?? activity.Attendance.Sum(a => a.Count);

    private static object? ReachOf(IResolveFieldContext c, Activity activity)
    {
        var group = Reach.TargetGroup(c.GetArgument<string?>("targetGroup"), "targetGroup") ?? Reach.Total;
        int? count = group == Reach.Total ? (activity.Attendance.Count == 0 ? null : Total(activity)) : activity.Attendance.FirstOrDefault(a => a.TargetGroup == group)?.Count;
        if (count is null) return null;
        var caller = c.Service<RequestCaller>();
        var shown = Reach.Shown(activity, caller);
        if (activity.AreaId is not { } areaId) return Reach.Of(group, count.Value, null, null, caller, shown);
        return new MappedResult<Area?, ReachFigure>(c.Service<AreaLoaders>().ById.Load(areaId), area => Reach.Of(group, count.Value, areaId, area, caller, shown));
    }

    private static IDataLoaderResult<List<ParticipantEntry>> Participants(IResolveFieldContext c, Activity activity)
    {
        var ordered = activity.Participants.OrderBy(p => p.Role).ToList();
        var loader = c.Service<ResourceLoaders>().AsRecorded;
        return new MappedResult<IReadOnlyList<Resource?>, List<ParticipantEntry>>(new CombinedResult<Resource?>(ordered.Select(p => loader.Load(p.ResourceId)).ToList()),
            resources => ordered.Zip(resources).Where(p => p.Second is not null).Select(p => new ParticipantEntry(p.Second!, p.First.Role)).ToList());
    }
}

/// <summary>A resource with its part in an activity.</summary>
public sealed record ParticipantEntry(Resource Resource, ParticipantRole Role);

public sealed class ParticipantType : ObjectGraphType<ParticipantEntry>
{
    public ParticipantType()
    {
        Name = "ActivityParticipant";
        Description = "A resource's part in an activity.";
        Field<NonNullGraphType<ResourceNode>>("resource").Description("The resource (as it was, if deleted since).").ResolveSource(s => s.Resource);
        Field<NonNullGraphType<ParticipantRoleEnum>>("role").Description("Its part.").ResolveSource(s => Boxed.Enum(s.Role));
    }
}

public sealed class AttendanceType : ObjectGraphType<ReachFigure>
{
    public AttendanceType()
    {
        Name = "Attendance";
        Description = "How many people of a target group came.";
        Field<NonNullGraphType<StringGraphType>>("targetGroup").Description("The target group (\"total\": all who came).").ResolveSource(s => s.TargetGroup);
        Field<IntGraphType>("count").Description("How many came; null when suppressed.").ResolveSource(s => s.Count);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Description($"True when the count is below {Reach.SmallestShown} and hidden from this caller.").ResolveSource(s => s.Suppressed);
    }
}

public sealed class ActivityKindEnum : EnumerationGraphType<ActivityKind>
{
    public ActivityKindEnum()
    {
        Name = "ActivityKind";
        Description = "What kind of activity it is.";
        this.Describe(ActivityKind.Meeting, "A meeting, e.g. a think-tank or a residents' meeting.");
        this.Describe(ActivityKind.Workshop, "A workshop.");
        this.Describe(ActivityKind.Festival, "A festival or celebration, e.g. an autumn festival.");
        this.Describe(ActivityKind.RegularClass, "A class held regularly, e.g. weekly Qigong.");
        this.Describe(ActivityKind.Discussion, "A discussion or panel.");
        this.Describe(ActivityKind.Campaign, "A campaign.");
        this.Describe(ActivityKind.Training, "A training or course.");
        this.Describe(ActivityKind.Excursion, "An excursion or visit.");
        this.Describe(ActivityKind.Other, "Anything else.");
    }
}

public sealed class ActivityRecurrenceEnum : EnumerationGraphType<ActivityRecurrence>
{
    public ActivityRecurrenceEnum()
    {
        Name = "ActivityRecurrence";
        Description = "How often an activity is held.";
        this.Describe(ActivityRecurrence.Once, "On its day (or from its first to its last day).");
        this.Describe(ActivityRecurrence.Weekly, "Every week on the weekday of its first day, to its last day.");
        this.Describe(ActivityRecurrence.Monthly, "Every month on the day of its first day, to its last day.");
    }
}

public sealed class ParticipantRoleEnum : EnumerationGraphType<ParticipantRole>
{
    public ParticipantRoleEnum()
    {
        Name = "ParticipantRole";
        Description = "A resource's part in an activity.";
        this.Describe(ParticipantRole.Organiser, "It organised the activity.");
        this.Describe(ParticipantRole.Partner, "It helped organise it.");
        this.Describe(ParticipantRole.Participant, "It took part.");
    }
}

public sealed class ActivityConnectionType : Paging.ConnectionType<ActivityNode, Activity>;
