using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ResourceMap.Graph.Paths;

/// <summary>
/// All-pairs hop distances, summarised without storing them, by bit-parallel multi-source breadth-first search
/// (M. Then et al., "The More the Merrier: Efficient Multi-Source Graph Traversal", PVLDB 8(4), 2014): 64 searches
/// advance together, one bit each, so a level costs one sweep of the edges for all 64. O(n/64 · D · m) time for
/// diameter D, O(n) memory per thread. Reach and distance sums are kept per target, so for directed graphs they describe
/// distances <i>to</i> a vertex, as networkx's closeness does.
/// </summary>
public static class HopDistances
{
    /// <summary>How many parts the batches are dealt into; fixed, so that sums do not depend on the number of threads.</summary>
    private const int Partitions = 16;

    public sealed record Summary(
        int[] ReachedFrom,          // how many vertices reach v, v itself included
        long[] DistanceSumTo,       // sum of d(u, v) over the vertices u that reach v
        double[] HarmonicTo,        // sum of 1 / d(u, v) over u ≠ v that reach v
        int[] Eccentricity,         // greatest d(v, u) over the vertices u that v reaches
        long[] DistanceSumFrom);    // sum of d(v, u) over the vertices u that v reaches

    /// <param name="graph">The graph.</param>
    /// <param name="maxThreads">Threads to use; -1 for all cores.</param>
    /// <param name="sources">Search only from these vertices (a sample); all vertices when null. Sums then cover only
    /// the paths from the sample, and <see cref="Summary.Eccentricity"/> and <see cref="Summary.DistanceSumFrom"/> only its members.</param>
    /// <param name="cancellationToken">Checked before each batch of 64 searches.</param>
    public static Summary Compute(CompactGraph graph, int maxThreads = -1, int[]? sources = null, CancellationToken cancellationToken = default)
    {
        var n = graph.VertexCount;
        var from = sources ?? Enumerable.Range(0, n).ToArray();
        var summary = NewSummary(n);
        var gate = new object();
        var batches = (from.Length + 63) / 64;
        // Batches are dealt to a fixed number of parts and the parts' harmonic sums (floating point) added in order, so
        // they are the same to the last bit on every run and machine; the integer sums are exact in any order.
        var parts = Math.Clamp(batches, 1, Partitions);
        var harmonic = new double[parts][];
        Parallel.For(0, parts, Parallelism.Options(maxThreads, cancellationToken), part =>
        {
            var w = new BatchWorker(n);
            // Per-source sums need a walk over each arrival's bits; undirected full runs get them by symmetry instead.
            for (var batch = part; batch < batches && !cancellationToken.IsCancellationRequested; batch += parts)
                w.Search(graph, from.AsSpan(batch * 64, Math.Min(64, from.Length - batch * 64)), summary, perSourceSums: graph.Directed || sources is not null);
            harmonic[part] = w.MergeInto(summary, gate);
        });
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var part in harmonic)
            for (var v = 0; v < n; v++) summary.HarmonicTo[v] += part[v];
        if (!graph.Directed && sources is null)
            for (var v = 0; v < n; v++) summary.DistanceSumFrom[v] = summary.DistanceSumTo[v]; // distances are symmetric
        return summary;
    }

    /// <summary>One thread's bit sets and running sums.</summary>
    private sealed class BatchWorker(int n)
    {
        private ulong[] _seen = new ulong[n];
        private ulong[] _visit = new ulong[n];
        private ulong[] _next = new ulong[n];
        private readonly int[] _reached = new int[n];
        private readonly long[] _sumTo = new long[n];
        private readonly double[] _harmonic = new double[n];

        public void Search(CompactGraph graph, ReadOnlySpan<int> batch, Summary summary, bool perSourceSums)
        {
            Array.Clear(_seen);
            Array.Clear(_visit);
            for (var i = 0; i < batch.Length; i++)
            {
                _seen[batch[i]] = _visit[batch[i]] = 1UL << i;
                _reached[batch[i]]++;
            }
            for (var level = 1; ; level++)
            {
                Spread(graph, _visit, _next);
                ulong arrived = 0;
                var reciprocal = 1.0 / level;
                for (var w = 0; w < n; w++)
                {
                    var fresh = _next[w] & ~_seen[w];
                    _next[w] = fresh;
                    if (fresh == 0) continue;
                    _seen[w] |= fresh;
                    var c = BitOperations.PopCount(fresh);
                    _reached[w] += c;
                    _sumTo[w] += (long)level * c;
                    _harmonic[w] += c * reciprocal;
                    arrived |= fresh;
                    if (perSourceSums)
                        for (var bits = fresh; bits != 0; bits &= bits - 1) summary.DistanceSumFrom[batch[BitOperations.TrailingZeroCount(bits)]] += level;
                }
                if (arrived == 0) break;
                for (var bits = arrived; bits != 0; bits &= bits - 1) summary.Eccentricity[batch[BitOperations.TrailingZeroCount(bits)]] = level;
                (_visit, _next) = (_next, _visit);
            }
        }

        /// <summary>Adds the integer sums to the summary and returns the harmonic sums, for the caller to add in order.</summary>
        public double[] MergeInto(Summary summary, object gate)
        {
            lock (gate)
            {
                for (var v = 0; v < _reached.Length; v++)
                {
                    summary.ReachedFrom[v] += _reached[v];
                    summary.DistanceSumTo[v] += _sumTo[v];
                }
            }
            return _harmonic;
        }
    }

    /// <summary>One level of the bit-parallel searches: <paramref name="next"/> gets, for each vertex, the bits of every
    /// search that <paramref name="visit"/> holds at one of its in-neighbours (seen ones included; the caller masks them).</summary>
    internal static void Spread(CompactGraph graph, ulong[] visit, ulong[] next)
    {
        Array.Clear(next);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(graph.Offsets);
        ref var targets = ref MemoryMarshal.GetArrayDataReference(graph.Targets);
        ref var visitBits = ref MemoryMarshal.GetArrayDataReference(visit);
        ref var nextBits = ref MemoryMarshal.GetArrayDataReference(next);
        for (var v = 0; v < visit.Length; v++)
        {
            var bits = Unsafe.Add(ref visitBits, v);
            if (bits == 0) continue;
            var end = Unsafe.Add(ref offsets, v + 1);
            for (var k = Unsafe.Add(ref offsets, v); k < end; k++) Unsafe.Add(ref nextBits, Unsafe.Add(ref targets, k)) |= bits;
        }
    }

    private static Summary NewSummary(int n) => new(new int[n], new long[n], new double[n], new int[n], new long[n]);
}
