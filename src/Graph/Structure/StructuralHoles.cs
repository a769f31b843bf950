namespace ResourceMap.Graph.Structure;

/// <summary>
/// Burt's constraint and effective size, the measures of brokerage across structural holes (R. S. Burt, Structural
/// Holes, 1992, ch. 2; S. Borgatti's simplification of effective size for undirected unweighted graphs, Connections
/// 20(1), 1997), unweighted and as networkx 2.8 computes them: NaN where networkx gives NaN (no successors).
/// O(Σ_v d(v)² log d) time.
/// </summary>
public static class StructuralHoles
{
    public static (double[] Constraint, double[] EffectiveSize) Compute(CompactGraph graph)
    {
        var n = graph.VertexCount;
        var incoming = graph.Reverse;
        var neighbours = new int[n][];
        for (var v = 0; v < n; v++)
            neighbours[v] = graph.Directed ? Union(graph.Neighbours(v), incoming.Neighbours(v)) : graph.Neighbours(v).ToArray();

        // Σ_w mutual_weight(v, w) over v's neighbours: each edge counts once per direction it runs in.
        double TotalMutual(int v) => graph.Directed ? graph.OutDegree(v) + incoming.OutDegree(v) : 2.0 * graph.OutDegree(v);
        bool Has(int from, int to) => graph.Neighbours(from).BinarySearch(to) >= 0;
        double Mutual(int a, int b) => graph.Directed ? (Has(a, b) ? 1 : 0) + (Has(b, a) ? 1 : 0) : Has(a, b) ? 2 : 0;
        double MaxMutual(int v) => neighbours[v].Length == 0 ? 0 : neighbours[v].Max(w => Mutual(v, w));

        var constraint = new double[n];
        var effectiveSize = new double[n];
        Parallel.For(0, n, v =>
        {
            if (graph.OutDegree(v) == 0)
            {
                constraint[v] = effectiveSize[v] = double.NaN;
                return;
            }
            var ego = neighbours[v];
            var totalV = TotalMutual(v);
            double c = 0;
            foreach (var j in ego)
            {
                var indirect = 0.0;
                foreach (var q in ego)
                {
                    var mqj = Mutual(q, j);
                    if (mqj != 0) indirect += Mutual(v, q) / totalV * (mqj / TotalMutual(q));
                }
                var local = Mutual(v, j) / totalV + indirect;
                c += local * local;
            }
            constraint[v] = c;

            if (!graph.Directed)
            {
                // Borgatti: n − 2t/n, t = ties among the n neighbours.
                long ties = 0;
                foreach (var j in ego) ties += ClusteringCoefficient.CountCommon(ego, graph.Neighbours(j));
                ties /= 2;
                effectiveSize[v] = ego.Length - 2.0 * ties / ego.Length;
            }
            else
            {
                var size = 0.0;
                foreach (var u in ego)
                {
                    var maxU = MaxMutual(u);
                    var redundancy = 0.0;
                    foreach (var w in ego)
                        if (maxU > 0) redundancy += Mutual(v, w) / totalV * (Mutual(u, w) / maxU);
                    size += 1 - redundancy;
                }
                effectiveSize[v] = size;
            }
        });
        return (constraint, effectiveSize);
    }

    private static int[] Union(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var result = new List<int>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j == b.Length || (i < a.Length && a[i] < b[j])) result.Add(a[i++]);
            else if (i == a.Length || b[j] < a[i]) result.Add(b[j++]);
            else { result.Add(a[i++]); j++; }
        }
        return result.ToArray();
    }
}
