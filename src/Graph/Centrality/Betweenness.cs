using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ResourceMap.Graph.Centrality;

/// <summary>
/// Exact shortest-path betweenness by Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness centrality",
/// J. Math. Sociology 25(2), 2001; variants in Brandes, Social Networks 30(2), 2008). O(nm) time unweighted; weighted,
/// O(nm + nC) when every weight is a whole number up to <see cref="MaxBucketWeight"/> (C, the largest: Dial's bucket queue)
/// and O(nm + n² log n) otherwise (a binary heap). O(n + m) memory per worker thread and 16n for the parts' sums; sources
/// are dealt to 16 parts, run on the threads, and summed in a fixed order (the same result on every run).
/// Values follow networkx 2.8's <c>betweenness_centrality</c>: undirected raw values are halved, and
/// normalised values divide the sum over ordered pairs by (n−1)(n−2).
/// </summary>
public static partial class Betweenness
{
    /// <summary>How many parts the sources are dealt into; fixed, so that sums do not depend on the number of threads.</summary>
    private const int Partitions = 16;

    /// <summary>Largest whole-number weight searched with buckets: a search scans up to C buckets per distance unit reached.</summary>
    public const int MaxBucketWeight = 1024;

    /// <param name="Raw">Betweenness as networkx gives it with normalized=False.</param>
    /// <param name="Normalized">Betweenness as networkx gives it with normalized=True.</param>
    public sealed record Result(double[] Raw, double[] Normalized);

    /// <param name="graph">The graph; for directed graphs paths follow edge direction.</param>
    /// <param name="weighted">Use edge weights as distances (Dijkstra) instead of hop counts (BFS). Weights must be positive.</param>
    /// <param name="maxThreads">Threads to use; -1 for all cores.</param>
    /// <param name="cancellationToken">Checked before each source's search: a cancelled run stops within one search per thread.</param>
    public static Result Compute(CompactGraph graph, bool weighted, int maxThreads = -1, CancellationToken cancellationToken = default)
    {
        var n = graph.VertexCount;
        var total = PairSums(graph, weighted, null, maxThreads, cancellationToken);
        var raw = new double[n];
        var normalized = new double[n];
        var rawScale = graph.Directed ? 1.0 : 0.5;
        for (var v = 0; v < n; v++)
        {
            raw[v] = total[v] * rawScale;
            normalized[v] = n > 2 ? total[v] * (1.0 / ((n - 1.0) * (n - 2.0))) : total[v];
        }
        return new Result(raw, normalized);
    }

    /// <summary>
    /// Σ over sources s and targets t of w(s)·w(t)·σ_st(v)/σ_st for each v (ordered pairs; w = 1 when
    /// <paramref name="vertexWeight"/> is null): a vertex weighted k stands for k actors reached through it.
    /// </summary>
    internal static double[] PairSums(CompactGraph graph, bool weighted, double[]? vertexWeight, int maxThreads, CancellationToken cancellationToken)
    {
        var n = graph.VertexCount;
        // Sources are dealt to a fixed number of parts (every 16th to each) and the parts' sums added in order, so the
        // result is the same to the last bit on every run and machine; threads merely take parts.
        var parts = Math.Clamp(n, 1, Partitions);
        var dependencies = new double[parts][];
        var lengths = weighted ? WholeLengths(graph) : null;
        Parallel.For(0, parts, Parallelism.Options(maxThreads, cancellationToken), part =>
        {
            if (!weighted)
            {
                var searches = new LaneWorker(graph) { VertexWeight = vertexWeight };
                var batch = new List<int>(LaneWorker.Batch);
                for (var first = part; first < n && !cancellationToken.IsCancellationRequested; first += parts * LaneWorker.Batch)
                {
                    batch.Clear();
                    for (var source = first; source < n && batch.Count < LaneWorker.Batch; source += parts) batch.Add(source);
                    searches.AccumulateFrom(CollectionsMarshal.AsSpan(batch), cancellationToken);
                }
                dependencies[part] = searches.Dependency;
                return;
            }
            Worker worker = lengths is not null ? new BucketWorker(graph, lengths.Value) : new WeightedWorker(graph);
            worker.VertexWeight = vertexWeight;
            for (var source = part; source < n && !cancellationToken.IsCancellationRequested; source += parts) worker.AccumulateFrom(source);
            dependencies[part] = worker.Dependency;
        });
        cancellationToken.ThrowIfCancellationRequested();
        var total = new double[n];
        foreach (var dependency in dependencies)
            for (var v = 0; v < n; v++) total[v] += dependency[v];
        return total;
    }

    /// <summary>
    /// The weights as whole numbers, beside <see cref="CompactGraph.Targets"/> and the reverse graph's targets; null unless
    /// every weight is a whole number from 1 to <see cref="MaxBucketWeight"/> and no distance can pass int's range.
    /// </summary>
    public static (int[] Out, int[] In, int Largest)? WholeLengths(CompactGraph graph)
    {
        var largest = 0;
        foreach (var w in graph.EdgeWeight)
        {
            if (!(w >= 1 && w <= MaxBucketWeight && w == Math.Floor(w))) return null;
            largest = Math.Max(largest, (int)w);
        }
        if ((long)largest * graph.VertexCount >= int.MaxValue) return null;
        var outLengths = Array.ConvertAll(graph.Weights, w => (int)w);
        var inLengths = graph.Directed ? Array.ConvertAll(graph.Reverse.Weights, w => (int)w) : outLengths;
        return (outLengths, inLengths, Math.Max(largest, 1));
    }

    private abstract class Worker(int n)
    {
        /// <summary>Sum over the sources handled so far of each vertex's dependency δ_s(v).</summary>
        public readonly double[] Dependency = new double[n];

        /// <summary>How many actors each vertex stands for; null for one each.</summary>
        public double[]? VertexWeight { get; set; }

        protected double WeightOf(int v) => VertexWeight is null ? 1 : VertexWeight[v];

        public abstract void AccumulateFrom(int source);
    }

    /// <summary>Dijkstra searches with weights as distances.</summary>
    private sealed class WeightedWorker : Worker
    {
        private readonly CompactGraph _graph;
        private readonly double[] _distance;
        private readonly double[] _sigma;
        private readonly double[] _delta;
        private readonly int[] _order;
        private readonly int[] _settledAt;
        private readonly PriorityQueue<int, double> _heap = new();

        public WeightedWorker(CompactGraph graph) : base(graph.VertexCount)
        {
            var n = graph.VertexCount;
            _graph = graph;
            _distance = new double[n];
            _sigma = new double[n];
            _delta = new double[n];
            _order = new int[n];
            _settledAt = new int[n];
            Array.Fill(_distance, -1);
            Array.Fill(_settledAt, -1);
        }

        public override void AccumulateFrom(int source)
        {
            var offsets = _graph.Offsets;
            var targets = _graph.Targets;
            var weights = _graph.Weights;
            _distance[source] = 0;
            _sigma[source] = 1;
            _heap.Enqueue(source, 0);
            var settled = 0;
            while (_heap.TryDequeue(out var v, out var d))
            {
                if (_settledAt[v] >= 0 || d > _distance[v]) continue;
                _settledAt[v] = settled;
                _order[settled++] = v;
                var sv = _sigma[v];
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    var w = targets[k];
                    if (_settledAt[w] >= 0) continue;
                    var candidate = d + weights[k];
                    if (_distance[w] < 0 || candidate < _distance[w])
                    {
                        _distance[w] = candidate;
                        _sigma[w] = sv;
                        _heap.Enqueue(w, candidate);
                    }
                    else if (candidate == _distance[w])
                    {
                        _sigma[w] += sv;
                    }
                }
            }

            // v precedes w when it settled first and d(v) + w(v, w) = d(w), compared exactly as networkx does.
            var inOffsets = _graph.Reverse.Offsets;
            var inTargets = _graph.Reverse.Targets;
            var inWeights = _graph.Reverse.Weights;
            for (var i = settled - 1; i > 0; i--)
            {
                var w = _order[i];
                var coefficient = (WeightOf(w) + _delta[w]) / _sigma[w];
                var dw = _distance[w];
                for (var k = inOffsets[w]; k < inOffsets[w + 1]; k++)
                {
                    var v = inTargets[k];
                    if (_settledAt[v] >= 0 && _settledAt[v] < i && _distance[v] + inWeights[k] == dw) _delta[v] += _sigma[v] * coefficient;
                }
                Dependency[w] += WeightOf(source) * _delta[w];
            }
            for (var i = 0; i < settled; i++)
            {
                var v = _order[i];
                _distance[v] = -1;
                _sigma[v] = 0;
                _delta[v] = 0;
                _settledAt[v] = -1;
            }
        }
    }

    /// <summary>
    /// Searches with whole-number distances through Dial's bucket queue (R. B. Dial, "Algorithm 360: shortest-path forest
    /// with topological ordering", CACM 12(11), 1969): a vertex waits in bucket d mod (C + 1), and since every tentative
    /// distance is within C of the one being settled, no bucket holds two distances at once. Distances are exact integers,
    /// so "equally short" needs no tolerance. A vertex is queued again when its distance falls; the stale entry is skipped.
    /// </summary>
    private sealed class BucketWorker : Worker
    {
        private readonly CompactGraph _graph;
        private readonly int[] _outLengths;
        private readonly int[] _inLengths;
        private readonly int[] _distance;
        private readonly double[] _sigma;
        private readonly double[] _delta;
        private readonly int[] _order;
        private readonly int[][] _buckets;
        private readonly int[] _bucketCount;

        public BucketWorker(CompactGraph graph, (int[] Out, int[] In, int Largest) lengths) : base(graph.VertexCount)
        {
            var n = graph.VertexCount;
            _graph = graph;
            (_outLengths, _inLengths) = (lengths.Out, lengths.In);
            _distance = new int[n];
            _sigma = new double[n];
            _delta = new double[n];
            _order = new int[n];
            Array.Fill(_distance, -1);
            _buckets = new int[lengths.Largest + 1][];
            for (var b = 0; b < _buckets.Length; b++) _buckets[b] = new int[16];
            _bucketCount = new int[_buckets.Length];
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Enqueue(int bucket, int v)
        {
            ref var items = ref _buckets[bucket];
            ref var count = ref _bucketCount[bucket];
            if (count == items.Length) Array.Resize(ref items, items.Length * 2);
            items[count++] = v;
        }

        public override void AccumulateFrom(int source)
        {
            var offsets = _graph.Offsets;
            var targets = _graph.Targets;
            var lengths = _outLengths;
            var distance = _distance;
            var sigma = _sigma;
            var bucketsCount = _buckets.Length;
            distance[source] = 0;
            sigma[source] = 1;
            Enqueue(0, source);
            int waiting = 1, settled = 0;
            for (int current = 0, b = 0; waiting > 0; current++, b = b + 1 == bucketsCount ? 0 : b + 1)
            {
                // No weight is 0 or a multiple of C + 1, so nothing settled now lands in this bucket while it is read.
                var items = _buckets[b];
                var count = _bucketCount[b];
                waiting -= count;
                for (var i = 0; i < count; i++)
                {
                    var v = items[i];
                    if (distance[v] != current) continue; // queued again nearer since
                    _order[settled++] = v;
                    var sv = sigma[v];
                    var end = offsets[v + 1];
                    for (var k = offsets[v]; k < end; k++)
                    {
                        // A settled w has distance ≤ current < candidate: neither branch touches it.
                        var w = targets[k];
                        var length = lengths[k];
                        var candidate = current + length;
                        var dw = distance[w];
                        if (dw < 0 || candidate < dw)
                        {
                            distance[w] = candidate;
                            sigma[w] = sv;
                            var bucket = b + length; // candidate mod (C + 1), without a division
                            Enqueue(bucket >= bucketsCount ? bucket - bucketsCount : bucket, w);
                            waiting++;
                        }
                        else if (candidate == dw)
                        {
                            sigma[w] += sv;
                        }
                    }
                }
                _bucketCount[b] = 0;
            }

            // v precedes w when d(v) + length(v, w) = d(w); settled in order of distance, so every predecessor of w comes before it.
            var inOffsets = _graph.Reverse.Offsets;
            var inTargets = _graph.Reverse.Targets;
            var inLengths = _inLengths;
            var delta = _delta;
            for (var i = settled - 1; i > 0; i--)
            {
                var w = _order[i];
                var coefficient = (WeightOf(w) + delta[w]) / sigma[w];
                var dw = distance[w];
                var end = inOffsets[w + 1];
                for (var k = inOffsets[w]; k < end; k++)
                {
                    var v = inTargets[k];
                    var dv = distance[v];
                    if (dv >= 0 && dv + inLengths[k] == dw) delta[v] += sigma[v] * coefficient;
                }
                Dependency[w] += WeightOf(source) * delta[w];
            }
            for (var i = 0; i < settled; i++)
            {
                var v = _order[i];
                distance[v] = -1;
                sigma[v] = 0;
                delta[v] = 0;
            }
        }
    }
}
