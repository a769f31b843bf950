using ResourceMap.Graph.Centrality;

namespace ResourceMap.Graph.Tests;

/// <summary>
/// Issue 18: betweenness assembled from blocks, reusing the unchanged blocks of the previous computation, equals Brandes'
/// algorithm on the whole graph after every one of 200 random edits.
/// </summary>
public class BlockBetweennessTests
{
    /// <summary>Communities of 2,000 actors: 80 clusters (a ring and chords) joined in a tree, with pendant actors.</summary>
    private static HashSet<(int, int)> Clustered(Random random, int n)
    {
        var edges = new HashSet<(int, int)>();
        void Add(int a, int b) { if (a != b) edges.Add((Math.Min(a, b), Math.Max(a, b))); }
        const int clusters = 80, size = 20;
        for (var c = 0; c < clusters; c++)
        {
            var first = c * size;
            for (var i = 0; i < size; i++) Add(first + i, first + (i + 1) % size);
            for (var chord = 0; chord < 6; chord++) Add(first + random.Next(size), first + random.Next(size));
            if (c > 0) Add(first + random.Next(size), random.Next(c) * size + random.Next(size));
        }
        for (var v = clusters * size; v < n; v++) Add(v, random.Next(v));
        return edges;
    }

    private static CompactGraph Build(int n, IEnumerable<(int A, int B)> edges, Func<(int, int), double> weight)
    {
        var builder = new GraphBuilder(n, directed: false);
        foreach (var e in edges.Order()) builder.AddEdge(e.A, e.B, weight(e));
        return builder.Build();
    }

    private static void AssertSame(double[] expected, double[] actual, string step)
    {
        for (var v = 0; v < expected.Length; v++)
            Assert.True(Math.Abs(expected[v] - actual[v]) <= 1e-9 * Math.Max(1, Math.Abs(expected[v])), $"{step}: vertex {v}: {actual[v]} against {expected[v]}");
    }

    [Fact]
    public void After_each_of_200_random_inserts_and_deletes_the_reused_blocks_give_brandes_values()
    {
        const int n = 2000;
        var random = new Random(18);
        var edges = Clustered(random, n);
        var ids = Enumerable.Range(0, n).Select(v => 1000 + v).ToArray();
        BlockBetweenness.Cache? cache = null;
        var reused = 0;
        for (var step = 0; step <= 200; step++)
        {
            if (step > 0)
            {
                if (random.Next(2) == 0)
                {
                    // An insert: mostly inside a cluster (one block changes), sometimes between two (blocks merge).
                    var a = random.Next(n);
                    var b = random.Next(3) == 0 ? random.Next(n) : a / 20 * 20 + random.Next(20) % 20;
                    if (a != b && b < n) edges.Add((Math.Min(a, b), Math.Max(a, b)));
                }
                else edges.Remove(edges.ElementAt(random.Next(edges.Count))); // a delete: a block may split, a part fall off
            }
            var graph = Build(n, edges, _ => 1);
            var (result, next) = BlockBetweenness.Compute(graph, weighted: false, ids, cache);
            var brandes = Betweenness.Compute(graph, weighted: false);
            AssertSame(brandes.Raw, result.Raw, $"step {step}");
            AssertSame(brandes.Normalized, result.Normalized, $"step {step}");
            if (step > 0) reused += next.Reused;
            cache = next;
        }
        // Most blocks of each step were taken from the step before, not computed again.
        Assert.True(reused > 200 * cache!.Blocks / 2, $"only {reused} blocks reused in 200 steps of about {cache.Blocks}");
    }

    [Fact]
    public void Weighted_lengths_give_brandes_values_too_and_renumbered_vertices_keep_their_blocks()
    {
        const int n = 600;
        var random = new Random(5);
        var edges = Clustered(random, n).Where(e => e.Item1 < n && e.Item2 < n).ToHashSet();
        var lengths = edges.ToDictionary(e => e, _ => 60.0 / random.Next(1, 6));
        var graph = Build(n, edges, e => lengths[e]);
        var ids = Enumerable.Range(0, n).ToArray();
        var (result, cache) = BlockBetweenness.Compute(graph, weighted: true, ids);
        AssertSame(Betweenness.Compute(graph, weighted: true).Raw, result.Raw, "weighted");

        // The same network with its vertices numbered backwards: every block is found in the cache under its actors' ids.
        var reversed = Build(n, edges.Select(e => (n - 1 - e.Item2, n - 1 - e.Item1)), e => lengths[(n - 1 - e.Item2, n - 1 - e.Item1)]);
        var (again, second) = BlockBetweenness.Compute(reversed, weighted: true, ids.Reverse().ToArray(), cache);
        Assert.Equal(cache.Blocks, second.Reused);
        AssertSame(result.Raw.Reverse().ToArray(), again.Raw, "renumbered");
    }

    [Fact]
    public void A_path_and_an_isolated_actor_by_hand()
    {
        // 0 – 1 – 2 – 3, and 4 alone: 1 lies on 0–2 and 0–3, 2 on 0–3 and 1–3.
        var graph = Build(5, [(0, 1), (1, 2), (2, 3)], _ => 1);
        var (result, _) = BlockBetweenness.Compute(graph, weighted: false, [0, 1, 2, 3, 4]);
        Assert.Equal([0, 2, 2, 0, 0], result.Raw);
    }
}
