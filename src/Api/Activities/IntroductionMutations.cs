using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Changes;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

public static class IntroductionMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IntroductionPayloadType>>("recordIntroduction")
            .Description("Records that a worker introduced two actors. Workers of a municipality holding either actor, and admins.")
            .Argument<NonNullGraphType<RecordIntroductionInputType>>("input", "The introduction.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "record introductions");
                await using var db = c.Db();
                var introduction = new Introduction();
                await ApplyAsync(db, InputFields.Of(c), introduction, creating: true, c.CancellationToken);
                await RequireEditAsync(c.Service<RequestCaller>(), db, introduction, c.CancellationToken);
                db.Introductions.Add(introduction);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "recordIntroduction", c.CancellationToken, introductions: [introduction.Id]);
                return new IntroductionPayload(introduction);
            });

        mutation.Field<NonNullGraphType<IntroductionPayloadType>>("updateIntroduction")
            .Description("Changes an introduction, usually to record its outcome. Workers of a municipality holding either actor, and admins.")
            .Argument<NonNullGraphType<UpdateIntroductionInputType>>("input", "The changes.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "change introductions");
                await using var db = c.Db();
                var input = InputFields.Of(c);
                var introduction = await FindAsync(db, input.String("id"), c.CancellationToken);
                await RequireEditAsync(c.Service<RequestCaller>(), db, introduction, c.CancellationToken);
                ExpectedVersion.Check(db, introduction, input, "The introduction");
                await ApplyAsync(db, input, introduction, creating: false, c.CancellationToken);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "updateIntroduction", c.CancellationToken, introductions: [introduction.Id]);
                return new IntroductionPayload(introduction);
            });

        mutation.Field<NonNullGraphType<DeleteIntroductionPayloadType>>("deleteIntroduction")
            .Description("Deletes an introduction recorded by mistake. Workers of a municipality holding either actor, and admins.")
            .Argument<NonNullGraphType<DeleteIntroductionInputType>>("input", "The introduction to delete.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "delete introductions");
                await using var db = c.Db();
                var input = InputFields.Of(c);
                var introduction = await FindAsync(db, input.String("id"), c.CancellationToken);
                await RequireEditAsync(c.Service<RequestCaller>(), db, introduction, c.CancellationToken);
                ExpectedVersion.Check(db, introduction, input, "The introduction");
                db.Introductions.Remove(introduction);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "deleteIntroduction", c.CancellationToken, introductions: [introduction.Id]);
                return new DeleteIntroductionPayload(GlobalId.Encode(GlobalId.Introduction, introduction.Id));
            });
    }

    private static async Task ApplyAsync(ResourceMapDbContext db, InputFields input, Introduction introduction, bool creating, CancellationToken ct)
    {
        if (creating)
        {
            introduction.FirstId = await Resources.ResourceRules.ExistingAsync(db, input.String("firstId"), "firstId", ct);
            introduction.SecondId = await Resources.ResourceRules.ExistingAsync(db, input.String("secondId"), "secondId", ct);
            if (introduction.FirstId == introduction.SecondId) throw UserError.BadInput("An actor cannot be introduced to itself.", "secondId");
        }
        if (creating || input.Has("on"))
            introduction.On = input.Raw("on") as DateOnly? ?? throw UserError.BadInput("'on' must not be null.", "on");
        if (input.Has("activityId"))
        {
            introduction.ActivityId = null;
            if (input.String("activityId") is { } activityId)
            {
                var key = GlobalId.Decode(activityId, GlobalId.Activity, "activityId");
                if (!await db.Activities.AnyAsync(a => a.Id == key, ct)) throw UserError.NotFound($"There is no activity with id '{activityId}'.", "activityId");
                introduction.ActivityId = key;
            }
        }
        if (input.Has("fromSuggestion")) introduction.FromSuggestion = input.Value<bool>("fromSuggestion") ?? false;
        if (input.Has("note")) introduction.Note = TextRules.Optional(input.String("note"), "note", ResourceMapDbContext.MaxTextLength, multiline: true);
        if (input.Has("relationshipId"))
        {
            introduction.RelationshipId = null;
            if (input.String("relationshipId") is { } relationshipId)
            {
                var key = GlobalId.Decode(relationshipId, GlobalId.Relationship, "relationshipId");
                var tie = await db.Relationships.AsNoTracking().SingleOrDefaultAsync(t => t.Id == key, ct)
                    ?? throw UserError.NotFound($"There is no relationship with id '{relationshipId}'.", "relationshipId");
                if (!new[] { tie.SourceId, tie.TargetId }.Order().SequenceEqual(new[] { introduction.FirstId, introduction.SecondId }.Order()))
                    throw UserError.BadInput("The relationship does not join the two actors introduced.", "relationshipId");
                introduction.RelationshipId = key;
                // Naming the tie that followed says what came of it.
                if (!input.Has("outcome")) introduction.Outcome = IntroductionOutcome.TieFormed;
            }
        }
        if (input.Has("outcome"))
            introduction.Outcome = input.Raw("outcome") as IntroductionOutcome? ?? throw UserError.BadInput("'outcome' must not be null.", "outcome");
        if (introduction.RelationshipId is not null && introduction.Outcome != IntroductionOutcome.TieFormed)
            throw UserError.BadInput("A relationship follows only an introduction whose outcome is TIE_FORMED.", "outcome");
        if (input.Has("outcomeOn")) introduction.OutcomeOn = input.Raw("outcomeOn") as DateOnly?;
        if (introduction.OutcomeOn is { } known && known < introduction.On)
            throw UserError.BadInput($"'outcomeOn' ({known:yyyy-MM-dd}) must not be before the introduction ({introduction.On:yyyy-MM-dd}).", "outcomeOn");
    }

    /// <summary>A worker records introductions of actors in their municipalities (either one, as for a tie).</summary>
    private static async Task RequireEditAsync(RequestCaller caller, ResourceMapDbContext db, Introduction introduction, CancellationToken ct) =>
        await Permissions.RequireWithinAsync(caller, db, await Permissions.AreasOfAsync(db, [introduction.FirstId, introduction.SecondId], ct), "The actors introduced", ct);

    private static async Task<Introduction> FindAsync(ResourceMapDbContext db, string? id, CancellationToken ct)
    {
        var key = GlobalId.Decode(id, GlobalId.Introduction, "id");
        return await db.Introductions.FindAsync([key], ct) ?? throw UserError.NotFound($"There is no introduction with id '{id}'.", "id");
    }
}
