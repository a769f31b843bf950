using ResourceMap.Graph.Centrality;

namespace ResourceMap.Graph.Tests;

/// <summary>
/// Weighted betweenness over whole-number tie lengths, sixteen searches at a time in bands (issue 18), against the binary-heap search,
/// which the networkx fixtures check: the same graphs with the lengths divided by 64 are no longer whole numbers (so they
/// take the heap) while every sum stays exact in binary floating point (so equal paths stay equal).
/// </summary>
public class BandSearchTests
{
    /// <summary>60/strength for strengths 1–5, as the network's ties are measured.</summary>
    private static readonly int[] StrengthLengths = [12, 15, 20, 30, 60];

    private static CompactGraph Lengths(int n, int m, int seed, double scale, int[] lengths, bool directed)
    {
        var random = new Random(seed);
        var builder = new GraphBuilder(n, directed);
        var seen = new HashSet<(int, int)>();
        while (seen.Count < m)
        {
            int a = random.Next(n), b = random.Next(n);
            if (a == b || !seen.Add(directed ? (a, b) : (Math.Min(a, b), Math.Max(a, b)))) continue;
            builder.AddEdge(a, b, lengths[random.Next(lengths.Length)] * scale);
        }
        return builder.Build();
    }

    // scanned: each band's vertices found by reading every vertex's distances (few bands), not from a queue.
    [Theory]
    [InlineData(300, 900, 1, false, null, true)]
    [InlineData(500, 700, 2, false, null, true)] // sparse: several components and long paths
    [InlineData(200, 1500, 3, false, null, true)] // dense: many equally short paths
    [InlineData(250, 1000, 4, true, null, false)]
    [InlineData(30, 120, 8, true, new[] { 3, 4, 5 }, true)]
    [InlineData(260, 700, 5, false, new[] { 1, 2, 3 }, true)] // bands one unit wide
    [InlineData(260, 700, 6, false, new[] { 7, 1024 }, false)] // the longest tie 146 bands long
    [InlineData(260, 700, 7, true, new[] { 3, 4, 5, 9 }, false)]
    public void Bands_give_the_heap_searchs_betweenness(int n, int m, int seed, bool directed, int[]? lengths, bool scanned)
    {
        var whole = Lengths(n, m, seed, 1, lengths ?? StrengthLengths, directed);
        var fractional = Lengths(n, m, seed, 1 / 64.0, lengths ?? StrengthLengths, directed);
        Assert.Equal(scanned, Betweenness.WholeLengths(whole)?.Scanned);
        Assert.Null(Betweenness.WholeLengths(fractional));
        var bands = Betweenness.Compute(whole, weighted: true);
        var heap = Betweenness.Compute(fractional, weighted: true);
        for (var v = 0; v < n; v++)
        {
            Assert.Equal(heap.Raw[v], bands.Raw[v], 9);
            Assert.Equal(heap.Normalized[v], bands.Normalized[v], 12);
        }
        Assert.Contains(bands.Raw, b => b > 0);
    }

    [Fact]
    public void Equally_short_paths_through_different_lengths_share_the_pair_by_hand()
    {
        // a–b 12 + b–d 15 = a–c 15 + c–d 12 = 27 < a–d 30: a–d's two shortest paths give b and c half each; b–c's
        // (through a, 12 + 15, or d, 15 + 12) give a and d half each. Every other pair is joined by its own tie.
        var builder = new GraphBuilder(4, directed: false);
        builder.AddEdge(0, 1, 12);
        builder.AddEdge(1, 3, 15);
        builder.AddEdge(0, 2, 15);
        builder.AddEdge(2, 3, 12);
        builder.AddEdge(0, 3, 30);
        Assert.Equal([0.5, 0.5, 0.5, 0.5], Betweenness.Compute(builder.Build(), weighted: true).Raw);
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

    /// <summary>A path of n actors whose middle one is vertex 0 (where the band search's bound on distances starts), ties of the given length.</summary>
    private static CompactGraph PathFromTheMiddle(int n, int length)
    {
        var builder = new GraphBuilder(n, directed: false);
        for (var p = 0; p + 1 < n; p++) builder.AddEdge(VertexAt(p, n), VertexAt(p + 1, n), length);
        return builder.Build();
    }

    /// <summary>The vertex at position p of <see cref="PathFromTheMiddle"/>: the middle position holds 0, the others shift up.</summary>
    private static int VertexAt(int p, int n) => p == n / 2 ? 0 : p < n / 2 ? p + 1 : p;

    // scanned: null where the heap takes the path.
    [Theory]
    [InlineData(61, true)] // bounded by 2 · 30 · 60 = 3,600: 61 bands, read by scanning every vertex
    [InlineData(1001, false)] // the longest distance 60,000: past 2¹⁵, within two bytes; 1,000 bands, queued
    [InlineData(1101, null)] // 66,000 would not fit: the heap takes it
    public void A_long_path_gives_each_actor_the_pairs_on_either_side_by_hand(int n, bool? scanned)
    {
        // On a path the actor at position p lies on the one path of each pair with one end on either side: p(n − 1 − p).
        var path = PathFromTheMiddle(n, 60);
        Assert.Equal(scanned, Betweenness.WholeLengths(path)?.Scanned);
        var raw = Betweenness.Compute(path, weighted: true).Raw;
        for (var p = 0; p < n; p++) Assert.Equal((double)p * (n - 1 - p), raw[VertexAt(p, n)]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Actors_without_ties_are_searched_in_bands_and_lie_on_no_path(int n)
    {
        // No tie: every search ends at its source, in band 0, and no actor lies between two others.
        var graph = new GraphBuilder(n, directed: false).Build();
        Assert.True(Betweenness.WholeLengths(graph)?.Scanned);
        Assert.All(Betweenness.Compute(graph, weighted: true).Raw, value => Assert.Equal(0, value));
    }

    [Fact]
    public void Lengths_too_long_or_not_whole_take_the_heap()
    {
        var builder = new GraphBuilder(3, directed: false);
        builder.AddEdge(0, 1, Betweenness.MaxWholeLength + 1);
        builder.AddEdge(1, 2, 1);
        Assert.Null(Betweenness.WholeLengths(builder.Build()));
        var half = new GraphBuilder(3, directed: false);
        half.AddEdge(0, 1, 0.5);
        half.AddEdge(1, 2, 1);
        Assert.Null(Betweenness.WholeLengths(half.Build()));
        Assert.Equal([0, 1, 0], Betweenness.Compute(half.Build(), weighted: true).Raw);
    }
}
