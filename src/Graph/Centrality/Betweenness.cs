using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ResourceMap.Graph.Centrality;

/// <summary>
/// Exact shortest-path betweenness by Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness centrality",
/// J. Math. Sociology 25(2), 2001; variants in Brandes, Social Networks 30(2), 2008). O(nm) time unweighted (64 searches
/// at a time, <see cref="LaneWorker"/>); weighted, O(nm + nD/W) when every weight is a whole number up to
/// <see cref="MaxWholeLength"/> and no distance passes <see cref="MaxBandDistance"/> (sixteen searches at a time in bands
/// of the shortest length W, D the longest distance: <see cref="BandWorker"/>; O(nm + n²) where a bound on the distances
/// spans at most <see cref="MaxScannedBands"/> bands and each band is found by reading every vertex) and O(nm + n² log n) otherwise (a binary
/// heap). O(n + m) memory per worker thread and 16n for the parts' sums; sources are dealt to 16 parts, run on the
/// threads, and summed in a fixed order (the same result on every run).
/// Values follow networkx 2.8's <c>betweenness_centrality</c>: undirected raw values are halved, and
/// normalised values divide the sum over ordered pairs by (n−1)(n−2).
/// </summary>
public static partial class Betweenness
{
    /// <summary>How many parts the sources are dealt into; fixed, so that sums do not depend on the number of threads.</summary>
    private const int Partitions = 16;

    /// <summary>Largest whole-number weight searched in bands: a search keeps up to C/W + 2 bands ahead.</summary>
    public const int MaxWholeLength = 1024;

    /// <summary>Longest distance searched in bands, which keep distances in two bytes (a tie added to one must not overflow).</summary>
    public const int MaxBandDistance = ushort.MaxValue - 2 * MaxWholeLength;

    /// <summary>
    /// Most bands a search may read and still find each band's vertices by reading every vertex's distances: that costs
    /// about as much per vertex as the few visits a queue would make to it, each costing tens of instructions.
    /// </summary>
    public const int MaxScannedBands = 64;

    /// <summary>The low bits of a band search's in-tie that hold its length (up to <see cref="MaxWholeLength"/>); its source is above them.</summary>
    private const int TieLengthBits = 11;

    /// <summary>Graphs this large take the binary heap: the band search keeps a tie's source and length in one int.</summary>
    private const int MaxBandVertices = 1 << (31 - TieLengthBits);

    /// <summary>The masks of a vector of eight doubles' lanes, by the bits of a byte: lane j is set when bit j is.</summary>
    private static readonly Vector512<double>[] LaneMasks = Enumerable.Range(0, 256)
        .Select(bits => Vector512.Create([.. Enumerable.Range(0, 8).Select(j => (bits >> j & 1) == 1 ? BitConverter.Int64BitsToDouble(-1) : 0.0)]))
        .ToArray();

    /// <summary>How many actors vertex v stands for: its weight, or one when there are none.</summary>
    private static double WeightOf(double[]? weights, int v) => weights is null ? 1 : weights[v];

    /// <summary>The weights of up to eight sources, one per lane, as the eight searches from them run side by side.</summary>
    private static Vector512<double> SourceWeights(double[]? weights, ReadOnlySpan<int> sources)
    {
        var lanes = Vector512<double>.Zero;
        for (var j = 0; j < sources.Length; j++) lanes = lanes.WithElement(j, WeightOf(weights, sources[j]));
        return lanes;
    }

    /// <param name="Raw">Betweenness as networkx gives it with normalized=False.</param>
    /// <param name="Normalized">Betweenness as networkx gives it with normalized=True.</param>
    public sealed record Result(double[] Raw, double[] Normalized);

    /// <param name="graph">The graph; for directed graphs paths follow edge direction.</param>
    /// <param name="weighted">Use edge weights as distances (Dijkstra) instead of hop counts (BFS). Weights must be positive.</param>
    /// <param name="maxThreads">Threads to use; -1 for all cores.</param>
    /// <param name="cancellationToken">Checked before each batch of searches: a cancelled run stops within one batch per thread.</param>
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
        var sourceGroups = lengths is null ? [] : BandWorker.NearbyGroups(graph, lengths.Out);
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
            if (lengths is not null)
            {
                var bands = new BandWorker(graph, lengths) { VertexWeight = vertexWeight };
                for (var first = part * BandWorker.Lanes; first < n && !cancellationToken.IsCancellationRequested; first += parts * BandWorker.Lanes)
                    bands.AccumulateFrom(sourceGroups.AsSpan(first, Math.Min(BandWorker.Lanes, n - first)));
                dependencies[part] = bands.Dependency;
                return;
            }
            var worker = new WeightedWorker(graph) { VertexWeight = vertexWeight };
            for (var source = part; source < n && !cancellationToken.IsCancellationRequested; source += parts) worker.AccumulateFrom(source);
            dependencies[part] = worker.Dependency;
        });
        cancellationToken.ThrowIfCancellationRequested();
        var total = new double[n];
        foreach (var dependency in dependencies)
            for (var v = 0; v < n; v++) total[v] += dependency[v];
        return total;
    }

    /// <summary>The weights as whole numbers, as the band search reads them.</summary>
    /// <param name="Out">The out-ties' lengths beside <see cref="CompactGraph.Targets"/>, two bytes each.</param>
    /// <param name="InTies">The in-ties, each its source and length in one int (<see cref="TieLengthBits"/>), so that a
    /// visit's sweep reads one array and leaves more of the cache to its distances.</param>
    /// <param name="Shortest">The shortest tie, W: the width of a band.</param>
    /// <param name="Largest">The longest tie.</param>
    /// <param name="Bound">A distance no shortest path passes.</param>
    public sealed record BandLengths(ushort[] Out, int[] InTies, int Shortest, int Largest, long Bound)
    {
        /// <summary>
        /// Whether a search's bands are few enough (at most <see cref="MaxScannedBands"/>, counted from the bound) that each
        /// one's vertices are found by reading every vertex's distances rather than from a queue. A directed graph's
        /// bound, n − 1 of the longest ties, lets only small ones (n ≤ 64) be scanned.
        /// </summary>
        public bool Scanned => Bound / Shortest < MaxScannedBands;
    }

    /// <summary>
    /// The weights as whole numbers for the band search. Null unless every weight is a whole number from 1 to
    /// <see cref="MaxWholeLength"/>, there are fewer than 2²⁰ vertices, and no shortest distance can pass
    /// <see cref="MaxBandDistance"/>.
    /// </summary>
    public static BandLengths? WholeLengths(CompactGraph graph)
    {
        var largest = 1;
        foreach (var w in graph.EdgeWeight)
        {
            if (!(w >= 1 && w <= MaxWholeLength && w == Math.Floor(w))) return null;
            largest = Math.Max(largest, (int)w);
        }
        if (graph.VertexCount >= MaxBandVertices) return null;
        var outLengths = Array.ConvertAll(graph.Weights, w => (ushort)w);
        var bound = DistanceBound(graph, outLengths, largest);
        if (bound > MaxBandDistance) return null;
        var incoming = graph.Reverse;
        var inTies = new int[incoming.Targets.Length];
        for (var k = 0; k < inTies.Length; k++) inTies[k] = incoming.Targets[k] << TieLengthBits | (int)incoming.Weights[k];
        var shortest = outLengths.Length == 0 ? 1 : outLengths.Min();
        return new BandLengths(outLengths, inTies, shortest, largest, bound);
    }

    /// <summary>
    /// A distance no shortest path passes: on an undirected graph twice the farthest distance from the first vertex of
    /// each component (d(a, b) ≤ d(a, x) + d(x, b)), found by Dijkstra's search; on a directed graph n − 1 of the longest ties.
    /// </summary>
    private static long DistanceBound(CompactGraph graph, ushort[] lengths, int largest)
    {
        var n = graph.VertexCount;
        if (graph.Directed) return (long)Math.Max(n - 1, 0) * largest;
        var distance = new long[n];
        Array.Fill(distance, -1);
        var nearest = new PriorityQueue<int, long>();
        long farthest = 0;
        for (var root = 0; root < n; root++)
        {
            if (distance[root] >= 0) continue;
            distance[root] = 0;
            nearest.Enqueue(root, 0);
            while (nearest.TryDequeue(out var v, out var d))
            {
                if (d > distance[v]) continue;
                farthest = Math.Max(farthest, d);
                for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++)
                {
                    var w = graph.Targets[k];
                    var through = d + lengths[k];
                    if (distance[w] >= 0 && distance[w] <= through) continue;
                    distance[w] = through;
                    nearest.Enqueue(w, through);
                }
            }
        }
        return 2 * farthest;
    }

    /// <summary>Dijkstra searches with weights as distances.</summary>
    private sealed class WeightedWorker
    {
        private readonly CompactGraph _graph;
        private readonly double[] _distance;
        private readonly double[] _sigma;
        private readonly double[] _delta;
        private readonly int[] _order;
        private readonly int[] _settledAt;
        private readonly PriorityQueue<int, double> _heap = new();

        /// <summary>Sum over the sources handled so far of each vertex's dependency δ_s(v).</summary>
        public readonly double[] Dependency;

        /// <summary>How many actors each vertex stands for; null for one each.</summary>
        public double[]? VertexWeight { get; init; }


        public WeightedWorker(CompactGraph graph)
        {
            var n = graph.VertexCount;
            _graph = graph;
            _distance = new double[n];
            _sigma = new double[n];
            _delta = new double[n];
            _order = new int[n];
            _settledAt = new int[n];
            Dependency = new double[n];
            Array.Fill(_distance, -1);
            Array.Fill(_settledAt, -1);
        }

        public void AccumulateFrom(int source)
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
                var coefficient = (WeightOf(VertexWeight, w) + _delta[w]) / _sigma[w];
                var dw = _distance[w];
                for (var k = inOffsets[w]; k < inOffsets[w + 1]; k++)
                {
                    var v = inTargets[k];
                    if (_settledAt[v] >= 0 && _settledAt[v] < i && _distance[v] + inWeights[k] == dw) _delta[v] += _sigma[v] * coefficient;
                }
                Dependency[w] += WeightOf(VertexWeight, source) * _delta[w];
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
}
