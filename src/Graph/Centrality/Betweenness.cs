namespace ResourceMap.Graph.Centrality;

/// <summary>
/// Exact shortest-path betweenness by Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness centrality",
/// J. Math. Sociology 25(2), 2001; variants in Brandes, Social Networks 30(2), 2008). O(nm) time unweighted and
/// O(nm + n² log n) weighted, O(n + m) memory per worker thread; sources are split between threads.
/// Values follow networkx 2.8's <c>betweenness_centrality</c>: undirected raw values are halved, and normalised values
/// divide the sum over ordered pairs by (n−1)(n−2).
/// </summary>
public static class Betweenness
{
    public sealed record Result(double[] Raw, double[] Normalized);

    /// <param name="graph">The graph; for directed graphs paths follow edge direction.</param>
    /// <param name="weighted">Use edge weights as distances (Dijkstra) instead of hop counts (BFS). Weights must be positive.</param>
    /// <param name="maxThreads">Threads to use; -1 for all cores.</param>
    public static Result Compute(CompactGraph graph, bool weighted, int maxThreads = -1)
    {
        var n = graph.VertexCount;
        var total = new double[n];
        var gate = new object();
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxThreads },
            () => new Worker(graph, weighted),
            (source, _, worker) =>
            {
                worker.AccumulateFrom(source);
                return worker;
            },
            worker =>
            {
                lock (gate) for (var v = 0; v < n; v++) total[v] += worker.Dependency[v];
            });

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

    /// <summary>One thread's buffers, allocated once and reset only where a search touched them.</summary>
    private sealed class Worker
    {
        private readonly CompactGraph _graph;
        private readonly CompactGraph _incoming;
        private readonly bool _weighted;
        private readonly double[] _distance;
        private readonly double[] _sigma;
        private readonly double[] _delta;
        private readonly int[] _order;
        private readonly int[] _popped;
        private readonly PriorityQueue<int, double>? _heap;

        public Worker(CompactGraph graph, bool weighted)
        {
            var n = graph.VertexCount;
            _graph = graph;
            _incoming = graph.Reverse;
            _weighted = weighted;
            _distance = new double[n];
            _sigma = new double[n];
            _delta = new double[n];
            _order = new int[n];
            _popped = new int[n];
            Dependency = new double[n];
            Array.Fill(_distance, -1);
            Array.Fill(_popped, -1);
            if (weighted) _heap = new PriorityQueue<int, double>();
        }

        /// <summary>Sum over the sources handled so far of each vertex's dependency δ_s(v).</summary>
        public double[] Dependency { get; }

        public void AccumulateFrom(int source)
        {
            var reached = _weighted ? Dijkstra(source) : BreadthFirst(source);
            var offsets = _incoming.Offsets;
            var targets = _incoming.Targets;
            var weights = _incoming.Weights;
            // Dependencies flow back from the farthest vertices (Brandes 2001, Theorem 6).
            for (var i = reached - 1; i > 0; i--)
            {
                var w = _order[i];
                var coefficient = (1 + _delta[w]) / _sigma[w];
                var dw = _distance[w];
                for (var k = offsets[w]; k < offsets[w + 1]; k++)
                {
                    var v = targets[k];
                    if (_distance[v] < 0) continue;
                    var onPath = _weighted
                        ? _popped[v] < _popped[w] && _distance[v] + weights[k] == dw
                        : _distance[v] == dw - 1;
                    if (onPath) _delta[v] += _sigma[v] * coefficient;
                }
                Dependency[w] += _delta[w];
            }
            for (var i = 0; i < reached; i++)
            {
                var v = _order[i];
                _distance[v] = -1;
                _sigma[v] = 0;
                _delta[v] = 0;
                _popped[v] = -1;
            }
        }

        private int BreadthFirst(int source)
        {
            var offsets = _graph.Offsets;
            var targets = _graph.Targets;
            _distance[source] = 0;
            _sigma[source] = 1;
            int head = 0, tail = 0;
            _order[tail++] = source;
            while (head < tail)
            {
                var v = _order[head++];
                var next = _distance[v] + 1;
                var sv = _sigma[v];
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    var w = targets[k];
                    if (_distance[w] < 0)
                    {
                        _distance[w] = next;
                        _order[tail++] = w;
                    }
                    if (_distance[w] == next) _sigma[w] += sv;
                }
            }
            return tail;
        }

        private int Dijkstra(int source)
        {
            var heap = _heap!;
            var offsets = _graph.Offsets;
            var targets = _graph.Targets;
            var weights = _graph.Weights;
            // _distance holds tentative distances for seen vertices; _popped marks settled ones with their rank.
            _distance[source] = 0;
            _sigma[source] = 1;
            heap.Enqueue(source, 0);
            var settled = 0;
            while (heap.TryDequeue(out var v, out var d))
            {
                if (_popped[v] >= 0 || d > _distance[v]) continue;
                _popped[v] = settled;
                _order[settled++] = v;
                var sv = _sigma[v];
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    var w = targets[k];
                    if (_popped[w] >= 0) continue;
                    var candidate = d + weights[k];
                    if (_distance[w] < 0 || candidate < _distance[w])
                    {
                        _distance[w] = candidate;
                        _sigma[w] = sv;
                        heap.Enqueue(w, candidate);
                    }
                    else if (candidate == _distance[w])
                    {
                        _sigma[w] += sv;
                    }
                }
            }
            // Vertices seen but never settled cannot exist: every seen vertex is eventually dequeued.
            return settled;
        }
    }
}
