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

/// <summary>The whole network at one data version, read from the database once and shared by every analysis of that version.</summary>
public sealed record NetworkSnapshot(long Version, IReadOnlyList<Actor> Actors, IReadOnlyList<Tie> Ties)
{
    /// <summary>Each area's parent (null for a top one): a scope's areas are found from it without the database.</summary>
    public IReadOnlyDictionary<int, int?> AreaParents { get; init; } = new Dictionary<int, int?>();

    /// <summary>When the data was read: a change saved later is not in it.</summary>
    public DateTimeOffset ReadAt { get; init; } = DateTimeOffset.UtcNow;

    private readonly Dictionary<int, Actor> _byId = Actors.ToDictionary(a => a.Id);

    public Actor? Find(int id) => _byId.GetValueOrDefault(id);
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
    IReadOnlySet<int>? HiddenActors = null)
{
    /// <summary>A text that is equal for equal scopes, for caching analyses.</summary>
    public string Key => string.Join(";",
        AsOf?.ToString("yyyy-MM-dd") ?? "",
        AreaIds is null ? "" : string.Join(",", AreaIds.Order()),
        TargetGroups is null ? "" : string.Join(",", TargetGroups.Order(StringComparer.Ordinal)),
        TieTypes is null ? "" : string.Join(",", TieTypes.Order(StringComparer.Ordinal)),
        HiddenActors is null ? "" : string.Join(",", HiddenActors.Order()));

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
        return (actors, ties);
    }
}
