using ResourceMap.Graph.Components;
using ResourceMap.Graph.Structure;

namespace ResourceMap.Graph.Network;

/// <summary>A tie someone proposes to build.</summary>
public sealed record ProposedTie(int FromId, int ToId, int Strength = 3);

/// <summary>The shape of a network: enough to tell what a change did to it.</summary>
public sealed record NetworkShape(int Components, int MainNetworkSize, int IsolatedGroups, int IsolatedActors, IReadOnlyList<int> BridgingActorIds);

/// <summary>What proposed ties or lost actors would change.</summary>
public sealed record WhatIfResult(
    NetworkShape Before,
    NetworkShape After,
    IReadOnlyList<int> ActorsJoiningMainNetwork,
    IReadOnlyList<int> ActorsLeavingMainNetwork,
    IReadOnlyList<int> NewBridgingActors,
    IReadOnlyList<int> NoLongerBridgingActors);

/// <summary>
/// Re-runs the structural analysis (components by union-find, cut vertices by Hopcroft–Tarjan) with ties added or
/// actors removed, and reports the difference. O(n + m).
/// </summary>
public static class WhatIf
{
    public static WhatIfResult Evaluate(ScopedNetwork network, IReadOnlyList<ProposedTie> addTies, IReadOnlyCollection<int> removeActors)
    {
        var removed = removeActors.ToHashSet();
        var unknown = addTies.SelectMany(t => new[] { t.FromId, t.ToId }).Concat(removed).FirstOrDefault(id => network.Index(id) is null, -1);
        if (unknown >= 0) throw new ArgumentException($"Actor {unknown} is not in this network's scope.");
        if (addTies.Any(t => t.FromId == t.ToId)) throw new ArgumentException("A proposed tie joins an actor to itself.");

        var before = Shape(network.Graph, network, out var mainBefore);
        var g = network.Graph;
        var builder = new GraphBuilder(g.VertexCount, directed: false, DuplicateEdges.KeepLarger);
        for (var e = 0; e < g.EdgeCount; e++)
            if (!removed.Contains(network.Actors[g.EdgeSource[e]].Id) && !removed.Contains(network.Actors[g.EdgeTarget[e]].Id))
                builder.AddEdge(g.EdgeSource[e], g.EdgeTarget[e], g.EdgeWeight[e]);
        foreach (var tie in addTies.Where(t => !removed.Contains(t.FromId) && !removed.Contains(t.ToId)))
            builder.AddEdge(network.IndexOf[tie.FromId], network.IndexOf[tie.ToId], tie.Strength);
        // Removed actors stay as vertices without ties, and are left out of every count below.
        var changed = builder.Build();
        var after = Shape(changed, network, out var mainAfter, removed);

        return new WhatIfResult(before, after,
            mainAfter.Except(mainBefore).Order().ToList(),
            mainBefore.Except(mainAfter).Where(id => !removed.Contains(id)).Order().ToList(),
            after.BridgingActorIds.Except(before.BridgingActorIds).Order().ToList(),
            before.BridgingActorIds.Except(after.BridgingActorIds).Order().ToList());
    }

    private static NetworkShape Shape(CompactGraph graph, ScopedNetwork network, out HashSet<int> main, IReadOnlySet<int>? removed = null)
    {
        var (_, components) = ConnectedComponents.Compute(graph);
        var parts = components.Select(c => c.Select(v => network.Actors[v].Id).Where(id => removed is null || !removed.Contains(id)).ToList())
            .Where(c => c.Count > 0).OrderByDescending(c => c.Count).ToList();
        main = parts.Count > 0 ? parts[0].ToHashSet() : [];
        var cuts = ArticulationPoints.Compute(graph, withGroups: false);
        return new NetworkShape(parts.Count, main.Count, parts.Skip(1).Count(c => c.Count > 1), parts.Count(c => c.Count == 1),
            cuts.CutVertices.Select(c => network.Actors[c.Vertex].Id).Order().ToList());
    }
}
