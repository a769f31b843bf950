namespace ResourceMap.Persistence.Model;

/// <summary>
/// Something that brings people together: a meeting, a workshop, a festival, a weekly class. It is held on
/// <see cref="StartsOn"/> (to <see cref="EndsOn"/>), or, recurring, every week or month from the first day to the last.
/// Its participants are resources (actors) with a role; its attendance is counts of people by target group, never names.
/// </summary>
public class Activity : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The key a community's own list gives it (the spreadsheet's <c>externalId</c>); unique when given.</summary>
    public string? ExternalId { get; set; }
    public ActivityKind Kind { get; set; }

    /// <summary>The (first) day it is held.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The last day: of a festival of several days, or of a recurring activity (null while it goes on); null for one day.</summary>
    public DateOnly? EndsOn { get; set; }
    public ActivityRecurrence Recurrence { get; set; } = ActivityRecurrence.Once;

    /// <summary>The resource it is held at, if any: kept by id, so that an activity of the past still names a venue deleted since.</summary>
    public int? VenueId { get; set; }

    /// <summary>WGS84 point of a place that is no resource (a square, a park); null when held at the venue or online.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public bool Online { get; set; }
    public int? AreaId { get; set; }

    /// <summary>
    /// True when it reveals vulnerable people (pool sessions for families of children with disabilities): read, like a
    /// sensitive resource, only by admins and the viewers and workers of its area's municipality.
    /// </summary>
    public bool Sensitive { get; set; }
    public string? Note { get; set; }

    /// <summary>Who organised it and who took part, by resource id; stored with the row, so the history records them with it.</summary>
    public List<ActivityParticipant> Participants { get; set; } = [];

    /// <summary>How many people came, by target group ("total" for all of them when the groups are not known).</summary>
    public List<Attendance> Attendance { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>1 when created, one more with every saved change.</summary>
    public int Version { get; set; }
}

/// <summary>A resource's part in an activity.</summary>
public sealed record ActivityParticipant(int ResourceId, ParticipantRole Role);

/// <summary>How many people of a target group came.</summary>
public sealed record Attendance(string TargetGroup, int Count);

public enum ActivityKind
{
    Meeting,
    Workshop,
    Festival,
    RegularClass,
    Discussion,
    Campaign,
    Training,
    Excursion,
    Other,
}

public enum ActivityRecurrence
{
    Once,
    Weekly,
    Monthly,
}

public enum ParticipantRole
{
    Organiser,
    Partner,
    Participant,
}

/// <summary>
/// A worker's record that they introduced two actors who did not know each other (the worker as go-between, savedējs),
/// and what came of it.
/// </summary>
public class Introduction : IVersioned
{
    public int Id { get; set; }

    /// <summary>The two actors, by resource id (kept, like a tie's ends in the history, for a deleted one too).</summary>
    public int FirstId { get; set; }
    public int SecondId { get; set; }

    /// <summary>The day of the introduction.</summary>
    public DateOnly On { get; set; }

    /// <summary>The activity it happened at, if any.</summary>
    public int? ActivityId { get; set; }

    /// <summary>True when it followed one of the analysis's suggested ties; false for the worker's own idea.</summary>
    public bool FromSuggestion { get; set; }
    public IntroductionOutcome Outcome { get; set; } = IntroductionOutcome.Pending;

    /// <summary>The day the outcome was known.</summary>
    public DateOnly? OutcomeOn { get; set; }

    /// <summary>The tie that followed (outcome <see cref="IntroductionOutcome.TieFormed"/>).</summary>
    public int? RelationshipId { get; set; }
    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

public enum IntroductionOutcome
{
    /// <summary>No answer yet.</summary>
    Pending,
    TieFormed,
    Declined,
}
