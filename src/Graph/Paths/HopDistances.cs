namespace ResourceMap.Graph.Paths;

/// <summary>
/// All-pairs hop distances, summarised without storing them: a breadth-first search from every vertex (Cormen et al.,
/// Introduction to Algorithms, §22.2), O(nm) time and O(n) memory per thread. Reach and distance sums are kept per
/// target, so for directed graphs they describe distances <i>to</i> a vertex, as networkx's closeness does.
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
        var reached = new int[n];
        var sumTo = new long[n];
        var harmonic = new double[n];
        var eccentricity = new int[n];
        var sumFrom = new long[n];
        var gate = new object();
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxThreads },
            () => new Worker(n),
            (source, _, w) =>
            {
                w.Search(graph, source, eccentricity, sumFrom);
                return w;
            },
            w =>
            {
                lock (gate)
                {
                    for (var v = 0; v < n; v++)
                    {
                        reached[v] += w.Reached[v];
                        sumTo[v] += w.SumTo[v];
                        harmonic[v] += w.Harmonic[v];
                    }
                }
            });
        return new Summary(reached, sumTo, harmonic, eccentricity, sumFrom);
    }

    private sealed class Worker(int n)
    {
        private readonly int[] _distance = Enumerable.Repeat(-1, n).ToArray();
        private readonly int[] _queue = new int[n];
        public readonly int[] Reached = new int[n];
        public readonly long[] SumTo = new long[n];
        public readonly double[] Harmonic = new double[n];

        public void Search(CompactGraph graph, int source, int[] eccentricity, long[] sumFrom)
        {
            var offsets = graph.Offsets;
            var targets = graph.Targets;
            int head = 0, tail = 0;
            _distance[source] = 0;
            _queue[tail++] = source;
            Reached[source]++;
            long sum = 0;
            var far = 0;
            while (head < tail)
            {
                var v = _queue[head++];
                var next = _distance[v] + 1;
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    var w = targets[k];
                    if (_distance[w] >= 0) continue;
                    _distance[w] = next;
                    _queue[tail++] = w;
                    Reached[w]++;
                    SumTo[w] += next;
                    Harmonic[w] += 1.0 / next;
                    sum += next;
                    far = next;
                }
            }
            eccentricity[source] = far;
            sumFrom[source] = sum;
            for (var i = 0; i < tail; i++) _distance[_queue[i]] = -1;
        }
    }
}
