using System.Text;

namespace ResourceMap.Graph.Network;

/// <summary>The network's size and shape on one day: its structure alone (linear time), for charts over a period.</summary>
public record NetworkPoint(DateOnly Day, int Actors, int Ties, int MainNetworkSize, int IsolatedGroups, int IsolatedActors, double Density)
{
    /// <summary>Actors outside the main network, as a share of all.</summary>
    public double IsolatedShare => Actors == 0 ? 0 : (double)(Actors - MainNetworkSize) / Actors;

    /// <summary>The point of a network analysed on a day.</summary>
    public static NetworkPoint Of(ScopedNetwork n) => new(n.Scope.AsOf ?? throw new ArgumentException("The network needs a day."), n.Actors.Count, n.Ties.Count,
        n.MainNetwork.ActorIds.Count, n.IsolatedGroups.Count, n.IsolatedActors.Count, n.Analysis.Density);
}

/// <summary>Figures of the network on one day: its shape, and what its distances and cut vertices say.</summary>
public sealed record NetworkFigures(DateOnly Day, int Actors, int Ties, int MainNetworkSize, int IsolatedGroups, int IsolatedActors, double Density, double AveragePathLength, int BridgingActors)
    : NetworkPoint(Day, Actors, Ties, MainNetworkSize, IsolatedGroups, IsolatedActors, Density);

/// <summary>What became of an isolated group of the first day by the second.</summary>
public sealed record GroupChange(IReadOnlyList<int> ActorIdsBefore, int StillIsolated, int JoinedMainNetwork);

/// <summary>
/// The worker's introductions of the period (both actors in scope on one of the days): how many were made, what came of
/// them, and the ties built in the period that followed an introduction of their pair within
/// <see cref="NetworkComparison.FollowingDays"/> days (or that an introduction names as its outcome).
/// </summary>
public sealed record IntroductionCounts(IReadOnlyList<int> Made, int TieFormed, int Declined, int Pending, IReadOnlyList<int> TiesFollowingIntroduction);

/// <summary>The evidence of change between two days, for a report a worker can hand to the municipality.</summary>
public sealed record NetworkChange(
    NetworkFigures From,
    NetworkFigures To,
    IReadOnlyList<int> TiesBuilt,
    IReadOnlyList<int> TiesEnded,
    IReadOnlyList<int> ActorsBroughtIn,
    IReadOnlyList<int> ActorsLeftOut,
    IReadOnlyList<GroupChange> IsolatedGroups,
    IntroductionCounts Introductions,
    IReadOnlyList<int> ActivitiesHeld,
    string Report);

/// <summary>Compares the network of one scope as it was on two days (ties valid on each day). O(analysis of both days).</summary>
public static class NetworkComparison
{
    /// <summary>A tie built this many days after an introduction of its pair or fewer followed it.</summary>
    public const int FollowingDays = 90;

    /// <param name="from">The network of the first day.</param>
    /// <param name="to">The network of the second day.</param>
    /// <param name="hiddenActivities">Activities the reader may not know of (sensitive ones elsewhere): neither listed nor counted.</param>
    public static NetworkChange Compare(ScopedNetwork from, ScopedNetwork to, IReadOnlySet<int>? hiddenActivities = null)
    {
        var fromDay = from.Scope.AsOf ?? throw new ArgumentException("The first network needs a day.");
        var toDay = to.Scope.AsOf ?? throw new ArgumentException("The second network needs a day.");
        var tiesBefore = from.Ties.Select(t => t.Id).ToHashSet();
        var tiesAfter = to.Ties.Select(t => t.Id).ToHashSet();
        var mainBefore = from.MainNetwork.ActorIds.ToHashSet();
        var mainAfter = to.MainNetwork.ActorIds.ToHashSet();
        var groups = from.IsolatedGroups.Concat(from.IsolatedActors.Select(a => new ActorGroup([a])))
            .Select(g => new GroupChange(g.ActorIds,
                g.ActorIds.Count(a => !mainAfter.Contains(a)),
                g.ActorIds.Count(mainAfter.Contains)))
            .ToList();
        // Ties projected from activities are no recorded ties: the counts of ties built and ended are of recorded ones.
        var built = tiesAfter.Except(tiesBefore).Where(id => id > 0).Order().ToList();
        var inScope = from.Actors.Select(a => a.Id).Concat(to.Actors.Select(a => a.Id)).ToHashSet();
        var activities = to.Snapshot.Activities.Where(a => a.HeldBetween(fromDay, toDay) && a.ParticipantIds.Any(inScope.Contains) && hiddenActivities?.Contains(a.Id) != true)
            .OrderBy(a => a.StartsOn).ThenBy(a => a.Id).Select(a => a.Id).ToList();
        var change = new NetworkChange(
            Figures(from, fromDay), Figures(to, toDay),
            built,
            tiesBefore.Except(tiesAfter).Where(id => id > 0).Order().ToList(),
            mainAfter.Except(mainBefore).Order().ToList(),
            mainBefore.Except(mainAfter).Where(a => to.Index(a) is not null).Order().ToList(),
            groups, Introductions(to, inScope, built, fromDay, toDay), activities, "");
        return change with { Report = Report(change, to) };
    }

    private static IntroductionCounts Introductions(ScopedNetwork to, IReadOnlySet<int> inScope, IReadOnlyList<int> built, DateOnly fromDay, DateOnly toDay)
    {
        var all = to.Snapshot.Introductions.Where(i => inScope.Contains(i.FirstId) && inScope.Contains(i.SecondId)).ToList();
        var made = all.Where(i => fromDay <= i.On && i.On <= toDay).OrderBy(i => i.On).ThenBy(i => i.Id).ToList();
        // The outcome as known on the second day: one recorded later is still pending then.
        IntroductionOutcome OutcomeBy(IntroductionRecord i) => i.OutcomeOn is { } known && known > toDay ? IntroductionOutcome.Pending : i.Outcome;
        var introducedOn = all.ToLookup(i => i.Pair, i => i.On);
        var named = all.Where(i => i.RelationshipId is not null).Select(i => i.RelationshipId!.Value).ToHashSet();
        var ties = to.Ties.ToDictionary(t => t.Id);
        var following = built.Where(id => named.Contains(id) || (ties.TryGetValue(id, out var t) && t.Since is { } since &&
                introducedOn[t.SourceId < t.TargetId ? (t.SourceId, t.TargetId) : (t.TargetId, t.SourceId)]
                    .Any(on => on <= since && since.DayNumber - on.DayNumber <= FollowingDays)))
            .ToList();
        return new IntroductionCounts(made.Select(i => i.Id).ToList(),
            made.Count(i => OutcomeBy(i) == IntroductionOutcome.TieFormed),
            made.Count(i => OutcomeBy(i) == IntroductionOutcome.Declined),
            made.Count(i => OutcomeBy(i) == IntroductionOutcome.Pending),
            following);
    }

    private static NetworkFigures Figures(ScopedNetwork n, DateOnly day) => new(day, n.Actors.Count, n.Ties.Count, n.MainNetwork.ActorIds.Count,
        n.IsolatedGroups.Count, n.IsolatedActors.Count, n.Analysis.Density, n.Analysis.AveragePathLength, n.BridgingActors.Count);

    private static string Report(NetworkChange c, ScopedNetwork to)
    {
        string Name(int id) => to.Snapshot.Find(id)?.Name ?? $"#{id}";
        var r = new StringBuilder();
        r.AppendLine($"# Changes in the network from {c.From.Day:yyyy-MM-dd} to {c.To.Day:yyyy-MM-dd}");
        r.AppendLine();
        r.AppendLine("| | " + c.From.Day.ToString("yyyy-MM-dd") + " | " + c.To.Day.ToString("yyyy-MM-dd") + " |");
        r.AppendLine("| --- | --- | --- |");
        r.AppendLine($"| ties | {c.From.Ties} | {c.To.Ties} |");
        r.AppendLine($"| actors in the main network | {c.From.MainNetworkSize} | {c.To.MainNetworkSize} |");
        r.AppendLine($"| isolated groups | {c.From.IsolatedGroups} | {c.To.IsolatedGroups} |");
        r.AppendLine($"| isolated actors | {c.From.IsolatedActors} | {c.To.IsolatedActors} |");
        r.AppendLine($"| bridging actors | {c.From.BridgingActors} | {c.To.BridgingActors} |");
        r.AppendLine($"| density | {c.From.Density:0.000} | {c.To.Density:0.000} |");
        r.AppendLine();
        r.AppendLine($"Ties built: {c.TiesBuilt.Count}. Ties ended: {c.TiesEnded.Count}.");
        r.AppendLine($"Activities held: {c.ActivitiesHeld.Count}. Introductions made: {c.Introductions.Made.Count} ({c.Introductions.TieFormed} became ties, {c.Introductions.Declined} declined, {c.Introductions.Pending} without an answer yet); ties that followed an introduction within {FollowingDays} days: {c.Introductions.TiesFollowingIntroduction.Count}.");
        if (c.ActorsBroughtIn.Count > 0) r.AppendLine($"Brought into the main network: {string.Join(", ", c.ActorsBroughtIn.Select(Name))}.");
        foreach (var g in c.IsolatedGroups.Where(g => g.JoinedMainNetwork > 0))
            r.AppendLine($"Of the isolated {(g.ActorIdsBefore.Count == 1 ? "actor" : $"group of {g.ActorIdsBefore.Count}")} {string.Join(", ", g.ActorIdsBefore.Select(Name))}, {g.JoinedMainNetwork} joined the main network.");
        return r.ToString();
    }
}
