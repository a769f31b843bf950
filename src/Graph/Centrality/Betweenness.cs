using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ResourceMap.Graph.Paths;

namespace ResourceMap.Graph.Centrality;

/// <summary>
/// Exact shortest-path betweenness by Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness centrality",
/// J. Math. Sociology 25(2), 2001; variants in Brandes, Social Networks 30(2), 2008). O(nm) time unweighted and
/// O(nm + n² log n) weighted, O(n + m) memory per worker thread; sources are split between threads.
/// Counting hops, the same searches also summarise distances for closeness and harmonic centrality, so all three cost
/// one pass. Values follow networkx 2.8's <c>betweenness_centrality</c>: undirected raw values are halved, and
/// normalised values divide the sum over ordered pairs by (n−1)(n−2).
/// </summary>
public static class Betweenness
{
    /// <param name="Raw">Betweenness as networkx gives it with normalized=False.</param>
    /// <param name="Normalized">Betweenness as networkx gives it with normalized=True.</param>
    /// <param name="Distances">Hop distances summarised by the same searches; null when weights were distances.</param>
    public sealed record Result(double[] Raw, double[] Normalized, HopDistances.Summary? Distances);

    /// <param name="graph">The graph; for directed graphs paths follow edge direction.</param>
    /// <param name="weighted">Use edge weights as distances (Dijkstra) instead of hop counts (BFS). Weights must be positive.</param>
    /// <param name="maxThreads">Threads to use; -1 for all cores.</param>
    public static Result Compute(CompactGraph graph, bool weighted, int maxThreads = -1)
    {
        var n = graph.VertexCount;
        var total = new double[n];
        var distances = weighted ? null : HopDistances.Tally.NewSummary(n);
        var gate = new object();
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxThreads },
            () => weighted ? (Worker)new WeightedWorker(graph) : new HopWorker(graph, distances!),
            (source, _, worker) =>
            {
                worker.AccumulateFrom(source);
                return worker;
            },
            worker =>
            {
                lock (gate) for (var v = 0; v < n; v++) total[v] += worker.Dependency[v];
                if (worker is HopWorker hops) hops.Tally.MergeInto(distances!, gate);
            });

        var raw = new double[n];
        var normalized = new double[n];
        var rawScale = graph.Directed ? 1.0 : 0.5;
        for (var v = 0; v < n; v++)
        {
            raw[v] = total[v] * rawScale;
            normalized[v] = n > 2 ? total[v] * (1.0 / ((n - 1.0) * (n - 2.0))) : total[v];
        }
        return new Result(raw, normalized, distances);
    }

    private abstract class Worker(int n)
    {
        /// <summary>Sum over the sources handled so far of each vertex's dependency δ_s(v).</summary>
        public readonly double[] Dependency = new double[n];

        public abstract void AccumulateFrom(int source);
    }

    /// <summary>Breadth-first searches; buffers are allocated once and reset only where a search touched them.</summary>
    private sealed class HopWorker : Worker
    {
        private readonly CompactGraph _graph;
        private readonly HopDistances.Summary _summary;
        private readonly int[] _distance;
        private readonly double[] _sigma;
        private readonly double[] _delta;
        private readonly int[] _order;
        public readonly HopDistances.Tally Tally;

        public HopWorker(CompactGraph graph, HopDistances.Summary summary) : base(graph.VertexCount)
        {
            var n = graph.VertexCount;
            _graph = graph;
            _summary = summary;
            _distance = new int[n];
            Array.Fill(_distance, -1);
            _sigma = new double[n];
            _delta = new double[n];
            _order = new int[n];
            Tally = new HopDistances.Tally(n);
        }

        public override void AccumulateFrom(int source)
        {
            ref var offsets = ref MemoryMarshal.GetArrayDataReference(_graph.Offsets);
            ref var targets = ref MemoryMarshal.GetArrayDataReference(_graph.Targets);
            ref var distance = ref MemoryMarshal.GetArrayDataReference(_distance);
            ref var sigma = ref MemoryMarshal.GetArrayDataReference(_sigma);
            ref var delta = ref MemoryMarshal.GetArrayDataReference(_delta);
            ref var order = ref MemoryMarshal.GetArrayDataReference(_order);
            ref var dependency = ref MemoryMarshal.GetArrayDataReference(Dependency);

            int head = 0, tail = 0;
            Unsafe.Add(ref distance, source) = 0;
            Unsafe.Add(ref sigma, source) = 1;
            Unsafe.Add(ref order, tail++) = source;
            while (head < tail)
            {
                var v = Unsafe.Add(ref order, head++);
                var next = Unsafe.Add(ref distance, v) + 1;
                var sv = Unsafe.Add(ref sigma, v);
                var end = Unsafe.Add(ref offsets, v + 1);
                for (var k = Unsafe.Add(ref offsets, v); k < end; k++)
                {
                    var w = Unsafe.Add(ref targets, k);
                    ref var dw = ref Unsafe.Add(ref distance, w);
                    if (dw < 0)
                    {
                        dw = next;
                        Unsafe.Add(ref order, tail++) = w;
                    }
                    if (dw == next) Unsafe.Add(ref sigma, w) += sv;
                }
            }

            Tally.Add(source, _order, _distance, tail, _summary);

            // Dependencies flow back from the farthest vertices (Brandes 2001, Theorem 6). Each vertex pulls from its successors
            // (d(w) = d(v) + 1) the value c(w) = (1 + δ(w)) / σ(w), kept in delta, so the loop reads at random but writes in order.
            for (var i = tail - 1; i >= 0; i--)
            {
                var v = Unsafe.Add(ref order, i);
                var successorLevel = Unsafe.Add(ref distance, v) + 1;
                double pulled = 0;
                var end = Unsafe.Add(ref offsets, v + 1);
                for (var k = Unsafe.Add(ref offsets, v); k < end; k++)
                {
                    var w = Unsafe.Add(ref targets, k);
                    if (Unsafe.Add(ref distance, w) == successorLevel) pulled += Unsafe.Add(ref delta, w);
                }
                var sv = Unsafe.Add(ref sigma, v);
                var dependencyOfV = sv * pulled;
                if (i > 0) Unsafe.Add(ref dependency, v) += dependencyOfV;
                Unsafe.Add(ref delta, v) = (1 + dependencyOfV) / sv;
            }
            for (var i = 0; i < tail; i++)
            {
                var v = Unsafe.Add(ref order, i);
                Unsafe.Add(ref distance, v) = -1;
                Unsafe.Add(ref sigma, v) = 0;
                Unsafe.Add(ref delta, v) = 0;
            }
        }
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
                var coefficient = (1 + _delta[w]) / _sigma[w];
                var dw = _distance[w];
                for (var k = inOffsets[w]; k < inOffsets[w + 1]; k++)
                {
                    var v = inTargets[k];
                    if (_settledAt[v] >= 0 && _settledAt[v] < i && _distance[v] + inWeights[k] == dw) _delta[v] += _sigma[v] * coefficient;
                }
                Dependency[w] += _delta[w];
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
