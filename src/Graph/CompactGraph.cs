namespace ResourceMap.Graph;

/// <summary>
/// A graph on vertices 0..n-1 in compressed sparse row form: the neighbours of v are
/// <c>Targets[Offsets[v]..Offsets[v+1]]</c>, sorted ascending, with the weight and edge index of each entry beside it.
/// An undirected edge appears in both endpoints' rows; a directed one only in its source's row, and in
/// <see cref="Reverse"/>'s row of its target. Immutable once built: safe to share between threads.
/// </summary>
public sealed class CompactGraph
{
    internal CompactGraph(bool directed, int[] offsets, int[] targets, double[] weights, int[] edgeIds,
        int[] edgeSource, int[] edgeTarget, double[] edgeWeight, CompactGraph? reverse)
    {
        Directed = directed;
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        EdgeIds = edgeIds;
        EdgeSource = edgeSource;
        EdgeTarget = edgeTarget;
        EdgeWeight = edgeWeight;
        _reverse = reverse;
    }

    private readonly CompactGraph? _reverse;

    public bool Directed { get; }
    public int VertexCount => Offsets.Length - 1;
    public int EdgeCount => EdgeSource.Length;

    public int[] Offsets { get; }
    public int[] Targets { get; }
    public double[] Weights { get; }
    public int[] EdgeIds { get; }

    public int[] EdgeSource { get; }
    public int[] EdgeTarget { get; }
    public double[] EdgeWeight { get; }

    /// <summary>The graph with every edge turned around; the graph itself when undirected.</summary>
    public CompactGraph Reverse => _reverse ?? this;

    public int OutDegree(int v) => Offsets[v + 1] - Offsets[v];

    public ReadOnlySpan<int> Neighbours(int v) => Targets.AsSpan(Offsets[v], Offsets[v + 1] - Offsets[v]);

    /// <summary>Degree as networkx counts it: in + out for directed graphs.</summary>
    public int Degree(int v) => Directed ? OutDegree(v) + Reverse.OutDegree(v) : OutDegree(v);

    /// <summary>The undirected graph with the same vertices, each pair joined at most once (weights of merged edges: the larger).</summary>
    public CompactGraph ToUndirected()
    {
        if (!Directed) return this;
        var builder = new GraphBuilder(VertexCount, directed: false, DuplicateEdges.KeepLarger);
        for (var e = 0; e < EdgeCount; e++) builder.AddEdge(EdgeSource[e], EdgeTarget[e], EdgeWeight[e]);
        return builder.Build();
    }

    /// <summary>The same vertices and edges with each weight replaced by <paramref name="weightOf"/>(weight): no rebuilding.</summary>
    public CompactGraph WithWeights(Func<double, double> weightOf)
    {
        var reverse = Directed ? Reverse.WithWeights(weightOf) : null;
        return new CompactGraph(Directed, Offsets, Targets, Array.ConvertAll(Weights, w => weightOf(w)), EdgeIds, EdgeSource, EdgeTarget,
            Array.ConvertAll(EdgeWeight, w => weightOf(w)), reverse);
    }

    /// <summary>
    /// The sub-graph on the vertices for which <paramref name="keep"/> is true, renumbered in order;
    /// <paramref name="original"/> maps each new vertex to its old number.
    /// </summary>
    public CompactGraph Induced(Func<int, bool> keep, out int[] original)
    {
        var newIndex = new int[VertexCount];
        var kept = new List<int>();
        for (var v = 0; v < VertexCount; v++)
        {
            newIndex[v] = keep(v) ? kept.Count : -1;
            if (newIndex[v] >= 0) kept.Add(v);
        }
        var builder = new GraphBuilder(kept.Count, Directed, DuplicateEdges.KeepLast);
        for (var e = 0; e < EdgeCount; e++)
        {
            int s = newIndex[EdgeSource[e]], t = newIndex[EdgeTarget[e]];
            if (s >= 0 && t >= 0) builder.AddEdge(s, t, EdgeWeight[e]);
        }
        original = kept.ToArray();
        return builder.Build();
    }
}

/// <summary>What to do when the same pair of vertices is joined twice.</summary>
public enum DuplicateEdges
{
    /// <summary>The later edge replaces the earlier one, as networkx's Graph.add_edge does.</summary>
    KeepLast,
    /// <summary>The larger weight wins (for ties of different strength between the same two actors).</summary>
    KeepLarger,
}

/// <summary>Collects edges, merges duplicates and builds a <see cref="CompactGraph"/> in O(n + m log d).</summary>
public sealed class GraphBuilder(int vertexCount, bool directed, DuplicateEdges duplicates = DuplicateEdges.KeepLast)
{
    private readonly Dictionary<long, int> _edgeIndex = [];
    private readonly List<int> _source = [];
    private readonly List<int> _target = [];
    private readonly List<double> _weight = [];

    public int VertexCount => vertexCount;

    public void AddEdge(int source, int target, double weight = 1)
    {
        if ((uint)source >= (uint)vertexCount || (uint)target >= (uint)vertexCount)
            throw new ArgumentOutOfRangeException(nameof(source), "Edge endpoint out of range.");
        if (source == target) throw new ArgumentException("Self-loops are not supported.", nameof(target));
        var (a, b) = directed || source < target ? (source, target) : (target, source);
        var key = (long)a * vertexCount + b;
        if (_edgeIndex.TryGetValue(key, out var existing))
        {
            if (duplicates == DuplicateEdges.KeepLast || weight > _weight[existing]) _weight[existing] = weight;
            return;
        }
        _edgeIndex[key] = _source.Count;
        _source.Add(a);
        _target.Add(b);
        _weight.Add(weight);
    }

    public CompactGraph Build()
    {
        var edgeSource = _source.ToArray();
        var edgeTarget = _target.ToArray();
        var edgeWeight = _weight.ToArray();
        var reverse = directed ? Assemble(vertexCount, edgeTarget, edgeSource, edgeWeight, false, directed, null) : null;
        return Assemble(vertexCount, edgeSource, edgeTarget, edgeWeight, !directed, directed, reverse);
    }

    private static CompactGraph Assemble(int n, int[] from, int[] to, double[] weight, bool bothWays, bool directed, CompactGraph? reverse)
    {
        var offsets = new int[n + 1];
        for (var e = 0; e < from.Length; e++)
        {
            offsets[from[e] + 1]++;
            if (bothWays) offsets[to[e] + 1]++;
        }
        for (var v = 0; v < n; v++) offsets[v + 1] += offsets[v];
        var entries = offsets[n];
        var targets = new int[entries];
        var weights = new double[entries];
        var edgeIds = new int[entries];
        var fill = offsets[..n];
        for (var e = 0; e < from.Length; e++)
        {
            var i = fill[from[e]]++;
            (targets[i], weights[i], edgeIds[i]) = (to[e], weight[e], e);
            if (!bothWays) continue;
            var j = fill[to[e]]++;
            (targets[j], weights[j], edgeIds[j]) = (from[e], weight[e], e);
        }
        // Sorted rows make triangle counting a merge and results independent of input order. A row is sorted in place by
        // target with its edge ids alongside (no allocation per vertex), and its weights are read back by edge id.
        for (var v = 0; v < n; v++)
        {
            var start = offsets[v];
            var length = offsets[v + 1] - start;
            if (length < 2) continue;
            targets.AsSpan(start, length).Sort(edgeIds.AsSpan(start, length));
            for (var k = start; k < start + length; k++) weights[k] = weight[edgeIds[k]];
        }
        return new CompactGraph(directed, offsets, targets, weights, edgeIds, from, to, weight, reverse);
    }
}
