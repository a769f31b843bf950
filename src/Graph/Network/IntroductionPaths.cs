using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;

namespace ResourceMap.Graph.Network;

/// <summary>A chain of existing ties from one actor to another.</summary>
public sealed record IntroductionPath(IReadOnlyList<int> ActorIds, IReadOnlyList<int> TieIds, double Length, int WeakestStrength);

/// <summary>
/// The shortest chains of existing ties between two actors, stronger ties counting as shorter (distance 1/strength), with
/// alternatives by Yen's k shortest loopless paths (J. Y. Yen, Management Science 17(11), 1971) as QuikGraph implements
/// it. O(k n (m + n log n)).
/// </summary>
public static class IntroductionPaths
{
    public static IReadOnlyList<IntroductionPath> Find(ScopedNetwork network, int fromId, int toId, int count)
    {
        if (network.Index(fromId) is not { } from || network.Index(toId) is not { } to || from == to) return [];
        if (network.Analysis.ComponentOf[from] != network.Analysis.ComponentOf[to]) return [];

        var g = network.DistanceGraph;
        var adjacency = new AdjacencyGraph<int, EquatableTaggedEdge<int, double>>();
        adjacency.AddVertexRange(Enumerable.Range(0, g.VertexCount));
        for (var e = 0; e < g.EdgeCount; e++)
        {
            adjacency.AddEdge(new EquatableTaggedEdge<int, double>(g.EdgeSource[e], g.EdgeTarget[e], g.EdgeWeight[e]));
            adjacency.AddEdge(new EquatableTaggedEdge<int, double>(g.EdgeTarget[e], g.EdgeSource[e], g.EdgeWeight[e]));
        }
        var yen = new YenShortestPathsAlgorithm<int>(adjacency, from, to, count, e => e.Tag);
        return yen.Execute().Select(path =>
        {
            var edges = path.ToList();
            var vertices = new List<int> { from };
            vertices.AddRange(edges.Select(e => e.Target));
            var actorIds = vertices.Select(v => network.Actors[v].Id).ToList();
            var ties = actorIds.Zip(actorIds.Skip(1)).Select(p => network.Ties
                .Where(t => (t.SourceId == p.First && t.TargetId == p.Second) || (t.SourceId == p.Second && t.TargetId == p.First))
                .OrderByDescending(t => t.Strength).ThenBy(t => t.Id).First()).ToList();
            return new IntroductionPath(actorIds, ties.Select(t => t.Id).ToList(), Math.Round(edges.Sum(e => e.Tag) / ScopedNetwork.LengthOfWeakestTie, 9), ties.Min(t => t.Strength));
        }).ToList();
    }
}
