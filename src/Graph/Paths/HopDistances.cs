using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ResourceMap.Graph.Paths;

/// <summary>
/// All-pairs hop distances, summarised without storing them: a breadth-first search from every vertex (Cormen et al.,
/// Introduction to Algorithms, §22.2), O(nm) time and O(n) memory per thread. Reach and distance sums are kept per
/// target, so for directed graphs they describe distances <i>to</i> a vertex, as networkx's closeness does.
/// Brandes' betweenness runs the same searches and fills the same <see cref="Tally"/> when it counts hops.
/// </summary>
public static class HopDistances
{
    public sealed record Summary(
        int[] ReachedFrom,          // how many vertices reach v, v itself included
        long[] DistanceSumTo,       // sum of d(u, v) over the vertices u that reach v
        double[] HarmonicTo,        // sum of 1 / d(u, v) over u ≠ v that reach v
        int[] Eccentricity,         // greatest d(v, u) over the vertices u that v reaches
        long[] DistanceSumFrom);    // sum of d(v, u) over the vertices u that v reaches

    public static Summary Compute(CompactGraph graph, int maxThreads = -1)
    {
        var n = graph.VertexCount;
        var summary = Tally.NewSummary(n);
        var gate = new object();
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxThreads },
            () => new Worker(n),
            (source, _, w) =>
            {
                var reached = w.Search(graph, source);
                w.Tally.Add(source, w.Order, w.Distance, reached, summary);
                w.Reset(reached);
                return w;
            },
            w => w.Tally.MergeInto(summary, gate));
        return summary;
    }

    private sealed class Worker
    {
        public readonly int[] Distance;
        public readonly int[] Order;
        public readonly Tally Tally;

        public Worker(int n)
        {
            Distance = new int[n];
            Array.Fill(Distance, -1);
            Order = new int[n];
            Tally = new Tally(n);
        }

        public int Search(CompactGraph graph, int source)
        {
            ref var offsets = ref MemoryMarshal.GetArrayDataReference(graph.Offsets);
            ref var targets = ref MemoryMarshal.GetArrayDataReference(graph.Targets);
            ref var distance = ref MemoryMarshal.GetArrayDataReference(Distance);
            ref var order = ref MemoryMarshal.GetArrayDataReference(Order);
            int head = 0, tail = 0;
            Unsafe.Add(ref distance, source) = 0;
            Unsafe.Add(ref order, tail++) = source;
            while (head < tail)
            {
                var v = Unsafe.Add(ref order, head++);
                var next = Unsafe.Add(ref distance, v) + 1;
                var end = Unsafe.Add(ref offsets, v + 1);
                for (var k = Unsafe.Add(ref offsets, v); k < end; k++)
                {
                    var w = Unsafe.Add(ref targets, k);
                    ref var dw = ref Unsafe.Add(ref distance, w);
                    if (dw >= 0) continue;
                    dw = next;
                    Unsafe.Add(ref order, tail++) = w;
                }
            }
            return tail;
        }

        public void Reset(int reached)
        {
            for (var i = 0; i < reached; i++) Distance[Order[i]] = -1;
        }
    }

    /// <summary>One thread's running sums over the searches it has made; merged into a <see cref="Summary"/> at the end.</summary>
    public sealed class Tally(int n)
    {
        private readonly int[] _reached = new int[n];
        private readonly long[] _sumTo = new long[n];
        private readonly double[] _harmonic = new double[n];
        private double[] _reciprocal = [0];

        public static Summary NewSummary(int n) => new(new int[n], new long[n], new double[n], new int[n], new long[n]);

        /// <summary>Adds one search from <paramref name="source"/>: <paramref name="order"/> holds the reached vertices by distance.</summary>
        public void Add(int source, int[] order, int[] distance, int reached, Summary summary)
        {
            long sum = 0;
            var far = distance[order[reached - 1]];
            if (far >= _reciprocal.Length)
            {
                _reciprocal = new double[far * 2 + 1];
                for (var d = 1; d < _reciprocal.Length; d++) _reciprocal[d] = 1.0 / d;
            }
            _reached[source]++;
            for (var i = 1; i < reached; i++)
            {
                var t = order[i];
                var d = distance[t];
                _reached[t]++;
                _sumTo[t] += d;
                _harmonic[t] += _reciprocal[d];
                sum += d;
            }
            // Each source belongs to exactly one search, so these need no merging.
            summary.Eccentricity[source] = far;
            summary.DistanceSumFrom[source] = sum;
        }

        public void MergeInto(Summary summary, object gate)
        {
            lock (gate)
            {
                for (var v = 0; v < _reached.Length; v++)
                {
                    summary.ReachedFrom[v] += _reached[v];
                    summary.DistanceSumTo[v] += _sumTo[v];
                    summary.HarmonicTo[v] += _harmonic[v];
                }
            }
        }
    }
}
