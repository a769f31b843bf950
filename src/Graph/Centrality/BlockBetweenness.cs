using ResourceMap.Graph.Structure;

namespace ResourceMap.Graph.Centrality;

/// <summary>
/// Exact betweenness assembled from the biconnected components (blocks) of an undirected graph. A shortest path from one
/// block to another runs through the cut vertices between them, so each block is searched alone, each of its vertices
/// standing for the actors that reach the block through it (its <see cref="Blocks.Block.Reach"/> g), and each vertex adds
/// the pairs it separates, (g − 1)(N − g) per block (A. E. Sarıyüce, E. Saule, K. Kaya &amp; Ü. V. Çatalyürek, "Shattering
/// and compressing networks for betweenness centrality", SDM 2013; R. Puzis et al., "Heuristics for speeding up
/// betweenness centrality computation", SocialCom 2012). O(Σ_B |B|·|E_B|) time, so tree-like parts and small blocks cost
/// little. A block whose actors, ties and g are the same as in an earlier computation takes its values from that one's
/// <see cref="Cache"/>: an edit recomputes only the blocks it changed. Values follow networkx 2.8 as
/// <see cref="Betweenness"/>'s do.
/// </summary>
public static class BlockBetweenness
{
    /// <summary>The values of each block of one computation, to be reused by the next; <see cref="Reused"/> counts the blocks it took from its predecessor.</summary>
    public sealed class Cache
    {
        internal readonly Dictionary<BlockKey, double[]> Values = [];

        public int Blocks => Values.Count;

        public int Reused { get; internal set; }
    }

    /// <summary>A block by its actors (stable ids, ascending), its ties among them with their weights, and each actor's g.</summary>
    internal sealed class BlockKey : IEquatable<BlockKey>
    {
        private readonly int[] _ids;
        private readonly int[] _reach;
        private readonly long[] _ties;
        private readonly int _hash;

        public BlockKey(int[] ids, int[] reach, long[] ties)
        {
            (_ids, _reach, _ties) = (ids, reach, ties);
            var hash = new HashCode();
            foreach (var x in ids) hash.Add(x);
            foreach (var x in reach) hash.Add(x);
            foreach (var x in ties) hash.Add(x);
            _hash = hash.ToHashCode();
        }

        public bool Equals(BlockKey? other) => other is not null && _hash == other._hash &&
            _ids.AsSpan().SequenceEqual(other._ids) && _reach.AsSpan().SequenceEqual(other._reach) && _ties.AsSpan().SequenceEqual(other._ties);

        public override bool Equals(object? obj) => Equals(obj as BlockKey);

        public override int GetHashCode() => _hash;
    }

    /// <param name="graph">An undirected graph.</param>
    /// <param name="weighted">Edge weights are lengths (as <see cref="Betweenness.Compute"/>'s).</param>
    /// <param name="stableIds">Each vertex's id that stays the same from one graph to the next (an actor's id).</param>
    /// <param name="previous">The cache of an earlier computation, whose unchanged blocks are reused.</param>
    /// <param name="maxThreads">Threads to use within a block; -1 for all cores.</param>
    /// <param name="cancellationToken">Checked between searches.</param>
    public static (Betweenness.Result Result, Cache Cache) Compute(CompactGraph graph, bool weighted, int[] stableIds, Cache? previous = null,
        int maxThreads = -1, CancellationToken cancellationToken = default)
    {
        if (graph.Directed) throw new ArgumentException("Blocks are of undirected graphs.", nameof(graph));
        var n = graph.VertexCount;
        var cache = new Cache();
        var blocks = Blocks.Compute(graph)
            .Select(b => Canonical(b, stableIds))
            .OrderBy(b => stableIds[b.Vertices[0]]) // a fixed order of summing, whatever the numbering
            .ToList();
        var total = new double[n];
        var local = new int[n];
        foreach (var block in blocks)
        {
            var key = KeyOf(graph, block, stableIds, local);
            if (!cache.Values.ContainsKey(key))
            {
                if (previous?.Values.TryGetValue(key, out var known) == true) cache.Reused++;
                else known = BlockValues(graph, weighted, block, local, maxThreads, cancellationToken);
                cache.Values[key] = known!;
            }
            var values = cache.Values[key];
            for (var i = 0; i < block.Vertices.Length; i++) total[block.Vertices[i]] += values[i];
        }
        var raw = new double[n];
        var normalized = new double[n];
        for (var v = 0; v < n; v++)
        {
            raw[v] = total[v] * 0.5;
            normalized[v] = n > 2 ? total[v] * (1.0 / ((n - 1.0) * (n - 2.0))) : total[v];
        }
        return (new Betweenness.Result(raw, normalized), cache);
    }

    /// <summary>The block with its vertices in the order of their stable ids.</summary>
    private static Blocks.Block Canonical(Blocks.Block block, int[] stableIds)
    {
        var order = Enumerable.Range(0, block.Vertices.Length).OrderBy(i => stableIds[block.Vertices[i]]).ToArray();
        return block with { Vertices = order.Select(i => block.Vertices[i]).ToArray(), Reach = order.Select(i => block.Reach[i]).ToArray() };
    }

    private static BlockKey KeyOf(CompactGraph graph, Blocks.Block block, int[] stableIds, int[] local)
    {
        for (var i = 0; i < block.Vertices.Length; i++) local[block.Vertices[i]] = i;
        var inBlock = block.Vertices.ToHashSet();
        var ties = new List<(int A, int B, long Weight)>();
        for (var i = 0; i < block.Vertices.Length; i++)
        {
            var v = block.Vertices[i];
            for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++)
            {
                var w = graph.Targets[k];
                if (inBlock.Contains(w) && local[w] > i) ties.Add((i, local[w], BitConverter.DoubleToInt64Bits(graph.Weights[k])));
            }
        }
        // In the order of the actors' ids, not of the vertex numbers, which change from one network to the next.
        ties.Sort();
        return new BlockKey(block.Vertices.Select(v => stableIds[v]).ToArray(), block.Reach, ties.SelectMany(t => new[] { ((long)t.A << 32) | (uint)t.B, t.Weight }).ToArray());
    }

    /// <summary>Each vertex's sum over ordered pairs in this block: the pairs whose paths cross it inside, and those it separates.</summary>
    private static double[] BlockValues(CompactGraph graph, bool weighted, Blocks.Block block, int[] local, int maxThreads, CancellationToken cancellationToken)
    {
        var size = block.Vertices.Length;
        var values = new double[size];
        if (size > 2)
        {
            for (var i = 0; i < size; i++) local[block.Vertices[i]] = i;
            var inBlock = block.Vertices.ToHashSet();
            var builder = new GraphBuilder(size, directed: false);
            for (var i = 0; i < size; i++)
            {
                var v = block.Vertices[i];
                for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++)
                    if (inBlock.Contains(graph.Targets[k]) && local[graph.Targets[k]] > i) builder.AddEdge(i, local[graph.Targets[k]], graph.Weights[k]);
            }
            var reach = Array.ConvertAll(block.Reach, g => (double)g);
            values = Betweenness.PairSums(builder.Build(), weighted, reach, size < 64 ? 1 : maxThreads, cancellationToken);
        }
        for (var i = 0; i < size; i++)
            values[i] += (block.Reach[i] - 1.0) * (block.ComponentSize - block.Reach[i]);
        return values;
    }
}
