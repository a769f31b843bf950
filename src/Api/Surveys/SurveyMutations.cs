using System.Collections;
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

namespace ResourceMap.Api.Surveys;

/// <summary>A worker's side of surveys: waves, invitations (links), revoking them, and reviewing the answers.</summary>
public static class SurveyMutations
{
    /// <summary>Actors one call may invite.</summary>
    public const int MaxInvitations = 500;

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SurveyNode>>("createSurvey")
            .Description("Creates a wave of a partner survey in an area. Workers of the area's municipality, and admins.")
            .Argument<NonNullGraphType<CreateSurveyInputType>>("input", "The wave.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "create surveys");
                var input = InputFields.Of(c);
                await using var db = c.Db();
                var areaId = await Resources.ResourceRules.AreaAsync(db, input.String("areaId"), c.CancellationToken)
                    ?? throw UserError.BadInput("'areaId' must not be null.", "areaId");
                await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [areaId], "The survey", c.CancellationToken);
                var name = TextRules.Required(input.String("name"), "name", ResourceMapDbContext.MaxNameLength);
                var opensOn = input.Raw("opensOn") as DateOnly? ?? throw UserError.BadInput("'opensOn' must not be null.", "opensOn");
                var closesOn = input.Raw("closesOn") as DateOnly? ?? throw UserError.BadInput("'closesOn' must not be null.", "closesOn");
                if (closesOn < opensOn) throw UserError.BadInput("'closesOn' must not be before 'opensOn'.", "closesOn");
                var waves = await db.Surveys.Where(s => s.Name == name).Select(s => s.Wave).ToListAsync(c.CancellationToken);
                var wave = input.Value<int>("wave") ?? (waves.Count == 0 ? 1 : waves.Max() + 1);
                if (wave < 1) throw UserError.BadInput("'wave' must be 1 or more.", "wave");
                if (waves.Contains(wave)) throw new UserError(ErrorCodes.Conflict, $"The survey '{name}' has a wave {wave} already.", "wave");
                var survey = new Survey
                {
                    Name = name, Wave = wave, AreaId = areaId, OpensOn = opensOn, ClosesOn = closesOn,
                    CreatedBy = c.Caller().Name, CreatedAt = DateTimeOffset.UtcNow,
                };
                db.Surveys.Add(survey);
                await db.SaveChangesAsync(c.CancellationToken);
                return survey;
            });

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IssuedInvitationType>>>>("inviteToSurvey")
            .Description("Invites actors to answer a wave: one link (and QR code) each, shown only in this answer. Inviting an actor again revokes its earlier link; its answer so far is kept. Workers of the survey's municipality, and admins.")
            .Argument<NonNullGraphType<InviteToSurveyInputType>>("input", "The wave and the actors.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "invite actors to surveys");
                var input = InputFields.Of(c);
                await using var db = c.Db();
                var survey = await FindSurveyAsync(db, input.String("surveyId"), "surveyId", c.CancellationToken);
                await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [survey.AreaId], "The survey", c.CancellationToken);
                var ids = input.Strings("resourceIds") ?? [];
                if (ids.Count is 0 or > MaxInvitations) throw UserError.BadInput($"'resourceIds': give 1 to {MaxInvitations} actors.", "resourceIds");
                var resourceIds = new List<int>();
                foreach (var id in ids.Distinct()) resourceIds.Add(await Resources.ResourceRules.ExistingAsync(db, id, "resourceIds", c.CancellationToken));
                var expiresAt = input.Raw("expiresAt") as DateTimeOffset? ?? new DateTimeOffset(survey.ClosesOn.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
                if (expiresAt <= DateTimeOffset.UtcNow) throw UserError.BadInput("'expiresAt' must be in the future.", "expiresAt");
                var now = DateTimeOffset.UtcNow;
                foreach (var earlier in await db.SurveyInvitations.Where(i => i.SurveyId == survey.Id && resourceIds.Contains(i.ResourceId) && i.RevokedAt == null).ToListAsync(c.CancellationToken))
                    earlier.RevokedAt = now;
                var publicUrl = PublicUrl(c);
                var issued = resourceIds.Select(id =>
                {
                    var token = SurveyTokens.Create();
                    var invitation = new SurveyInvitation { SurveyId = survey.Id, ResourceId = id, TokenHash = SurveyTokens.Hash(token), ExpiresAt = expiresAt, CreatedAt = now };
                    db.SurveyInvitations.Add(invitation);
                    var link = SurveyLink.For(token, publicUrl);
                    return new IssuedInvitation(invitation, link, SurveyLink.QrSvg(link));
                }).ToList();
                await db.SaveChangesAsync(c.CancellationToken);
                return issued;
            });

        mutation.Field<NonNullGraphType<SurveyInvitationNode>>("revokeSurveyInvitation")
            .Description("Revokes a survey link (leaked, spam, the wrong actor): it opens nothing from now on. The answer saved through it stays for review.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The invitation.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "revoke survey links");
                await using var db = c.Db();
                var id = c.GetArgument<string>("id");
                var key = GlobalId.Decode(id, SurveyIds.Invitation, "id");
                var invitation = await db.SurveyInvitations.SingleOrDefaultAsync(i => i.Id == key, c.CancellationToken)
                    ?? throw UserError.NotFound($"There is no survey invitation with id '{id}'.", "id");
                var survey = await db.Surveys.SingleAsync(s => s.Id == invitation.SurveyId, c.CancellationToken);
                await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [survey.AreaId], "The survey", c.CancellationToken);
                invitation.RevokedAt ??= DateTimeOffset.UtcNow;
                await db.SaveChangesAsync(c.CancellationToken);
                return invitation;
            });

        mutation.Field<NonNullGraphType<SurveyResponseNode>>("moderateSurveyResponse")
            .Description("Accepts or rejects items of an answer (SurveyItem.key). What is accepted is written to the map in one change, its history naming the survey and wave: a corrected field, a tie (with a new actor if the partner was one). Workers of the survey's municipality (and of the partner's, for a tie), and admins.")
            .Argument<NonNullGraphType<ModerateSurveyResponseInputType>>("input", "The answer and the items.")
            .ResolveAsync(async c =>
            {
                var caller = c.Require(Role.Worker, "review survey answers");
                var input = InputFields.Of(c);
                await using var db = c.Db();
                await using var transaction = await db.BeginWriteTransactionAsync(c.CancellationToken);
                var id = input.String("responseId");
                var key = GlobalId.Decode(id, SurveyIds.Response, "responseId");
                var response = await db.SurveyResponses.SingleOrDefaultAsync(r => r.Id == key, c.CancellationToken)
                    ?? throw UserError.NotFound($"There is no survey answer with id '{id}'.", "responseId");
                var survey = await db.Surveys.SingleAsync(s => s.Id == response.SurveyId, c.CancellationToken);
                var requestCaller = c.Service<RequestCaller>();
                await Permissions.RequireWithinAsync(requestCaller, db, [survey.AreaId], "The survey", c.CancellationToken);
                var accept = input.Strings("accept") ?? [];
                var reject = input.Strings("reject") ?? [];
                var items = (await SurveyItems.OfAsync(db, response, c.CancellationToken)).ToDictionary(i => i.Key);
                foreach (var (item, field) in accept.Select(k => (k, "accept")).Concat(reject.Select(k => (k, "reject"))))
                {
                    if (!items.TryGetValue(item, out var found)) throw UserError.BadInput($"'{field}': the answer has no item '{item}'.", field);
                    if (found.Decision is not null) throw new UserError(ErrorCodes.Conflict, $"'{field}': the item '{item}' has been decided already.", field);
                }
                if (accept.Intersect(reject).FirstOrDefault() is { } both) throw UserError.BadInput($"The item '{both}' is both accepted and rejected.", "reject");

                db.SavesInOneBatch = true;
                db.Source = $"survey {survey.Id} “{survey.Name}”, wave {survey.Wave}, answer of resource {response.ResourceId}";
                var now = DateTimeOffset.UtcNow;
                var decisions = new List<SurveyDecision>();
                var changedResources = new List<(ChangeKind, int)>();
                var createdTies = new List<Relationship>();
                var accepted = accept.Select(k => items[k]).ToList();
                var fields = accepted.Where(i => i.Field is not null).ToList();
                if (fields.Count > 0)
                {
                    var resource = await db.Resources.SingleAsync(r => r.Id == response.ResourceId, c.CancellationToken);
                    foreach (var item in fields) SurveyItems.Fields.Single(f => f.Name == item.Field).Apply(resource, response.Record);
                    resource.RefreshSearchText();
                    changedResources.Add((ChangeKind.Updated, resource.Id));
                    decisions.AddRange(fields.Select(i => new SurveyDecision(i.Key, true, now, caller.Name, resource.Id)));
                }
                foreach (var item in accepted.Where(i => i.Partner is not null))
                {
                    var partner = item.Partner!;
                    var partnerId = partner.ResourceId;
                    if (partnerId is null)
                    {
                        var actor = new Resource { Name = partner.NewName!, Kind = partner.NewKind ?? ResourceKind.Other, Address = partner.NewAddress, AreaId = survey.AreaId, LocationApproximate = true };
                        actor.RefreshSearchText();
                        db.Resources.Add(actor);
                        await db.SaveChangesAsync(c.CancellationToken);
                        partnerId = actor.Id;
                        changedResources.Add((ChangeKind.Created, actor.Id));
                        decisions.Add(new SurveyDecision(SurveyItems.NewActorKey(int.Parse(item.Key["partner:".Length..])), true, now, caller.Name, actor.Id));
                    }
                    else
                        await Permissions.RequireWithinAsync(requestCaller, db, await Permissions.AreasOfAsync(db, [response.ResourceId, partnerId.Value], c.CancellationToken), "The tie", c.CancellationToken);
                    if (item.ExistingTieId is { } existing)
                    {
                        decisions.Add(new SurveyDecision(item.Key, true, now, caller.Name, existing));
                        continue;
                    }
                    var tie = new Relationship
                    {
                        SourceId = response.ResourceId, TargetId = partnerId.Value, Type = partner.Type, Strength = SurveyRules.Strength(partner.Frequency),
                        Note = partner.Note,
                    };
                    db.Relationships.Add(tie);
                    createdTies.Add(tie);
                    await db.SaveChangesAsync(c.CancellationToken);
                    decisions.Add(new SurveyDecision(item.Key, true, now, caller.Name, tie.Id));
                }
                decisions.AddRange(reject.Select(k => new SurveyDecision(k, false, now, caller.Name, null)));
                response.Decisions = [.. response.Decisions, .. decisions];
                await db.SaveChangesAsync(c.CancellationToken);
                await transaction.CommitAsync(c.CancellationToken);
                if (changedResources.Count > 0 || createdTies.Count > 0)
                    await c.Service<ChangeFeed>().PublishAsync(db, "moderateSurveyResponse", c.CancellationToken, resources: changedResources, relationships: createdTies.Select(t => t.Id));
                return response;
            });
    }

    public static async Task<Survey> FindSurveyAsync(ResourceMapDbContext db, string? id, string argument, CancellationToken ct)
    {
        var key = GlobalId.Decode(id, SurveyIds.Survey, argument);
        return await db.Surveys.SingleOrDefaultAsync(s => s.Id == key, ct) ?? throw UserError.NotFound($"There is no survey with id '{id}'.", argument);
    }

    /// <summary>Where links point: Surveys:PublicUrl when set (a server behind a proxy), else the address the request came to.</summary>
    private static string PublicUrl(IResolveFieldContext c)
    {
        if (c.RequestServices?.GetService<IConfiguration>()?["Surveys:PublicUrl"] is { Length: > 0 } configured) return configured;
        var request = c.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext?.Request;
        return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}

public sealed class CreateSurveyInputType : InputObjectGraphType
{
    public CreateSurveyInputType()
    {
        Name = "CreateSurveyInput";
        Description = "A wave of a partner survey.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The survey's name, shared by its waves.");
        Field<NonNullGraphType<IdGraphType>>("areaId").Description("The area it asks in (a municipality, a city, a parish).");
        Field<NonNullGraphType<DateOnlyGraphType>>("opensOn").Description("The first day answers are taken.");
        Field<NonNullGraphType<DateOnlyGraphType>>("closesOn").Description("The last day answers are taken; links expire at its end.");
        Field<IntGraphType>("wave").Description("The wave's number; by default one more than the survey's last wave (1 for a new survey).");
    }
}

public sealed class InviteToSurveyInputType : InputObjectGraphType
{
    public InviteToSurveyInputType()
    {
        Name = "InviteToSurveyInput";
        Description = "The actors to invite to a wave.";
        Field<NonNullGraphType<IdGraphType>>("surveyId").Description("The wave.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("resourceIds").Description($"The actors (1 to {SurveyMutations.MaxInvitations}).");
        Field<DateTimeOffsetGraphType>("expiresAt").Description("When the links stop working; by default the end of the wave's last day (UTC).");
    }
}

public sealed class ModerateSurveyResponseInputType : InputObjectGraphType
{
    public ModerateSurveyResponseInputType()
    {
        Name = "ModerateSurveyResponseInput";
        Description = "Items of an answer to accept and to reject (SurveyItem.key); items named in neither stay undecided.";
        Field<NonNullGraphType<IdGraphType>>("responseId").Description("The answer.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("accept").Description("Items to write to the map.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("reject").Description("Items to leave out.");
    }
}
