using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ResourceMap.Graph.Centrality;

public static partial class Betweenness
{
    /// <summary>
    /// Brandes' breadth-first searches, many at once. The searches of up to 64 sources first advance together, one bit
    /// each, as in bit-parallel multi-source BFS (M. Then et al., "The More the Merrier: Efficient Multi-Source Graph
    /// Traversal", PVLDB 8(4), 2014): a level costs one sweep over the vertices it reached, for all 64. Each group of eight
    /// searches records, level by level, the vertices reached with the lanes (searches) that reached them. Path counts σ
    /// and dependencies δ then run eight searches at a time, one per lane of a 512-bit vector (two 256-bit halves where
    /// the processor has no AVX-512), over the union of their levels: a vertex is visited once per distinct level it has
    /// among the eight (about 2.6 times on a small-world graph, not eight), and each visit reads a neighbour's eight values
    /// in one cache line. Values are written only into the lanes an entry names, so when a level is summed, a lane's
    /// neighbours hold values only one level nearer (σ) or farther (δ): the sums need no test of levels. O(m) time per
    /// search, as Brandes'; O(n) memory per group, as the level lists hold a vertex at most once per lane.
    /// </summary>
    private sealed class LaneWorker
    {
        /// <summary>Searches advanced together by the bit-parallel first pass.</summary>
        public const int Batch = 64;

        /// <summary>Searches whose σ and δ share a vector.</summary>
        private const int Lanes = 8;

        /// <summary>The entries of one group of searches, level by level: a vertex and the lanes that reached it at that level.</summary>
        private sealed class Group(int capacity)
        {
            public int[] Vertex = new int[capacity];
            public byte[] Lanes = new byte[capacity];
            public int Count;
            public readonly List<int> LevelStart = [];

            public void Add(int vertex, byte lanes)
            {
                if (Count == Vertex.Length)
                {
                    Array.Resize(ref Vertex, 2 * Count);
                    Array.Resize(ref Lanes, 2 * Count);
                }
                Vertex[Count] = vertex;
                Lanes[Count++] = lanes;
            }

            /// <summary>Closes a level, unless it added nothing: the group's searches have then ended, and no later level adds more.</summary>
            public void EndLevel()
            {
                if (Count > LevelStart[^1]) LevelStart.Add(Count);
            }
        }

        private readonly CompactGraph _graph;
        private readonly ulong[] _seen;
        private ulong[] _visit;
        private ulong[] _next;
        private readonly Group[] _groups;
        private readonly Vector512<double>[] _sums;
        private readonly Vector512<double>[] _sigma;
        private readonly Vector512<double>[] _pull;

        /// <summary>Sum over the sources handled so far of each vertex's dependency δ_s(v).</summary>
        public readonly double[] Dependency;

        /// <summary>How many actors each vertex stands for; null for one each.</summary>
        public double[]? VertexWeight { get; init; }

        public LaneWorker(CompactGraph graph)
        {
            var n = graph.VertexCount;
            _graph = graph;
            _seen = new ulong[n];
            _visit = new ulong[n];
            _next = new ulong[n];
            _groups = [.. Enumerable.Range(0, Batch / Lanes).Select(_ => new Group(n + Lanes))];
            _sums = new Vector512<double>[n];
            _sigma = new Vector512<double>[n];
            _pull = new Vector512<double>[n];
            Dependency = new double[n];
        }

        /// <summary>Adds the dependencies of up to <see cref="Batch"/> distinct sources.</summary>
        /// <param name="sources">The sources.</param>
        /// <param name="cancellationToken">Checked before each group of eight searches.</param>
        public void AccumulateFrom(ReadOnlySpan<int> sources, CancellationToken cancellationToken)
        {
            Advance(sources);
            for (var first = 0; first < sources.Length && !cancellationToken.IsCancellationRequested; first += Lanes)
            {
                var group = _groups[first / Lanes];
                CountPaths(group);
                AddDependencies(group, sources[first..Math.Min(sources.Length, first + Lanes)]);
                for (var i = 0; i < group.Count; i++)
                {
                    _sigma[group.Vertex[i]] = Vector512<double>.Zero;
                    _pull[group.Vertex[i]] = Vector512<double>.Zero;
                }
            }
        }

        /// <summary>The bit-parallel first pass: every level of every search, into each group's entries.</summary>
        private void Advance(ReadOnlySpan<int> sources)
        {
            var n = _graph.VertexCount;
            Array.Clear(_seen);
            Array.Clear(_visit);
            foreach (var group in _groups)
            {
                group.Count = 0;
                group.LevelStart.Clear();
                group.LevelStart.Add(0);
            }
            // A source is an entry of its own at level 0, where σ starts.
            for (var j = 0; j < sources.Length; j++)
            {
                _seen[sources[j]] = _visit[sources[j]] = 1UL << j;
                _groups[j / Lanes].Add(sources[j], (byte)(1 << (j % Lanes)));
            }
            var active = (sources.Length + Lanes - 1) / Lanes;
            for (var g = 0; g < active; g++) _groups[g].EndLevel();
            while (true)
            {
                Paths.HopDistances.Spread(_graph, _visit, _next);
                ulong arrived = 0;
                for (var w = 0; w < n; w++)
                {
                    var fresh = _next[w] & ~_seen[w];
                    _next[w] = fresh;
                    if (fresh == 0) continue;
                    _seen[w] |= fresh;
                    arrived |= fresh;
                    for (var rest = fresh; rest != 0;)
                    {
                        var g = BitOperations.TrailingZeroCount(rest) / Lanes;
                        _groups[g].Add(w, (byte)(fresh >> (g * Lanes)));
                        rest &= ~(((1UL << Lanes) - 1) << (g * Lanes));
                    }
                }
                if (arrived == 0) return;
                for (var g = 0; g < active; g++) _groups[g].EndLevel();
                (_visit, _next) = (_next, _visit);
            }
        }

        /// <summary>σ(v) = Σ σ(u) over predecessors u, lane by lane: at level L a lane's in-neighbours lie at L − 1, L or L + 1, and only those at L − 1 hold values yet.</summary>
        private void CountPaths(Group group)
        {
            var incoming = _graph.Reverse;
            ref var inOffsets = ref MemoryMarshal.GetArrayDataReference(incoming.Offsets);
            ref var inTargets = ref MemoryMarshal.GetArrayDataReference(incoming.Targets);
            ref var sigma = ref MemoryMarshal.GetArrayDataReference(_sigma);
            ref var sums = ref MemoryMarshal.GetArrayDataReference(_sums);
            ref var entryVertex = ref MemoryMarshal.GetArrayDataReference(group.Vertex);
            ref var entryLanes = ref MemoryMarshal.GetArrayDataReference(group.Lanes);
            ref var laneMasks = ref MemoryMarshal.GetArrayDataReference(LaneMasks);
            for (var i = 0; i < group.LevelStart[1]; i++)
            {
                ref var sigmaV = ref Unsafe.Add(ref sigma, Unsafe.Add(ref entryVertex, i));
                sigmaV = Vector512.ConditionalSelect(Unsafe.Add(ref laneMasks, Unsafe.Add(ref entryLanes, i)), Vector512<double>.One, sigmaV);
            }
            for (var level = 1; level + 1 < group.LevelStart.Count; level++)
            {
                int from = group.LevelStart[level], to = group.LevelStart[level + 1];
                for (var i = from; i < to; i++)
                {
                    var v = Unsafe.Add(ref entryVertex, i);
                    Unsafe.Add(ref sums, i - from) = SumAt(ref sigma, ref inTargets, Unsafe.Add(ref inOffsets, v), Unsafe.Add(ref inOffsets, v + 1));
                }
                for (var i = from; i < to; i++)
                {
                    ref var sigmaV = ref Unsafe.Add(ref sigma, Unsafe.Add(ref entryVertex, i));
                    sigmaV = Vector512.ConditionalSelect(Unsafe.Add(ref laneMasks, Unsafe.Add(ref entryLanes, i)), Unsafe.Add(ref sums, i - from), sigmaV);
                }
            }
        }

        /// <summary>
        /// δ(v) = σ(v) Σ (w(t) + δ(t)) / σ(t) over successors t (Brandes 2001, Theorem 6), farthest level first; pull holds
        /// (w(t) + δ(t)) / σ(t) in the lanes already done. A source's own lane (level 0) adds nothing to its dependency.
        /// </summary>
        private void AddDependencies(Group group, ReadOnlySpan<int> sources)
        {
            var sourceWeights = SourceWeights(VertexWeight, sources);
            ref var offsets = ref MemoryMarshal.GetArrayDataReference(_graph.Offsets);
            ref var targets = ref MemoryMarshal.GetArrayDataReference(_graph.Targets);
            ref var sigma = ref MemoryMarshal.GetArrayDataReference(_sigma);
            ref var pull = ref MemoryMarshal.GetArrayDataReference(_pull);
            ref var sums = ref MemoryMarshal.GetArrayDataReference(_sums);
            ref var entryVertex = ref MemoryMarshal.GetArrayDataReference(group.Vertex);
            ref var entryLanes = ref MemoryMarshal.GetArrayDataReference(group.Lanes);
            ref var laneMasks = ref MemoryMarshal.GetArrayDataReference(LaneMasks);
            ref var dependency = ref MemoryMarshal.GetArrayDataReference(Dependency);
            for (var level = group.LevelStart.Count - 2; level >= 0; level--)
            {
                int from = group.LevelStart[level], to = group.LevelStart[level + 1];
                for (var i = from; i < to; i++)
                {
                    var v = Unsafe.Add(ref entryVertex, i);
                    Unsafe.Add(ref sums, i - from) = SumAt(ref pull, ref targets, Unsafe.Add(ref offsets, v), Unsafe.Add(ref offsets, v + 1));
                }
                for (var i = from; i < to; i++)
                {
                    var v = Unsafe.Add(ref entryVertex, i);
                    var mask = Unsafe.Add(ref laneMasks, Unsafe.Add(ref entryLanes, i));
                    var sigmaV = Unsafe.Add(ref sigma, v);
                    var delta = sigmaV * Unsafe.Add(ref sums, i - from);
                    if (level > 0) Unsafe.Add(ref dependency, v) += Vector512.Sum(Vector512.BitwiseAnd(delta * sourceWeights, mask));
                    ref var pullV = ref Unsafe.Add(ref pull, v);
                    pullV = Vector512.ConditionalSelect(mask, (Vector512.Create(WeightOf(VertexWeight, v)) + delta) / sigmaV, pullV);
                }
            }
        }

        /// <summary>Σ values[indices[k]] for k in [from, to), in two running sums so that the additions overlap.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<double> SumAt(ref Vector512<double> values, ref int indices, int from, int to)
        {
            Vector512<double> a = Vector512<double>.Zero, b = Vector512<double>.Zero;
            var k = from;
            for (; k + 1 < to; k += 2)
            {
                a += Unsafe.Add(ref values, Unsafe.Add(ref indices, k));
                b += Unsafe.Add(ref values, Unsafe.Add(ref indices, k + 1));
            }
            if (k < to) a += Unsafe.Add(ref values, Unsafe.Add(ref indices, k));
            return a + b;
        }
    }
}
