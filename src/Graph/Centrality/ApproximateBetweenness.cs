namespace ResourceMap.Graph.Centrality;

/// <summary>
/// Betweenness estimated from uniformly sampled shortest paths (M. Riondato &amp; E. Kornaropoulos, "Fast approximation of
/// betweenness centrality through sampling", Data Mining and Knowledge Discovery 30(2), 2016). With
/// r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ samples (c = 0.5, VD the vertex diameter, bounded above from a search),
/// every normalised estimate is within ε of the exact value with probability at least 1 − δ. Each sample is one
/// hop-count search stopped at its target's level: O(r · m) time, O(n) memory per thread. Undirected view; with
/// <c>weighted</c>, edge weights are lengths and each sample a Dijkstra search stopped at its target (O(r · m log n)),
/// the vertex diameter then bounded by the hop bound times the ratio of the longest to the shortest edge (a shortest
/// path of length L has at most L / shortest edges, and L is at most the hop distance times the longest).
/// </summary>
public static class ApproximateBetweenness
{
    /// <param name="Raw">Estimates on networkx's normalized=False scale.</param>
    /// <param name="Normalized">Estimates on networkx's normalized=True scale.</param>
    /// <param name="Epsilon">Largest error of any normalised estimate (networkx's normalized scale), with probability 1 − δ.</param>
    /// <param name="Delta">Probability that some estimate misses by more than ε.</param>
    /// <param name="Samples">Shortest paths sampled.</param>
    public sealed record Result(double[] Raw, double[] Normalized, double Epsilon, double Delta, int Samples);

    /// <param name="graph">The graph (read undirected).</param>
    /// <param name="epsilon">Largest error of a normalised estimate.</param>
    /// <param name="delta">Probability that some estimate misses by more.</param>
    /// <param name="seed">Seed of the sampling.</param>
    /// <param name="maxThreads">Threads to use; -1 for all cores.</param>
    /// <param name="weighted">Edge weights are lengths (positive); otherwise every edge counts one hop.</param>
    /// <param name="cancellationToken">Checked between samples.</param>
    public static Result Compute(CompactGraph graph, double epsilon = 0.05, double delta = 0.1, int seed = 1, int maxThreads = -1, bool weighted = false,
        CancellationToken cancellationToken = default)
    {
        var g = graph.ToUndirected();
        var n = g.VertexCount;
        if (n < 3) return new Result(new double[n], new double[n], 0, delta, 0);

        var lengthRatio = weighted && g.EdgeCount > 0 ? g.EdgeWeight.Max() / g.EdgeWeight.Min() : 1;
        var vertexDiameter = (int)Math.Min(n, Math.Ceiling((VertexDiameterBound(g) - 1) * lengthRatio) + 1);
        var samples = (int)Math.Ceiling(0.5 / (epsilon * epsilon) * (Math.Floor(Math.Log2(Math.Max(1, vertexDiameter - 2))) + 1 + Math.Log(1 / delta)));
        var hits = new double[n];
        var gate = new object();
        var workers = maxThreads > 0 ? maxThreads : Environment.ProcessorCount;
        Parallel.For(0, workers, Parallelism.Options(workers, cancellationToken), worker =>
        {
            var random = new Random(seed * 7919 + worker);
            var local = new double[n];
            var distance = new double[n];
            var sigma = new double[n];
            var order = new int[n];
            var heap = new PriorityQueue<int, double>();
            Array.Fill(distance, -1);
            for (var s = worker; s < samples && !cancellationToken.IsCancellationRequested; s += workers)
            {
                int u = random.Next(n), v = random.Next(n - 1);
                if (v >= u) v++;
                var reached = weighted ? WeightedSearch(g, u, v, distance, sigma, order, heap) : Search(g, u, v, distance, sigma, order);
                if (distance[v] > 0 && sigma[v] > 0)
                {
                    // Walk back from v choosing each predecessor with probability σ(p)/σ(w): a uniform shortest path.
                    var w = v;
                    while (true)
                    {
                        var pick = random.NextDouble() * sigma[w];
                        var previous = -1;
                        for (var k = g.Offsets[w]; k < g.Offsets[w + 1]; k++)
                        {
                            var p = g.Targets[k];
                            if (distance[p] < 0 || distance[p] + (weighted ? g.Weights[k] : 1) != distance[w]) continue;
                            previous = p;
                            pick -= sigma[p];
                            if (pick < 0) break;
                        }
                        if (previous == u) break;
                        local[previous] += 1;
                        w = previous;
                    }
                }
                for (var i = 0; i < reached; i++) { distance[order[i]] = -1; sigma[order[i]] = 0; }
            }
            lock (gate) for (var x = 0; x < n; x++) hits[x] += local[x];
        });
        cancellationToken.ThrowIfCancellationRequested();

        // hits/r estimates Σ_{ordered pairs} σ_uv(w)/σ_uv divided by n(n−1).
        var raw = new double[n];
        var normalized = new double[n];
        for (var x = 0; x < n; x++)
        {
            var fraction = hits[x] / samples;
            normalized[x] = fraction * n / (n - 2.0);
            raw[x] = fraction * n * (n - 1.0) / 2;
        }
        return new Result(raw, normalized, epsilon * n / (n - 2.0), delta, samples);
    }

    /// <summary>Dijkstra's search from u with path counts, stopped once v is settled. Returns the vertices touched (in order).</summary>
    private static int WeightedSearch(CompactGraph g, int u, int v, double[] distance, double[] sigma, int[] order, PriorityQueue<int, double> heap)
    {
        var tail = 0;
        var settled = new HashSet<int>();
        distance[u] = 0;
        sigma[u] = 1;
        order[tail++] = u;
        heap.Clear();
        heap.Enqueue(u, 0);
        while (heap.TryDequeue(out var x, out var d))
        {
            if (d > distance[x] || !settled.Add(x)) continue;
            if (x == v) break;
            for (var k = g.Offsets[x]; k < g.Offsets[x + 1]; k++)
            {
                var y = g.Targets[k];
                if (settled.Contains(y)) continue;
                var candidate = d + g.Weights[k];
                if (distance[y] < 0 || candidate < distance[y])
                {
                    if (distance[y] < 0) order[tail++] = y;
                    distance[y] = candidate;
                    sigma[y] = sigma[x];
                    heap.Enqueue(y, candidate);
                }
                else if (candidate == distance[y])
                {
                    sigma[y] += sigma[x];
                }
            }
        }
        return tail;
    }

    /// <summary>Breadth-first search from u with path counts, stopped once v's level is complete. Returns vertices touched.</summary>
    private static int Search(CompactGraph g, int u, int v, double[] distance, double[] sigma, int[] order)
    {
        int head = 0, tail = 0;
        distance[u] = 0;
        sigma[u] = 1;
        order[tail++] = u;
        while (head < tail)
        {
            var x = order[head++];
            if (distance[v] >= 0 && distance[x] >= distance[v]) break;
            foreach (var y in g.Neighbours(x))
            {
                if (distance[y] < 0)
                {
                    distance[y] = distance[x] + 1;
                    order[tail++] = y;
                }
                if (distance[y] == distance[x] + 1) sigma[y] += sigma[x];
            }
        }
        return tail;
    }

    /// <summary>An upper bound of the vertex diameter (vertices on a longest shortest path): 2·eccentricity + 1 from one vertex per component.</summary>
    private static int VertexDiameterBound(CompactGraph g)
    {
        var (_, components) = Components.ConnectedComponents.Compute(g);
        var distance = new int[g.VertexCount];
        Array.Fill(distance, -1);
        var queue = new int[g.VertexCount];
        var bound = 1;
        foreach (var component in components)
        {
            if (component.Length < 2) continue;
            int head = 0, tail = 0, far = 0;
            distance[component[0]] = 0;
            queue[tail++] = component[0];
            while (head < tail)
            {
                var x = queue[head++];
                far = distance[x];
                foreach (var y in g.Neighbours(x))
                    if (distance[y] < 0) { distance[y] = distance[x] + 1; queue[tail++] = y; }
            }
            bound = Math.Max(bound, 2 * far + 1);
        }
        return bound;
    }
}
