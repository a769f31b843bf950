namespace ResourceMap.Graph.Network;

/// <summary>
/// An actor of the network as analysis sees it: no EF entity, only what the algorithms read. <see cref="Until"/> is the
/// last day of an actor deleted since (known from the history); like one that is still there, it counts on every day
/// before (the day a resource was mapped is not the day it began). <see cref="MunicipalityId"/> is the municipality (or
/// state city) whose area holds the actor: the highest area below the country, the unit a worker's world is.
/// </summary>
public sealed record Actor(
    int Id,
    string Name,
    string Kind,
    double? Latitude,
    double? Longitude,
    int? AreaId,
    IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> Offers,
    IReadOnlyList<string> Needs,
    bool Sensitive = false,
    DateOnly? Until = null,
    int? MunicipalityId = null)
{
    /// <summary>There on this day (today, when no day is given).</summary>
    public bool IsPresentOn(DateOnly? day) => Until is null || (day is { } d && d <= Until);
}

/// <summary>A tie between two actors, valid from <see cref="Since"/> to <see cref="Until"/> inclusive (open when null).</summary>
public sealed record Tie(int Id, int SourceId, int TargetId, string Type, int Strength, bool Directed, DateOnly? Since, DateOnly? Until)
{
    public bool IsActiveOn(DateOnly day) => (Since is null || Since <= day) && (Until is null || day <= Until);
}

/// <summary>How often an activity is held.</summary>
public enum Recurrence
{
    Once,
    Weekly,
    Monthly,
}

/// <summary>
/// An activity as analysis sees it: its days and the actors who took part (organisers and partners included). It is
/// held on <see cref="StartsOn"/> (to <see cref="EndsOn"/>), or every week or month from the first day to the last (open
/// while <see cref="EndsOn"/> is null).
/// </summary>
public sealed record ActivityRecord(int Id, string Name, DateOnly StartsOn, DateOnly? EndsOn, Recurrence Recurrence, int? AreaId, bool Sensitive,
    IReadOnlyList<int> ParticipantIds)
{
    /// <summary>The last day it was held by <paramref name="day"/> (that day included); null when it had not begun.</summary>
    public DateOnly? LastHeldBy(DateOnly day)
    {
        if (day < StartsOn) return null;
        var last = EndsOn is { } end && end < day ? end : day;
        return Recurrence switch
        {
            Recurrence.Weekly => StartsOn.AddDays((last.DayNumber - StartsOn.DayNumber) / 7 * 7),
            Recurrence.Monthly => MonthlyOnOrBefore(last),
            _ => EndsOn is null ? StartsOn : last,
        };
    }

    /// <summary>Whether it was held on some day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool HeldBetween(DateOnly from, DateOnly to) => LastHeldBy(to) is { } last && last >= from;

    private DateOnly MonthlyOnOrBefore(DateOnly last)
    {
        var months = (last.Year - StartsOn.Year) * 12 + last.Month - StartsOn.Month;
        var held = StartsOn.AddMonths(months);
        return held > last ? StartsOn.AddMonths(months - 1) : held;
    }
}

/// <summary>What came of an introduction.</summary>
public enum IntroductionOutcome
{
    Pending,
    TieFormed,
    Declined,
}

/// <summary>A worker's introduction of two actors on a day, and its outcome (the tie that followed, when one did).</summary>
public sealed record IntroductionRecord(int Id, int FirstId, int SecondId, DateOnly On, int? ActivityId, IntroductionOutcome Outcome, DateOnly? OutcomeOn, int? RelationshipId)
{
    /// <summary>The pair, smaller id first.</summary>
    public (int, int) Pair => FirstId < SecondId ? (FirstId, SecondId) : (SecondId, FirstId);
}

/// <summary>The whole network at one data version, read from the database once and shared by every analysis of that version.</summary>
public sealed record NetworkSnapshot(long Version, IReadOnlyList<Actor> Actors, IReadOnlyList<Tie> Ties)
{
    /// <summary>Each area's parent (null for a top one): a scope's areas are found from it without the database.</summary>
    public IReadOnlyDictionary<int, int?> AreaParents { get; init; } = new Dictionary<int, int?>();

    /// <summary>Every activity, with its participants.</summary>
    public IReadOnlyList<ActivityRecord> Activities { get; init; } = [];

    /// <summary>Every introduction a worker recorded.</summary>
    public IReadOnlyList<IntroductionRecord> Introductions { get; init; } = [];

    /// <summary>When the data was read: a change saved later is not in it.</summary>
    public DateTimeOffset ReadAt { get; init; } = DateTimeOffset.UtcNow;

    private readonly Dictionary<int, Actor> _byId = Actors.ToDictionary(a => a.Id);

    public Actor? Find(int id) => _byId.GetValueOrDefault(id);
}

/// <summary>Ties "took part together" projected from the activities (<see cref="ActivityProjection"/>).</summary>
/// <param name="HalfLifeDays">After how many days an activity held together counts half.</param>
/// <param name="HiddenActivities">Activities left out (sensitive ones the caller may not read).</param>
public sealed record ActivityTies(int HalfLifeDays = ActivityProjection.DefaultHalfLifeDays, IReadOnlySet<int>? HiddenActivities = null)
{
    public string Key => HalfLifeDays.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" +
        (HiddenActivities is null ? "" : string.Join(",", HiddenActivities.Order()));

    /// <summary>The activities it projects.</summary>
    public IEnumerable<ActivityRecord> Of(NetworkSnapshot snapshot) =>
        HiddenActivities is null ? snapshot.Activities : snapshot.Activities.Where(a => !HiddenActivities.Contains(a.Id));
}

/// <summary>
/// Which part of the network to analyse: ties valid on a day, actors of some areas or target groups, ties of some types.
/// Ties count only when both their actors are in scope.
/// </summary>
public sealed record NetworkScope(
    DateOnly? AsOf = null,
    IReadOnlySet<int>? AreaIds = null,
    IReadOnlyList<string>? TargetGroups = null,
    IReadOnlyList<string>? TieTypes = null,
    IReadOnlySet<int>? HiddenActors = null,
    ActivityTies? ActivityTies = null)
{
    /// <summary>A text that is equal for equal scopes, for caching analyses.</summary>
    public string Key => string.Join(";",
        AsOf?.ToString("yyyy-MM-dd") ?? "",
        AreaIds is null ? "" : string.Join(",", AreaIds.Order()),
        TargetGroups is null ? "" : string.Join(",", TargetGroups.Order(StringComparer.Ordinal)),
        TieTypes is null ? "" : string.Join(",", TieTypes.Order(StringComparer.Ordinal)),
        HiddenActors is null ? "" : string.Join(",", HiddenActors.Order()),
        ActivityTies?.Key ?? "");

    public NetworkScope At(DateOnly day) => this with { AsOf = day };

    public (List<Actor> Actors, List<Tie> Ties) Apply(NetworkSnapshot snapshot)
    {
        var actors = snapshot.Actors.Where(a =>
            a.IsPresentOn(AsOf) &&
            (HiddenActors is null || !HiddenActors.Contains(a.Id)) &&
            (AreaIds is null || (a.AreaId is { } area && AreaIds.Contains(area))) &&
            (TargetGroups is null || TargetGroups.Count == 0 || a.TargetGroups.Any(g => TargetGroups.Contains(g)))).ToList();
        var kept = actors.Select(a => a.Id).ToHashSet();
        var ties = snapshot.Ties.Where(t =>
            kept.Contains(t.SourceId) && kept.Contains(t.TargetId) &&
            (AsOf is null || t.IsActiveOn(AsOf.Value)) &&
            (TieTypes is null || TieTypes.Count == 0 || TieTypes.Contains(t.Type))).ToList();
        if (ActivityTies is not null)
            ties.AddRange(ActivityProjection.Project(ActivityTies.Of(snapshot), AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow), kept, ActivityTies.HalfLifeDays));
        return (actors, ties);
    }
}
