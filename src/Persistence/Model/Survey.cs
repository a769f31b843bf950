namespace ResourceMap.Persistence.Model;

/// <summary>
/// One wave of a partner survey in an area (a municipality): the actors invited are asked whom they work with, how
/// often, and how much they trust and value each partner, as PARTNER (partnertool.net, Varda et al.) asks them. Waves of
/// the same name, a year apart, show how the network changed. Not part of the network's data: a survey and its answers
/// change the map only through what a worker accepts, so saving them neither records history nor moves the data version.
/// </summary>
public class Survey
{
    public int Id { get; set; }

    /// <summary>The survey's name, shared by its waves ("Daugavpils partneru aptauja").</summary>
    public required string Name { get; set; }

    /// <summary>1 for the first wave, 2 for the second…; unique with the name.</summary>
    public int Wave { get; set; }
    public int AreaId { get; set; }
    public DateOnly OpensOn { get; set; }

    /// <summary>The last day answers are taken; invitations expire at its end unless an earlier expiry was given.</summary>
    public DateOnly ClosesOn { get; set; }

    /// <summary>The worker who created it.</summary>
    public string? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// An actor asked to answer one wave. The link it is sent carries a random token; only the token's SHA-256 is kept, so
/// the database alone opens no form. The token opens this actor's form of this wave and nothing else.
/// </summary>
public class SurveyInvitation
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int ResourceId { get; set; }

    /// <summary>SHA-256 of the token, in lower-case hex.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When a worker revoked it (a leaked link, spam); its answers are kept for moderation unless deleted.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// What an invited actor answered in a wave, saved part-way as often as it likes, and what a worker decided about each
/// item. One per actor and wave: a new invitation (the old link revoked) continues the same answer.
/// </summary>
public class SurveyResponse
{
    public int Id { get; set; }
    public int SurveyId { get; set; }

    /// <summary>The actor answering.</summary>
    public int ResourceId { get; set; }

    /// <summary>The form's language when last saved: lv, ru or en.</summary>
    public required string Language { get; set; }

    /// <summary>When the respondent agreed to the purpose and retention the form states; answers are kept only with it.</summary>
    public DateTimeOffset ConsentAt { get; set; }

    /// <summary>Corrections of the actor's own record; a field left null is confirmed as it is.</summary>
    public SurveyRecord Record { get; set; } = new();

    /// <summary>The actors it works with.</summary>
    public List<SurveyPartner> Partners { get; set; } = [];
    public string? Note { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the respondent said it is finished; null while it is a draft (a draft is shown to workers too).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>A worker's decision on each item (a field of the record, a partner), by item key.</summary>
    public List<SurveyDecision> Decisions { get; set; } = [];
}

/// <summary>The actor's own record as the respondent corrected it; null fields are not corrected.</summary>
public sealed record SurveyRecord
{
    public string? Name { get; init; }
    public ResourceKind? Kind { get; init; }
    public string? Address { get; init; }
    public List<string>? Offers { get; init; }
    public List<string>? Needs { get; init; }
    public List<string>? TargetGroups { get; init; }
    public List<string>? Languages { get; init; }
    public string? ContactWeb { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
}

/// <summary>
/// A partner named in an answer: an actor of the map (<see cref="ResourceId"/>) or a new one (<see cref="NewName"/>),
/// the kind of tie and how often they work together, and PARTNER's scales, each 1 (not at all) to 4 (a great deal):
/// trust as reliable, open to discussion, in support of our mission; value as power/influence, level of involvement,
/// resources contributed.
/// </summary>
public sealed record SurveyPartner
{
    public int? ResourceId { get; init; }
    public string? NewName { get; init; }
    public ResourceKind? NewKind { get; init; }
    public string? NewAddress { get; init; }
    public RelationshipType Type { get; init; }
    public TieFrequency? Frequency { get; init; }
    public int? Reliable { get; init; }
    public int? Open { get; init; }
    public int? SharesMission { get; init; }
    public int? Influence { get; init; }
    public int? Involvement { get; init; }
    public int? Resources { get; init; }
    public string? Note { get; init; }
}

/// <summary>How often two actors work together, as PARTNER asks it; it gives the strength of an accepted tie.</summary>
public enum TieFrequency
{
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}

/// <summary>A worker's decision on one item of a response: accepted (with the row it wrote) or rejected.</summary>
public sealed record SurveyDecision(string Item, bool Accepted, DateTimeOffset At, string? By, int? WrittenId);
