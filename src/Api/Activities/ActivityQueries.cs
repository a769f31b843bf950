using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Network;
using ResourceMap.Api.Paging;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ActivityRecord = ResourceMap.Graph.Network.ActivityRecord;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

public static class ActivityQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ActivityConnectionType>>("activities")
            .Description("Activities matching every filter given, by first day, then id.")
            .Argument<IdGraphType>("areaId", "Only activities in this area and the areas inside it.")
            .Argument<IdGraphType>("resourceId", "Only activities this resource organised or took part in.")
            .Argument<DateOnlyGraphType>("from", "Only activities held on some day from this one …")
            .Argument<DateOnlyGraphType>("to", "… to this one (both included).")
            .Argument<ListGraphType<NonNullGraphType<ActivityKindEnum>>>("kinds", "Only activities of these kinds.")
            .Paged()
            .ResolveAsync(async c =>
            {
                var from = c.GetArgument<DateOnly?>("from");
                var to = c.GetArgument<DateOnly?>("to");
                if (from is { } f && to is { } t && t < f) throw Errors.UserError.BadInput("'to' must not be before 'from'.", "to");
                // Which activities match is the snapshot's to say (it knows participants and recurrences); the rows are read
                // through the caller's filters, so a sensitive activity outside their municipality stays out.
                var snapshot = await c.Service<NetworkSnapshots>().CurrentAsync(c.CancellationToken);
                await using var db = c.Db();
                IEnumerable<ActivityRecord> matching = snapshot.Activities;
                if (c.GetArgument<string?>("areaId") is { } areaId)
                {
                    var areas = AreaTree.SelfAndDescendants(snapshot.AreaParents.Select(a => (a.Key, a.Value)), GlobalId.Decode(areaId, GlobalId.Area, "areaId"));
                    matching = matching.Where(a => a.AreaId is { } id && areas.Contains(id));
                }
                if (c.GetArgument<string?>("resourceId") is { } resourceId)
                {
                    var key = GlobalId.Decode(resourceId, GlobalId.Resource, "resourceId");
                    // A resource the caller may not read has no activities for them: its id must not say where it took part.
                    var readable = await db.Resources.AnyAsync(r => r.Id == key, c.CancellationToken);
                    matching = matching.Where(a => readable && a.ParticipantIds.Contains(key));
                }
                if (from is not null || to is not null)
                    matching = matching.Where(a => a.HeldBetween(from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue));
                var ids = matching.Select(a => a.Id).ToList();
                IQueryable<Activity> rows = db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id));
                if (c.GetArgument<List<ActivityKind>?>("kinds") is { Count: > 0 } kinds) rows = rows.Where(a => kinds.Contains(a.Kind));
                return await rows.OrderBy(a => a.StartsOn).ThenBy(a => a.Id).ToConnectionAsync(c.GetPageRequest(), c.CancellationToken);
            });

        query.Field<ActivityNode>("activity")
            .Description("The activity with this id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of an activity.")
            .Resolve(c => c.Service<ActivityLoaders>().ById.Load(GlobalId.Decode(c.GetArgument<string>("id"), GlobalId.Activity, "id")));

        query.Field<NonNullGraphType<IntroductionConnectionType>>("introductions")
            .Description("The introductions workers recorded, matching every filter given, by day, then id.")
            .Argument<IdGraphType>("resourceId", "Only introductions of this resource.")
            .Argument<IdGraphType>("activityId", "Only introductions made at this activity.")
            .Argument<DateOnlyGraphType>("from", "Only introductions made on this day or later …")
            .Argument<DateOnlyGraphType>("to", "… and on this day or earlier.")
            .Argument<ListGraphType<NonNullGraphType<IntroductionOutcomeEnum>>>("outcomes", "Only introductions with these outcomes.")
            .Paged()
            .ResolveAsync(async c =>
            {
                await using var db = c.Db();
                IQueryable<Introduction> rows = db.Introductions.AsNoTracking();
                if (c.GetArgument<string?>("resourceId") is { } resourceId)
                {
                    var key = GlobalId.Decode(resourceId, GlobalId.Resource, "resourceId");
                    rows = rows.Where(i => i.FirstId == key || i.SecondId == key);
                }
                if (c.GetArgument<string?>("activityId") is { } activityId)
                {
                    var key = GlobalId.Decode(activityId, GlobalId.Activity, "activityId");
                    // Introductions at an activity the caller may not read are none of theirs (a support group's meeting).
                    var readable = await db.Activities.AnyAsync(a => a.Id == key, c.CancellationToken);
                    rows = rows.Where(i => readable && i.ActivityId == key);
                }
                if (c.GetArgument<DateOnly?>("from") is { } from) rows = rows.Where(i => i.On >= from);
                if (c.GetArgument<DateOnly?>("to") is { } to) rows = rows.Where(i => i.On <= to);
                if (c.GetArgument<List<IntroductionOutcome>?>("outcomes") is { Count: > 0 } outcomes) rows = rows.Where(i => outcomes.Contains(i.Outcome));
                return await rows.OrderBy(i => i.On).ThenBy(i => i.Id).ToConnectionAsync(c.GetPageRequest(), c.CancellationToken);
            });
    }

    /// <summary>Adds <c>activities</c> to the resource type.</summary>
    public static void AddTo(ResourceNode resource) =>
        resource.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityNode>>>>("activities")
            .Description("The activities it organised or took part in, by first day.")
            .ResolveAsync(async c =>
            {
                var id = ((Resource)c.Source!).Id;
                var snapshot = await c.Service<NetworkSnapshots>().CurrentAsync(c.CancellationToken);
                var loader = c.Service<ActivityLoaders>().ById;
                var results = snapshot.Activities.Where(a => a.ParticipantIds.Contains(id)).Select(a => loader.Load(a.Id)).ToList();
                var loaded = new List<Activity>();
                foreach (var result in results)
                    if (await result.GetResultAsync(c.CancellationToken) is { } activity) loaded.Add(activity);
                return loaded.OrderBy(a => a.StartsOn).ThenBy(a => a.Id).ToList();
            });
}
