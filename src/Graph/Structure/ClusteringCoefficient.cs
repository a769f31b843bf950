namespace ResourceMap.Graph.Structure;

/// <summary>
/// Local clustering coefficient as networkx 2.8's <c>clustering</c> computes it, unweighted. Undirected:
/// c(v) = 2T(v) / (deg(v)(deg(v)−1)) (Watts &amp; Strogatz, Nature 393, 1998). Directed: Fagiolo's
/// c(v) = T(v) / (2(d_tot(v)(d_tot(v)−1) − 2 d_↔(v))) (G. Fagiolo, Phys. Rev. E 76, 2007). Sorted neighbour rows make
/// each intersection a merge: O(Σ_v Σ_{u∈N(v)} (d(v) + d(u))) time, O(1) extra memory.
/// </summary>
public static class ClusteringCoefficient
{
    public static double[] Compute(CompactGraph graph) => graph.Directed ? Directed(graph) : Undirected(graph);

    private static double[] Undirected(CompactGraph graph)
    {
        var n = graph.VertexCount;
        var result = new double[n];
        Parallel.For(0, n, v =>
        {
            var neighbours = graph.Neighbours(v);
            long twiceTriangles = 0;
            foreach (var u in neighbours) twiceTriangles += CountCommon(neighbours, graph.Neighbours(u));
            var d = neighbours.Length;
            result[v] = twiceTriangles == 0 ? 0 : twiceTriangles / ((double)d * (d - 1));
        });
        return result;
    }

    private static double[] Directed(CompactGraph graph)
    {
        var n = graph.VertexCount;
        var incoming = graph.Reverse;
        var result = new double[n];
        Parallel.For(0, n, i =>
        {
            var predecessors = incoming.Neighbours(i);
            var successors = graph.Neighbours(i);
            long triangles = 0;
            // networkx walks predecessors then successors, so a mutual neighbour counts twice: as here.
            foreach (var j in predecessors) triangles += Count(predecessors, successors, j);
            foreach (var j in successors) triangles += Count(predecessors, successors, j);
            var total = predecessors.Length + successors.Length;
            var mutual = CountCommon(predecessors, successors);
            result[i] = triangles == 0 ? 0 : triangles / ((total * (total - 1.0) - 2.0 * mutual) * 2);

            long Count(ReadOnlySpan<int> predecessors, ReadOnlySpan<int> successors, int j)
            {
                var jPred = incoming.Neighbours(j);
                var jSucc = graph.Neighbours(j);
                return CountCommon(predecessors, jPred) + CountCommon(predecessors, jSucc) + CountCommon(successors, jPred) + CountCommon(successors, jSucc);
            }
        });
        return result;
    }

    /// <summary>Size of the intersection of two ascending vertex lists.</summary>
    internal static int CountCommon(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else { common++; i++; j++; }
        }
        return common;
    }
}
