using System.Collections;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Surveys;

/// <summary>
/// The public survey form: what a token opens (the wave, the actor's own record, its answer so far) and saving the
/// answer. Needs no account; shows only public data; changes nothing on the map.
/// </summary>
public static class SurveyForm
{
    /// <summary>Kinds that are persons: the form does not take them as partners, since they did not agree to be named.</summary>
    public static readonly IReadOnlySet<ResourceKind> Persons = new HashSet<ResourceKind> { ResourceKind.Volunteer, ResourceKind.CommunityLeader };

    /// <summary>How long answers are kept after the wave closes, as the consent text says.</summary>
    public const int RetentionDays = 730;

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SurveyFormType>>("surveyForm")
            .Description("The survey form a link opens, for the actor invited: no account needed, the token is the key. INVITATION_NOT_VALID, INVITATION_REVOKED or INVITATION_EXPIRED when it opens nothing.")
            .Argument<NonNullGraphType<StringGraphType>>("token", "The token from the link (after '#').")
            .ResolveAsync(async c =>
            {
                await using var db = c.Service<ResourceMapDbContextFactory>().CreateDbContext();
                var (invitation, survey) = await c.Service<SurveyAccess>().OpenAsync(db, c.GetArgument<string>("token"), c.CancellationToken);
                return await OpenedAsync(db, invitation, survey, c.CancellationToken);
            });

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SurveyFormType>>("saveSurveyAnswers")
            .Description("Saves the answer of the actor a survey link invites, part-way or finished (submit: true); it replaces what was saved before. Changes nothing on the map: a worker reviews it.")
            .Argument<NonNullGraphType<SaveSurveyAnswersInputType>>("input", "The answer.")
            .ResolveAsync(async c =>
            {
                var input = InputFields.Of(c);
                await using var db = c.Service<ResourceMapDbContextFactory>().CreateDbContext();
                var (invitation, survey) = await c.Service<SurveyAccess>().OpenAsync(db, input.String("token"), c.CancellationToken);
                if (input.Value<bool>("consent") != true)
                    throw UserError.BadInput("Tick the consent: answers are kept only when you agree to their purpose and how long they are kept.", "consent");
                var response = await db.SurveyResponses.SingleOrDefaultAsync(r => r.SurveyId == survey.Id && r.ResourceId == invitation.ResourceId, c.CancellationToken);
                if (response is { Decisions.Count: > 0 })
                    throw new UserError(ErrorCodes.Conflict, "A social worker has begun to review these answers; tell them what else has changed.", "token");
                var now = DateTimeOffset.UtcNow;
                if (response is null)
                {
                    response = new SurveyResponse { SurveyId = survey.Id, ResourceId = invitation.ResourceId, Language = "lv", ConsentAt = now };
                    db.SurveyResponses.Add(response);
                }
                response.Language = input.String("language") is "lv" or "ru" or "en" ? input.String("language")! : "lv";
                response.Record = Record(input.Object("record"));
                response.Partners = await PartnersAsync(db, input, invitation.ResourceId, c.CancellationToken);
                response.Note = TextRules.Optional(input.String("note"), "note", SurveyRules.MaxNoteLength, multiline: true);
                response.UpdatedAt = now;
                if (input.Value<bool>("submit") == true) response.SubmittedAt = now;
                await db.SaveChangesAsync(c.CancellationToken);
                return await OpenedAsync(db, invitation, survey, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("withdrawSurveyAnswers")
            .Description("Deletes the answer of the actor a survey link invites (withdrawing consent), unless a worker has begun to review it. True when there was one.")
            .Argument<NonNullGraphType<StringGraphType>>("token", "The token from the link.")
            .ResolveAsync(async c =>
            {
                await using var db = c.Service<ResourceMapDbContextFactory>().CreateDbContext();
                var (invitation, survey) = await c.Service<SurveyAccess>().OpenAsync(db, c.GetArgument<string>("token"), c.CancellationToken);
                var response = await db.SurveyResponses.SingleOrDefaultAsync(r => r.SurveyId == survey.Id && r.ResourceId == invitation.ResourceId, c.CancellationToken);
                if (response is null) return false;
                if (response.Decisions.Count > 0)
                    throw new UserError(ErrorCodes.Conflict, "A social worker has begun to review these answers; ask them to delete them.", "token");
                db.SurveyResponses.Remove(response);
                await db.SaveChangesAsync(c.CancellationToken);
                return true;
            });
    }

    private static async Task<OpenedForm> OpenedAsync(ResourceMapDbContext db, SurveyInvitation invitation, Survey survey, CancellationToken ct)
    {
        var actor = await db.Resources.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == invitation.ResourceId, ct);
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == survey.AreaId).Select(a => a.Name).SingleAsync(ct);
        var response = await db.SurveyResponses.AsNoTracking().SingleOrDefaultAsync(r => r.SurveyId == survey.Id && r.ResourceId == invitation.ResourceId, ct);
        var partnerIds = response?.Partners.Select(p => p.ResourceId).OfType<int>().ToList() ?? [];
        var partners = await db.Resources.IgnoreQueryFilters().AsNoTracking().Where(r => partnerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return new OpenedForm(survey, area, actor, invitation.ExpiresAt, response, partners);
    }

    private static SurveyRecord Record(InputFields? record)
    {
        if (record is null) return new SurveyRecord();
        return new SurveyRecord
        {
            Name = TextRules.Optional(record.String("name"), "record.name", ResourceMapDbContext.MaxNameLength),
            Kind = record.Raw("kind") as ResourceKind?,
            Address = TextRules.Optional(record.String("address"), "record.address", ResourceMapDbContext.MaxNameLength),
            Offers = SurveyRules.Tags(record.Strings("offers"), "record.offers"),
            Needs = SurveyRules.Tags(record.Strings("needs"), "record.needs"),
            TargetGroups = SurveyRules.Tags(record.Strings("targetGroups"), "record.targetGroups"),
            Languages = SurveyRules.Tags(record.Strings("languages"), "record.languages"),
            ContactWeb = TextRules.Optional(record.String("contactWeb"), "record.contactWeb", ResourceMapDbContext.MaxNameLength),
            ContactEmail = TextRules.Optional(record.String("contactEmail"), "record.contactEmail", ResourceMapDbContext.MaxNameLength),
            ContactPhone = TextRules.Optional(record.String("contactPhone"), "record.contactPhone", ResourceMapDbContext.MaxNameLength),
        };
    }

    private static async Task<List<SurveyPartner>> PartnersAsync(ResourceMapDbContext db, InputFields input, int respondentId, CancellationToken ct)
    {
        var given = input.Raw("partners") is IEnumerable list and not string
            ? list.OfType<IDictionary<string, object?>>().Select(d => new InputFields(d)).ToList()
            : [];
        if (given.Count > SurveyRules.MaxPartners)
            throw UserError.BadInput($"partners: at most {SurveyRules.MaxPartners}, not {given.Count}.", "partners");
        var partners = new List<SurveyPartner>();
        for (var i = 0; i < given.Count; i++)
        {
            var p = given[i];
            var field = $"partners[{i}]";
            int? resourceId = p.String("resourceId") is { } id ? GlobalId.Decode(id, GlobalId.Resource, $"{field}.resourceId") : null;
            var newName = TextRules.Optional(p.String("newName"), $"{field}.newName", ResourceMapDbContext.MaxNameLength);
            if ((resourceId is null) == (newName is null))
                throw UserError.BadInput($"{field}: name an actor of the map (resourceId) or a new one (newName), one of the two.", field);
            var newKind = p.Raw("newKind") as ResourceKind?;
            if (resourceId is { } rid)
            {
                if (rid == respondentId) throw UserError.BadInput($"{field}: an actor is not its own partner.", field);
                // Only public actors that are not persons: the form shows no others, and a token reads nothing else.
                var partner = await db.Resources.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == rid && !r.Sensitive).Select(r => new { r.Kind }).SingleOrDefaultAsync(ct);
                if (partner is null || Persons.Contains(partner.Kind))
                    throw UserError.NotFound($"{field}.resourceId: there is no public actor with this id.", $"{field}.resourceId");
            }
            else if (newKind is { } kind && Persons.Contains(kind))
                throw UserError.BadInput($"{field}.newKind: name organisations and groups here; a social worker records persons, with their consent.", $"{field}.newKind");
            partners.Add(new SurveyPartner
            {
                ResourceId = resourceId,
                NewName = newName,
                NewKind = resourceId is null ? newKind ?? ResourceKind.Other : null,
                NewAddress = resourceId is null ? TextRules.Optional(p.String("newAddress"), $"{field}.newAddress", ResourceMapDbContext.MaxNameLength) : null,
                Type = p.Raw("type") as RelationshipType? ?? RelationshipType.Cooperation,
                Frequency = p.Raw("frequency") as TieFrequency?,
                Reliable = SurveyRules.Scale(p.Value<int>("reliable"), $"{field}.reliable"),
                Open = SurveyRules.Scale(p.Value<int>("open"), $"{field}.open"),
                SharesMission = SurveyRules.Scale(p.Value<int>("sharesMission"), $"{field}.sharesMission"),
                Influence = SurveyRules.Scale(p.Value<int>("influence"), $"{field}.influence"),
                Involvement = SurveyRules.Scale(p.Value<int>("involvement"), $"{field}.involvement"),
                Resources = SurveyRules.Scale(p.Value<int>("resources"), $"{field}.resources"),
                Note = TextRules.Optional(p.String("note"), $"{field}.note", SurveyRules.MaxNoteLength, multiline: true),
            });
        }
        if (partners.Where(p => p.ResourceId is not null).GroupBy(p => (p.ResourceId, p.Type)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw UserError.BadInput("partners: the same actor is named twice with the same kind of tie.", "partners");
        return partners;
    }
}

/// <summary>What a token opened: the wave, the actor's own record, its answer so far and the partners it names.</summary>
public sealed record OpenedForm(Survey Survey, string AreaName, Resource Actor, DateTimeOffset ExpiresAt, SurveyResponse? Response, IReadOnlyDictionary<int, Resource> Partners);

public sealed class SurveyFormType : ObjectGraphType<OpenedForm>
{
    public SurveyFormType()
    {
        Name = "SurveyForm";
        Description = "What a survey link opens: the wave, the actor's own record as the map has it, and its answer so far.";
        Field<NonNullGraphType<StringGraphType>>("surveyName").Description("The survey's name.").ResolveSource(s => s.Survey.Name);
        Field<NonNullGraphType<IntGraphType>>("wave").Description("The wave.").ResolveSource(s => s.Survey.Wave);
        Field<NonNullGraphType<StringGraphType>>("areaName").Description("The area it asks in.").ResolveSource(s => s.AreaName);
        Field<NonNullGraphType<DateOnlyGraphType>>("closesOn").Description("The last day answers are taken.").ResolveSource(s => s.Survey.ClosesOn);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Description("When this link stops working.").ResolveSource(s => s.ExpiresAt);
        Field<NonNullGraphType<IntGraphType>>("retentionDays").Description("How many days after the wave closes the answers are kept.").ResolveSource(_ => SurveyForm.RetentionDays);
        Field<NonNullGraphType<SurveyActorType>>("actor").Description("The actor invited, as the map has it.").ResolveSource(s => s.Actor);
        Field<SurveyAnswerType>("answer").Description("The answer saved so far; null before the first save.").ResolveSource(s => s.Response is null ? null : new SavedAnswer(s.Response, s.Partners));
    }
}

/// <summary>An actor as the form shows it: public fields only.</summary>
public sealed class SurveyActorType : ObjectGraphType<Resource>
{
    public SurveyActorType()
    {
        Name = "SurveyActor";
        Description = "An actor as the survey form shows it: its public fields.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id (a Resource's).").ResolveSource(s => GlobalId.Encode(GlobalId.Resource, s.Id));
        Field(r => r.Name).Description("Name.");
        Field<NonNullGraphType<ResourceKindEnum>>("kind").Description("Kind.").ResolveSource(s => Boxed.Enum(s.Kind));
        Field(r => r.Address, nullable: true).Description("Address.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("offers").Description("What it offers.").ResolveSource(s => s.Offers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("needs").Description("What it needs.").ResolveSource(s => s.Needs);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("targetGroups").Description("Whom it serves.").ResolveSource(s => s.TargetGroups);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Description("Languages it works in.").ResolveSource(s => s.Languages);
        Field(r => r.ContactWeb, nullable: true).Description("Public web page.");
        Field(r => r.ContactEmail, nullable: true).Description("Public e-mail.");
        Field(r => r.ContactPhone, nullable: true).Description("Public phone.");
    }
}

public sealed record SavedAnswer(SurveyResponse Response, IReadOnlyDictionary<int, Resource> Partners);

public sealed class SurveyAnswerType : ObjectGraphType<SavedAnswer>
{
    public SurveyAnswerType()
    {
        Name = "SurveyAnswer";
        Description = "An answer as saved by the respondent.";
        Field<NonNullGraphType<StringGraphType>>("language").Description("The form's language when last saved.").ResolveSource(s => s.Response.Language);
        Field<NonNullGraphType<SurveyRecordType>>("record").Description("The corrections of the actor's own record (null fields: confirmed as they are).").ResolveSource(s => s.Response.Record);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyPartnerType>>>>("partners").Description("The partners named.")
            .ResolveSource(s => s.Response.Partners.Select(p => (p, p.ResourceId is { } id ? s.Partners.GetValueOrDefault(id) : null)).ToList());
        Field<StringGraphType>("note").Description("The respondent's note.").ResolveSource(s => s.Response.Note);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description("When it was last saved.").ResolveSource(s => s.Response.UpdatedAt);
        Field<DateTimeOffsetGraphType>("submittedAt").Description("When it was sent as finished; null for a draft.").ResolveSource(s => s.Response.SubmittedAt);
    }
}

public sealed class SurveyRecordType : ObjectGraphType<SurveyRecord>
{
    public SurveyRecordType()
    {
        Name = "SurveyRecord";
        Description = "Corrections of an actor's own record.";
        Field(r => r.Name, nullable: true).Description("Name.");
        Field<ResourceKindEnum>("kind").Description("Kind.").ResolveSource(s => s.Kind is { } k ? Boxed.Enum(k) : null);
        Field(r => r.Address, nullable: true).Description("Address.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("offers").Description("What it offers.").ResolveSource(s => s.Offers);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("needs").Description("What it needs.").ResolveSource(s => s.Needs);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("targetGroups").Description("Whom it serves.").ResolveSource(s => s.TargetGroups);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("languages").Description("Languages.").ResolveSource(s => s.Languages);
        Field(r => r.ContactWeb, nullable: true).Description("Public web page.");
        Field(r => r.ContactEmail, nullable: true).Description("Public e-mail.");
        Field(r => r.ContactPhone, nullable: true).Description("Public phone.");
    }
}

public sealed class SurveyPartnerType : ObjectGraphType<(SurveyPartner Partner, Resource? Actor)>
{
    public SurveyPartnerType()
    {
        Name = "SurveyPartner";
        Description = "A partner named in an answer, with PARTNER's scales (1 not at all … 4 a great deal).";
        Field<SurveyActorType>("actor").Description("The actor of the map named; null for a new one.").ResolveSource(s => s.Actor);
        Field<StringGraphType>("newName").Description("A new actor's name.").ResolveSource(s => s.Partner.NewName);
        Field<ResourceKindEnum>("newKind").Description("A new actor's kind.").ResolveSource(s => s.Partner.NewKind is { } k ? Boxed.Enum(k) : null);
        Field<StringGraphType>("newAddress").Description("A new actor's address.").ResolveSource(s => s.Partner.NewAddress);
        Field<NonNullGraphType<RelationshipTypeEnum>>("type").Description("The kind of tie.").ResolveSource(s => Boxed.Enum(s.Partner.Type));
        Field<TieFrequencyEnum>("frequency").Description("How often they work together.").ResolveSource(s => s.Partner.Frequency);
        Field<IntGraphType>("reliable").Description("Trust: reliable.").ResolveSource(s => s.Partner.Reliable);
        Field<IntGraphType>("open").Description("Trust: open to discussion.").ResolveSource(s => s.Partner.Open);
        Field<IntGraphType>("sharesMission").Description("Trust: in support of our mission.").ResolveSource(s => s.Partner.SharesMission);
        Field<IntGraphType>("influence").Description("Value: power and influence.").ResolveSource(s => s.Partner.Influence);
        Field<IntGraphType>("involvement").Description("Value: level of involvement.").ResolveSource(s => s.Partner.Involvement);
        Field<IntGraphType>("resources").Description("Value: resources contributed.").ResolveSource(s => s.Partner.Resources);
        Field<StringGraphType>("note").Description("A note on the partner.").ResolveSource(s => s.Partner.Note);
    }
}

public sealed class SaveSurveyAnswersInputType : InputObjectGraphType
{
    public SaveSurveyAnswersInputType()
    {
        Name = "SaveSurveyAnswersInput";
        Description = "An answer to a survey: it replaces the one saved before.";
        Field<NonNullGraphType<StringGraphType>>("token").Description("The token from the link.");
        Field<NonNullGraphType<BooleanGraphType>>("consent").Description("True: the respondent agrees to the purpose and retention the form states. Nothing is saved without it.");
        Field<StringGraphType>("language").Description("The form's language: lv, ru or en.");
        Field<SurveyRecordInputType>("record").Description("Corrections of the actor's own record; fields left out or null are confirmed as they are.");
        Field<ListGraphType<NonNullGraphType<SurveyPartnerInputType>>>("partners").Description($"The actors it works with (at most {SurveyRules.MaxPartners}).");
        Field<StringGraphType>("note").Description($"A note, at most {SurveyRules.MaxNoteLength} characters.");
        Field<BooleanGraphType>("submit").Description("True when the answer is finished (it can still be changed until a worker reviews it).");
    }
}

public sealed class SurveyRecordInputType : InputObjectGraphType
{
    public SurveyRecordInputType()
    {
        Name = "SurveyRecordInput";
        Description = "Corrections of an actor's own record.";
        Field<StringGraphType>("name").Description("Name.");
        Field<ResourceKindEnum>("kind").Description("Kind.");
        Field<StringGraphType>("address").Description("Address.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("offers").Description("What it offers (replaces the list).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("needs").Description("What it needs (replaces the list).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("targetGroups").Description("Whom it serves (replaces the list).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("languages").Description("Languages it works in (replaces the list).");
        Field<StringGraphType>("contactWeb").Description("Public web page.");
        Field<StringGraphType>("contactEmail").Description("Public e-mail.");
        Field<StringGraphType>("contactPhone").Description("Public phone.");
    }
}

public sealed class SurveyPartnerInputType : InputObjectGraphType
{
    public SurveyPartnerInputType()
    {
        Name = "SurveyPartnerInput";
        Description = "A partner: an actor of the map (resourceId) or a new one (newName), the tie, how often, and PARTNER's scales (1 not at all … 4 a great deal).";
        Field<IdGraphType>("resourceId").Description("A public actor of the map (not a person).");
        Field<StringGraphType>("newName").Description("A new actor's name (an organisation or group).");
        Field<ResourceKindEnum>("newKind").Description("A new actor's kind.");
        Field<StringGraphType>("newAddress").Description("A new actor's address.");
        Field<RelationshipTypeEnum>("type").Description("The kind of tie (default COOPERATION).");
        Field<TieFrequencyEnum>("frequency").Description("How often they work together.");
        Field<IntGraphType>("reliable").Description("Trust: how reliable the partner is.");
        Field<IntGraphType>("open").Description("Trust: how open to discussion.");
        Field<IntGraphType>("sharesMission").Description("Trust: how much it supports our mission.");
        Field<IntGraphType>("influence").Description("Value: its power and influence.");
        Field<IntGraphType>("involvement").Description("Value: its level of involvement.");
        Field<IntGraphType>("resources").Description("Value: the resources it contributes.");
        Field<StringGraphType>("note").Description("A note on the partner.");
    }
}
