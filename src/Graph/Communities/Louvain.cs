namespace ResourceMap.Graph.Communities;

/// <summary>
/// Community detection by the Louvain method (V. Blondel, J.-L. Guillaume, R. Lambiotte &amp; E. Lefebvre, "Fast unfolding
/// of communities in large networks", J. Stat. Mech. P10008, 2008) on the undirected view of a graph: local moves that
/// raise modularity, then aggregation of communities into vertices, repeated while anything moves. The best of
/// <see cref="Attempts"/> visiting orders (index order, then seeded shuffles) is kept (on small graphs), so the result is deterministic. Near O(m) per level in practice, O(n + m) memory.
/// Isolated vertices stay communities of their own.
/// </summary>
public static class Louvain
{
    /// <summary>Vertex orders tried on graphs of up to <see cref="SmallGraphEdges"/> edges; the partition of highest modularity wins.</summary>
    public const int Attempts = 5;

    /// <summary>Above this many edges one pass in index order is made: on large graphs the orders differ little in modularity.</summary>
    public const int SmallGraphEdges = 20_000;

    /// <returns>The community of every vertex, numbered by decreasing size (ties: smallest member first).</returns>
    public static int[] Compute(CompactGraph graph, bool weighted, double resolution = 1)
    {
        int[]? best = null;
        var bestModularity = double.NegativeInfinity;
        var attempts = graph.EdgeCount <= SmallGraphEdges ? Attempts : 1;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var partition = Run(graph, weighted, resolution, attempt);
            var q = Modularity.Compute(graph, partition, weighted, resolution);
            if (q > bestModularity + 1e-12) (best, bestModularity) = (partition, q);
        }
        return best!;
    }

    private static int[] Run(CompactGraph graph, bool weighted, double resolution, int attempt)
    {
        var g = graph.ToUndirected();
        var n = g.VertexCount;
        // The working graph: adjacency lists with summed weights, plus the weight of each vertex's self-loop after aggregation.
        var adjacency = new List<(int To, double Weight)>[n];
        for (var v = 0; v < n; v++) adjacency[v] = [];
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var w = weighted ? g.EdgeWeight[e] : 1;
            adjacency[g.EdgeSource[e]].Add((g.EdgeTarget[e], w));
            adjacency[g.EdgeTarget[e]].Add((g.EdgeSource[e], w));
        }
        var selfLoop = new double[n];
        var membership = Enumerable.Range(0, n).ToArray(); // original vertex → current super-vertex

        while (true)
        {
            var order = Enumerable.Range(0, adjacency.Length).ToArray();
            if (attempt > 0) new Random(attempt).Shuffle(order);
            var community = MoveVertices(adjacency, selfLoop, resolution, order, out var moved);
            if (!moved) break;
            var (renumbered, count) = Renumber(community);
            for (var v = 0; v < n; v++) membership[v] = renumbered[membership[v]];
            (adjacency, selfLoop) = Aggregate(adjacency, selfLoop, renumbered, count);
        }
        return OrderBySize(membership);
    }

    private static int[] MoveVertices(List<(int To, double Weight)>[] adjacency, double[] selfLoop, double resolution, int[] order, out bool movedAny)
    {
        var n = adjacency.Length;
        var degree = new double[n];
        double twiceM = 0;
        for (var v = 0; v < n; v++)
        {
            degree[v] = 2 * selfLoop[v];
            foreach (var (_, w) in adjacency[v]) degree[v] += w;
            twiceM += degree[v];
        }
        var community = Enumerable.Range(0, n).ToArray();
        var total = (double[])degree.Clone();
        movedAny = false;
        if (twiceM == 0) return community;
        var m = twiceM / 2;
        var weightTo = new double[n];
        var touched = new List<int>();
        // Only a vertex whose neighbourhood changed since its last visit is considered again (V. A. Traag, "Faster
        // unfolding of communities: speeding up the Louvain algorithm", Phys. Rev. E 92, 032801, 2015): later passes
        // then cost next to nothing, where revisiting every vertex took ~90 passes of the whole graph on G(10,000, 50,000).
        var unsettled = new bool[n];
        Array.Fill(unsettled, true);
        var improved = true;
        while (improved)
        {
            improved = false;
            foreach (var v in order)
            {
                if (!unsettled[v]) continue;
                unsettled[v] = false;
                var own = community[v];
                foreach (var (u, w) in adjacency[v])
                {
                    var c = community[u];
                    if (weightTo[c] == 0) touched.Add(c);
                    weightTo[c] += w;
                }
                total[own] -= degree[v];
                // Gain of joining c, relative to staying alone: k_v,c / m − γ Σ_tot(c) k_v / (2m²).
                var best = own;
                var bestGain = weightTo[own] / m - resolution * total[own] * degree[v] / (2 * m * m);
                foreach (var c in touched)
                {
                    var gain = weightTo[c] / m - resolution * total[c] * degree[v] / (2 * m * m);
                    // Only a clear gain moves a vertex, so modularity rises with every move and the loop ends.
                    if (gain > bestGain + 1e-12)
                    {
                        best = c;
                        bestGain = gain;
                    }
                }
                total[best] += degree[v];
                if (best != own)
                {
                    community[v] = best;
                    improved = movedAny = true;
                    foreach (var (u, _) in adjacency[v])
                        if (community[u] != best) unsettled[u] = true;
                }
                foreach (var c in touched) weightTo[c] = 0;
                touched.Clear();
            }
        }
        return community;
    }

    private static (int[] Renumbered, int Count) Renumber(int[] community)
    {
        var map = new Dictionary<int, int>();
        var renumbered = new int[community.Length];
        for (var v = 0; v < community.Length; v++)
        {
            if (!map.TryGetValue(community[v], out var c)) map[community[v]] = c = map.Count;
            renumbered[v] = c;
        }
        return (renumbered, map.Count);
    }

    private static (List<(int, double)>[] Adjacency, double[] SelfLoop) Aggregate(List<(int To, double Weight)>[] adjacency, double[] selfLoop, int[] community, int count)
    {
        var weights = new Dictionary<(int, int), double>();
        var newSelf = new double[count];
        for (var v = 0; v < adjacency.Length; v++)
        {
            newSelf[community[v]] += selfLoop[v];
            foreach (var (u, w) in adjacency[v])
            {
                if (u < v) continue; // each undirected edge once
                int a = community[v], b = community[u];
                if (a == b) newSelf[a] += w;
                else
                {
                    var key = a < b ? (a, b) : (b, a);
                    weights[key] = weights.GetValueOrDefault(key) + w;
                }
            }
        }
        var result = new List<(int, double)>[count];
        for (var c = 0; c < count; c++) result[c] = [];
        foreach (var ((a, b), w) in weights.OrderBy(kv => kv.Key))
        {
            result[a].Add((b, w));
            result[b].Add((a, w));
        }
        return (result, newSelf);
    }

    private static int[] OrderBySize(int[] membership)
    {
        var groups = membership.Select((c, v) => (c, v)).GroupBy(x => x.c)
            .OrderByDescending(grp => grp.Count()).ThenBy(grp => grp.Min(x => x.v)).ToList();
        var result = new int[membership.Length];
        for (var i = 0; i < groups.Count; i++) foreach (var (_, v) in groups[i]) result[v] = i;
        return result;
    }
}
