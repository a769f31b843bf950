using ResourceMap.Graph.Centrality;

namespace ResourceMap.Graph.Tests;

/// <summary>
/// Weighted betweenness over whole-number tie lengths through Dial's buckets (issue 18) against the binary-heap search,
/// which the networkx fixtures check: the same graphs with the lengths divided by 64 are no longer whole numbers (so they
/// take the heap) while every sum stays exact in binary floating point (so equal paths stay equal).
/// </summary>
public class BucketSearchTests
{
    private static CompactGraph Strengths(int n, int m, int seed, double scale, bool directed = false)
    {
        var random = new Random(seed);
        var builder = new GraphBuilder(n, directed);
        var seen = new HashSet<(int, int)>();
        while (seen.Count < m)
        {
            int a = random.Next(n), b = random.Next(n);
            if (a == b || !seen.Add(directed ? (a, b) : (Math.Min(a, b), Math.Max(a, b)))) continue;
            builder.AddEdge(a, b, 60 / random.Next(1, 6) * scale); // 60/strength: 12, 15, 20, 30 or 60
        }
        return builder.Build();
    }

    [Theory]
    [InlineData(300, 900, 1, false)]
    [InlineData(500, 700, 2, false)] // sparse: several components and long paths
    [InlineData(200, 1500, 3, false)] // dense: many equally short paths
    [InlineData(250, 1000, 4, true)]
    public void Buckets_give_the_heap_searchs_betweenness(int n, int m, int seed, bool directed)
    {
        var whole = Strengths(n, m, seed, 1, directed);
        var fractional = Strengths(n, m, seed, 1 / 64.0, directed);
        Assert.NotNull(Betweenness.WholeLengths(whole));
        Assert.Null(Betweenness.WholeLengths(fractional));
        var buckets = Betweenness.Compute(whole, weighted: true);
        var heap = Betweenness.Compute(fractional, weighted: true);
        for (var v = 0; v < n; v++)
        {
            Assert.Equal(heap.Raw[v], buckets.Raw[v], 9);
            Assert.Equal(heap.Normalized[v], buckets.Normalized[v], 12);
        }
        Assert.Contains(buckets.Raw, b => b > 0);
    }

    [Fact]
    public void A_strong_detour_beats_a_weak_direct_tie_by_hand()
    {
        // a–b weak (strength 1: 60), a–c–b strong (strength 5: 12 + 12 = 24): every a–b path runs through c.
        var builder = new GraphBuilder(4, directed: false);
        builder.AddEdge(0, 1, 60);
        builder.AddEdge(0, 2, 12);
        builder.AddEdge(2, 1, 12);
        builder.AddEdge(1, 3, 30);
        var result = Betweenness.Compute(builder.Build(), weighted: true);
        // c lies on a–b and a–d; b lies on a–d and c–d; a and d lie on none.
        Assert.Equal([0, 2, 2, 0], result.Raw);
    }

    [Fact]
    public void Lengths_too_long_or_not_whole_take_the_heap()
    {
        var builder = new GraphBuilder(3, directed: false);
        builder.AddEdge(0, 1, Betweenness.MaxBucketWeight + 1);
        builder.AddEdge(1, 2, 1);
        Assert.Null(Betweenness.WholeLengths(builder.Build()));
        var half = new GraphBuilder(3, directed: false);
        half.AddEdge(0, 1, 0.5);
        half.AddEdge(1, 2, 1);
        Assert.Null(Betweenness.WholeLengths(half.Build()));
        Assert.Equal([0, 1, 0], Betweenness.Compute(half.Build(), weighted: true).Raw);
    }
}
