using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Surveys;

public sealed class SurveyNode : ObjectGraphType<Survey>
{
    public SurveyNode()
    {
        Name = "Survey";
        Description = "One wave of a partner survey in an area: the actors invited say whom they work with, how often, and how much they trust and value each partner.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Survey;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").ResolveSource(s => GlobalId.Encode(SurveyIds.Survey, s.Id));
        Field(s => s.Name).Description("The survey's name, shared by its waves.");
        Field(s => s.Wave).Description("1 for the first wave, 2 for the second…");
        Field<NonNullGraphType<AreaNode>>("area").Description("The area it asks in.")
            .ResolveSource((c, s) => c.Service<AreaLoaders>().ById.Load(s.AreaId));
        Field<NonNullGraphType<DateOnlyGraphType>>("opensOn").Description("The first day answers are taken.").ResolveSource(s => s.OpensOn);
        Field<NonNullGraphType<DateOnlyGraphType>>("closesOn").Description("The last day answers are taken.").ResolveSource(s => s.ClosesOn);
        Field(s => s.CreatedBy, nullable: true).Description("The worker who created it.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When it was created.").ResolveSource(s => s.CreatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyInvitationNode>>>>("invitations").Description("The actors invited, in the order invited (a reissued link replaces the one before).")
            .ResolveAsync(async c =>
            {
                await using var db = c.Db();
                return await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == c.Source.Id).OrderBy(i => i.Id).ToListAsync(c.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyResponseNode>>>>("responses").Description("The answers, drafts included, in the order first saved.")
            .ResolveAsync(async c =>
            {
                await using var db = c.Db();
                return await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == c.Source.Id).OrderBy(r => r.Id).ToListAsync(c.CancellationToken);
            });
    }
}

public static class SurveyIds
{
    public const string Survey = "Survey";
    public const string Invitation = "SurveyInvitation";
    public const string Response = "SurveyResponse";
}

public enum InvitationStatus
{
    Sent,
    Answering,
    Submitted,
    Revoked,
    Expired,
}

public sealed class SurveyInvitationNode : ObjectGraphType<SurveyInvitation>
{
    public SurveyInvitationNode()
    {
        Name = "SurveyInvitation";
        Description = "An actor asked to answer a wave, by a link only it was sent. The link itself is shown once, when issued.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").ResolveSource(s => GlobalId.Encode(SurveyIds.Invitation, s.Id));
        Field<NonNullGraphType<ResourceNode>>("resource").Description("The actor invited.")
            .ResolveSource((c, s) => c.Service<ResourceLoaders>().AsRecorded.Load(s.ResourceId));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Description("When the link stops working.").ResolveSource(s => s.ExpiresAt);
        Field<DateTimeOffsetGraphType>("revokedAt").Description("When a worker revoked the link; null while it works.").ResolveSource(s => s.RevokedAt);
        Field<NonNullGraphType<InvitationStatusEnum>>("status").Description("SENT (not opened to answer yet), ANSWERING (a draft saved), SUBMITTED, REVOKED or EXPIRED.")
            .ResolveAsync(async c =>
            {
                if (c.Source.RevokedAt is not null) return InvitationStatus.Revoked;
                await using var db = c.Db();
                var response = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == c.Source.SurveyId && r.ResourceId == c.Source.ResourceId)
                    .Select(r => new { r.SubmittedAt }).SingleOrDefaultAsync(c.CancellationToken);
                if (response?.SubmittedAt is not null) return InvitationStatus.Submitted;
                if (c.Source.ExpiresAt <= DateTimeOffset.UtcNow) return InvitationStatus.Expired;
                return response is null ? InvitationStatus.Sent : InvitationStatus.Answering;
            });
    }
}

public sealed class IssuedInvitationType : ObjectGraphType<IssuedInvitation>
{
    public IssuedInvitationType()
    {
        Name = "IssuedInvitation";
        Description = "A new invitation with its link: shown only now (the server keeps only a hash of the token), so send or print it now.";
        Field<NonNullGraphType<SurveyInvitationNode>>("invitation").Description("The invitation.").ResolveSource(s => s.Invitation);
        Field(s => s.Link).Description("The link to send the actor: the survey page with the token after '#', which browsers send to no server.");
        Field(s => s.QrSvg).Description("The link as a QR code, an SVG image.");
    }
}

public sealed record IssuedInvitation(SurveyInvitation Invitation, string Link, string QrSvg);

public sealed class SurveyResponseNode : ObjectGraphType<SurveyResponse>
{
    public SurveyResponseNode()
    {
        Name = "SurveyResponse";
        Description = "An actor's answer to a wave, each item beside the current data, with the worker's decisions. Nothing in it changes the map until a worker accepts it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").ResolveSource(s => GlobalId.Encode(SurveyIds.Response, s.Id));
        Field<NonNullGraphType<ResourceNode>>("resource").Description("The actor answering.")
            .ResolveSource((c, s) => c.Service<ResourceLoaders>().AsRecorded.Load(s.ResourceId));
        Field(s => s.Language).Description("The form's language when last saved: lv, ru or en.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("consentAt").Description("When the respondent agreed to the purpose and retention.").ResolveSource(s => s.ConsentAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description("When it was last saved.").ResolveSource(s => s.UpdatedAt);
        Field<DateTimeOffsetGraphType>("submittedAt").Description("When the respondent said it is finished; null for a draft.").ResolveSource(s => s.SubmittedAt);
        Field(s => s.Note, nullable: true).Description("The respondent's note.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyItemType>>>>("items").Description("Each correction and each partner named, beside the current data.")
            .ResolveAsync(async c =>
            {
                await using var db = c.Db();
                return await SurveyItems.OfAsync(db, c.Source, c.CancellationToken);
            });
    }
}

public enum SurveyDecisionKind
{
    Accepted,
    Rejected,
}

public sealed class SurveyItemType : ObjectGraphType<SurveyItem>
{
    public SurveyItemType()
    {
        Name = "SurveyItem";
        Description = "One thing a response proposes: a corrected field of the actor's own record, or a partner (a tie, perhaps to a new actor).";
        Field(i => i.Key).Description("The item's key, to accept or reject it: a field's name (\"name\", \"offers\"…) or \"partner:N\".");
        Field(i => i.Field, nullable: true).Description("The field corrected; null for a partner.");
        Field(i => i.Current, nullable: true).Description("The field's value in the data now.");
        Field(i => i.Proposed, nullable: true).Description("The value the respondent gave.");
        Field<ResourceNode>("partner").Description("The partner named, when it is on the map.")
            .ResolveSource((c, s) => s.PartnerId is { } id ? c.Service<ResourceLoaders>().AsRecorded.Load(id) : null);
        Field(i => i.NewActorName, nullable: true).Description("A partner not on the map: its name as given (accepting it adds the actor).");
        Field<ResourceKindEnum>("newActorKind").Description("Its kind as given.").ResolveSource(s => s.NewActorKind is { } k ? Boxed.Enum(k) : null);
        Field<RelationshipTypeEnum>("type").Description("The kind of tie.").ResolveSource(s => s.Partner is { } p ? Boxed.Enum(p.Type) : null);
        Field<TieFrequencyEnum>("frequency").Description("How often they work together.").ResolveSource(s => s.Partner?.Frequency);
        Field<IntGraphType>("strength").Description("The strength an accepted tie gets from the frequency: daily 5, weekly 4, monthly 3, quarterly 2, yearly 1 (3 when not said).")
            .ResolveSource(s => s.Partner is { } p ? SurveyRules.Strength(p.Frequency) : null);
        Field<FloatGraphType>("trust").Description("PARTNER's trust score: the mean of reliable, open to discussion and in support of the mission (1–4); null when none was answered.")
            .ResolveSource(s => s.Partner is { } p ? SurveyRules.Trust(p) : null);
        Field<FloatGraphType>("value").Description("PARTNER's value score: the mean of power/influence, level of involvement and resources contributed (1–4).")
            .ResolveSource(s => s.Partner is { } p ? SurveyRules.Value(p) : null);
        Field<StringGraphType>("partnerNote").Description("The respondent's note on the partner.").ResolveSource(s => s.Partner?.Note);
        Field<RelationshipNode>("existingTie").Description("A tie of this type between the two that is on the map already.")
            .ResolveSource((c, s) => s.ExistingTieId is { } id ? c.Service<RelationshipLoaders>().ById.Load(id) : null);
        Field(i => i.NamedByBothSides).Description("True when the partner, answering the same wave, named the respondent too (a reciprocated tie).");
        Field<SurveyDecisionEnum>("decision").Description("ACCEPTED, REJECTED, or null while undecided.")
            .ResolveSource(s => s.Decision is { } d ? d.Accepted ? SurveyDecisionKind.Accepted : SurveyDecisionKind.Rejected : null);
        Field<DateTimeOffsetGraphType>("decidedAt").Description("When it was decided.").ResolveSource(s => s.Decision?.At);
        Field<StringGraphType>("decidedBy").Description("The worker who decided.").ResolveSource(s => s.Decision?.By);
    }
}

public sealed class InvitationStatusEnum : EnumerationGraphType<InvitationStatus>
{
    public InvitationStatusEnum()
    {
        Name = "SurveyInvitationStatus";
        Description = "Where an invitation stands.";
        this.Describe(InvitationStatus.Sent, "The link is made and works; no answer saved yet.");
        this.Describe(InvitationStatus.Answering, "An answer is saved as a draft.");
        this.Describe(InvitationStatus.Submitted, "The answer is sent as finished.");
        this.Describe(InvitationStatus.Revoked, "A worker revoked the link (or invited the actor again).");
        this.Describe(InvitationStatus.Expired, "The link is past its expiry or the wave has closed.");
    }
}

public sealed class SurveyDecisionEnum : EnumerationGraphType<SurveyDecisionKind>
{
    public SurveyDecisionEnum()
    {
        Name = "SurveyDecision";
        Description = "A worker's decision on an item of an answer.";
        this.Describe(SurveyDecisionKind.Accepted, "Written to the map.");
        this.Describe(SurveyDecisionKind.Rejected, "Left out.");
    }
}

public sealed class TieFrequencyEnum : EnumerationGraphType<TieFrequency>
{
    public TieFrequencyEnum()
    {
        Name = "TieFrequency";
        Description = "How often two actors work together (PARTNER's question); it gives an accepted tie's strength: daily 5, weekly 4, monthly 3, quarterly 2, yearly 1.";
        this.Describe(TieFrequency.Daily, "Every day (strength 5).");
        this.Describe(TieFrequency.Weekly, "Every week (strength 4).");
        this.Describe(TieFrequency.Monthly, "Every month (strength 3).");
        this.Describe(TieFrequency.Quarterly, "About once a quarter (strength 2).");
        this.Describe(TieFrequency.Yearly, "Once a year or less (strength 1).");
    }
}
