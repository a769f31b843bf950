using GraphQL;
using GraphQL.Types;
using ResourceMap.Api.Access;
using ResourceMap.Api.Changes;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

public static class ActivityMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ActivityPayloadType>>("createActivity")
            .Description("Records an activity. Workers of the municipality holding its area, and admins.")
            .Argument<NonNullGraphType<CreateActivityInputType>>("input", "The new activity.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "record activities");
                await using var db = c.Db();
                var activity = new Activity { Name = "" };
                await ActivityRules.ApplyAsync(db, c.Service<Geo.SpatialLoader>(), InputFields.Of(c), activity, creating: true, c.CancellationToken);
                await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [activity.AreaId], "The new activity", c.CancellationToken);
                db.Activities.Add(activity);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "createActivity", c.CancellationToken, activities: [activity.Id]);
                return new ActivityPayload(activity);
            });

        mutation.Field<NonNullGraphType<ActivityPayloadType>>("updateActivity")
            .Description("Changes an activity. Workers of the municipality holding its area (before and after the change), and admins.")
            .Argument<NonNullGraphType<UpdateActivityInputType>>("input", "The changes.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "change activities");
                await using var db = c.Db();
                var input = InputFields.Of(c);
                var activity = await FindAsync(db, input.String("id"), c.CancellationToken);
                await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [activity.AreaId], $"'{activity.Name}'", c.CancellationToken);
                ExpectedVersion.Check(db, activity, input, $"'{activity.Name}'");
                var areaBefore = activity.AreaId;
                await ActivityRules.ApplyAsync(db, c.Service<Geo.SpatialLoader>(), input, activity, creating: false, c.CancellationToken);
                if (activity.AreaId != areaBefore)
                    await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [activity.AreaId], $"'{activity.Name}' after the change", c.CancellationToken);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "updateActivity", c.CancellationToken, activities: [activity.Id]);
                return new ActivityPayload(activity);
            });

        mutation.Field<NonNullGraphType<DeleteActivityPayloadType>>("deleteActivity")
            .Description("Deletes an activity recorded by mistake (undoChange brings it back). Workers of the municipality holding its area, and admins.")
            .Argument<NonNullGraphType<DeleteActivityInputType>>("input", "The activity to delete.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "delete activities");
                await using var db = c.Db();
                var input = InputFields.Of(c);
                var activity = await FindAsync(db, input.String("id"), c.CancellationToken);
                await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [activity.AreaId], $"'{activity.Name}'", c.CancellationToken);
                ExpectedVersion.Check(db, activity, input, $"'{activity.Name}'");
                db.Activities.Remove(activity);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "deleteActivity", c.CancellationToken, activities: [activity.Id]);
                return new DeleteActivityPayload(GlobalId.Encode(GlobalId.Activity, activity.Id));
            });
    }

    private static async Task<Activity> FindAsync(ResourceMapDbContext db, string? id, CancellationToken ct)
    {
        var key = GlobalId.Decode(id, GlobalId.Activity, "id");
        return await db.Activities.FindAsync([key], ct) ?? throw UserError.NotFound($"There is no activity with id '{id}'.", "id");
    }
}
