using QuikGraph;
using QuikGraph.Algorithms.MaximumFlow;

namespace ResourceMap.Graph.Network;

/// <summary>
/// How many independent ties join two groups of actors: the most tie-disjoint paths between them, which by Menger's
/// theorem equals the fewest ties whose loss would separate them. Edmonds–Karp maximum flow (J. Edmonds &amp; R. Karp,
/// JACM 19(2), 1972) from QuikGraph, with unit capacity each way on every tie and unlimited capacity from a super source
/// into the first group and from the second group into a super sink. O(n m²).
/// </summary>
public static class EdgeConnectivity
{
    public static int Between(ScopedNetwork network, IReadOnlyCollection<int> groupA, IReadOnlyCollection<int> groupB)
    {
        var a = groupA.Select(network.Index).OfType<int>().ToHashSet();
        var b = groupB.Select(network.Index).OfType<int>().ToHashSet();
        if (a.Count == 0 || b.Count == 0) return 0;
        if (a.Overlaps(b)) throw new ArgumentException("The two groups share actors.");

        var g = network.Graph;
        var n = g.VertexCount;
        int source = n, sink = n + 1;
        var flowGraph = new AdjacencyGraph<int, TaggedEdge<int, double>>();
        flowGraph.AddVertexRange(Enumerable.Range(0, n + 2));
        for (var e = 0; e < g.EdgeCount; e++)
        {
            flowGraph.AddEdge(new TaggedEdge<int, double>(g.EdgeSource[e], g.EdgeTarget[e], 1));
            flowGraph.AddEdge(new TaggedEdge<int, double>(g.EdgeTarget[e], g.EdgeSource[e], 1));
        }
        foreach (var v in a) flowGraph.AddEdge(new TaggedEdge<int, double>(source, v, g.EdgeCount + 1));
        foreach (var v in b) flowGraph.AddEdge(new TaggedEdge<int, double>(v, sink, g.EdgeCount + 1));

        EdgeFactory<int, TaggedEdge<int, double>> factory = (s, t) => new TaggedEdge<int, double>(s, t, 0);
        var augmentor = new ReversedEdgeAugmentorAlgorithm<int, TaggedEdge<int, double>>(flowGraph, factory);
        augmentor.AddReversedEdges();
        var flow = new EdmondsKarpMaximumFlowAlgorithm<int, TaggedEdge<int, double>>(flowGraph, e => e.Tag, factory, augmentor)
        {
            Source = source,
            Sink = sink,
        };
        flow.Compute();
        augmentor.RemoveReversedEdges();
        return (int)Math.Round(flow.MaxFlow);
    }
}
