namespace ResourceMap.Graph.Components;

/// <summary>
/// Connected components (weakly connected for directed graphs) by union-find with path halving and union by size
/// (Tarjan 1975, "Efficiency of a good but not linear set union algorithm"). O(m α(n)) time, O(n) memory: unlike
/// QuikGraph's ConnectedComponentsAlgorithm it allocates nothing per component, which matters on maps full of isolated actors.
/// </summary>
public static class ConnectedComponents
{
    /// <summary>
    /// The component of every vertex, numbered by decreasing size (0 = the largest; ties broken by smallest vertex), and
    /// the members of each component in ascending order.
    /// </summary>
    public static (int[] ComponentOf, int[][] Members) Compute(CompactGraph graph)
    {
        var n = graph.VertexCount;
        var parent = new int[n];
        var size = new int[n];
        for (var v = 0; v < n; v++) (parent[v], size[v]) = (v, 1);

        int Find(int v)
        {
            while (parent[v] != v) v = parent[v] = parent[parent[v]];
            return v;
        }

        for (var e = 0; e < graph.EdgeCount; e++)
        {
            int a = Find(graph.EdgeSource[e]), b = Find(graph.EdgeTarget[e]);
            if (a == b) continue;
            if (size[a] < size[b]) (a, b) = (b, a);
            parent[b] = a;
            size[a] += size[b];
        }

        var roots = new List<int>();
        for (var v = 0; v < n; v++) if (Find(v) == v) roots.Add(v);
        // Roots are visited in ascending order, but a root is not always its component's smallest vertex: find that.
        var smallest = new int[n];
        Array.Fill(smallest, int.MaxValue);
        for (var v = n - 1; v >= 0; v--) smallest[Find(v)] = v;
        roots.Sort((a, b) => size[a] != size[b] ? size[b].CompareTo(size[a]) : smallest[a].CompareTo(smallest[b]));

        var numberOfRoot = new int[n];
        for (var i = 0; i < roots.Count; i++) numberOfRoot[roots[i]] = i;
        var componentOf = new int[n];
        var members = roots.Select(r => new int[size[r]]).ToArray();
        var filled = new int[roots.Count];
        for (var v = 0; v < n; v++)
        {
            var c = componentOf[v] = numberOfRoot[Find(v)];
            members[c][filled[c]++] = v;
        }
        return (componentOf, members);
    }
}
