namespace ResourceMap.Graph.Communities;

/// <summary>
/// Newman–Girvan modularity of a partition of the undirected view of a graph (M. Newman &amp; M. Girvan, Phys. Rev. E 69,
/// 2004): Q = Σ_c [ L_c/m − γ (d_c / 2m)² ], with L_c the weight inside community c, d_c its total weighted degree and m
/// the total weight — networkx 2.8's <c>modularity</c>. O(n + m).
/// </summary>
public static class Modularity
{
    public static double Compute(CompactGraph graph, int[] communityOf, bool weighted, double resolution = 1)
    {
        var g = graph.ToUndirected();
        var communities = communityOf.Length == 0 ? 0 : communityOf.Max() + 1;
        var inside = new double[communities];
        var degree = new double[communities];
        double m = 0;
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var w = weighted ? g.EdgeWeight[e] : 1;
            m += w;
            int a = communityOf[g.EdgeSource[e]], b = communityOf[g.EdgeTarget[e]];
            degree[a] += w;
            degree[b] += w;
            if (a == b) inside[a] += w;
        }
        if (m == 0) return 0;
        double q = 0;
        for (var c = 0; c < communities; c++) q += inside[c] / m - resolution * (degree[c] / (2 * m)) * (degree[c] / (2 * m));
        return q;
    }
}
