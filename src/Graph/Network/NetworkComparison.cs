using System.Text;

namespace ResourceMap.Graph.Network;

/// <summary>Figures of the network on one day.</summary>
public sealed record NetworkFigures(DateOnly Day, int Actors, int Ties, int MainNetworkSize, int IsolatedGroups, int IsolatedActors, double Density, double AveragePathLength, int BridgingActors);

/// <summary>What became of an isolated group of the first day by the second.</summary>
public sealed record GroupChange(IReadOnlyList<int> ActorIdsBefore, int StillIsolated, int JoinedMainNetwork);

/// <summary>The evidence of change between two days, for a report a worker can hand to the municipality.</summary>
public sealed record NetworkChange(
    NetworkFigures From,
    NetworkFigures To,
    IReadOnlyList<int> TiesBuilt,
    IReadOnlyList<int> TiesEnded,
    IReadOnlyList<int> ActorsBroughtIn,
    IReadOnlyList<int> ActorsLeftOut,
    IReadOnlyList<GroupChange> IsolatedGroups,
    string Report);

/// <summary>Compares the network of one scope as it was on two days (ties valid on each day). O(analysis of both days).</summary>
public static class NetworkComparison
{
    public static NetworkChange Compare(ScopedNetwork from, ScopedNetwork to)
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
        var change = new NetworkChange(
            Figures(from, fromDay), Figures(to, toDay),
            tiesAfter.Except(tiesBefore).Order().ToList(),
            tiesBefore.Except(tiesAfter).Order().ToList(),
            mainAfter.Except(mainBefore).Order().ToList(),
            mainBefore.Except(mainAfter).Where(a => to.Index(a) is not null).Order().ToList(),
            groups, "");
        return change with { Report = Report(change, to) };
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
        if (c.ActorsBroughtIn.Count > 0) r.AppendLine($"Brought into the main network: {string.Join(", ", c.ActorsBroughtIn.Select(Name))}.");
        foreach (var g in c.IsolatedGroups.Where(g => g.JoinedMainNetwork > 0))
            r.AppendLine($"Of the isolated {(g.ActorIdsBefore.Count == 1 ? "actor" : $"group of {g.ActorIdsBefore.Count}")} {string.Join(", ", g.ActorIdsBefore.Select(Name))}, {g.JoinedMainNetwork} joined the main network.");
        return r.ToString();
    }
}
