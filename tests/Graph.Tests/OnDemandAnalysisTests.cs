using ResourceMap.Graph.Centrality;
using ResourceMap.Graph.Network;

namespace ResourceMap.Graph.Tests;

/// <summary>Issue 18: each metric family is computed when first asked for, once; estimates give way to exact values.</summary>
public class OnDemandAnalysisTests
{
    private static NetworkSnapshot Network(int n, int m, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<(int, int)>();
        var ties = new List<Tie>();
        for (var v = 2; v <= n; v++) // a random tree keeps it connected
        {
            var u = random.Next(1, v);
            seen.Add((u, v));
            ties.Add(new Tie(ties.Count + 1, u, v, "Cooperation", random.Next(1, 6), false, null, null));
        }
        while (ties.Count < m)
        {
            int a = random.Next(1, n + 1), b = random.Next(1, n + 1);
            if (a == b || !seen.Add((Math.Min(a, b), Math.Max(a, b)))) continue;
            ties.Add(new Tie(ties.Count + 1, a, b, "Cooperation", random.Next(1, 6), false, null, null));
        }
        return new NetworkSnapshot(1, Enumerable.Range(1, n).Select(i => new Actor(i, $"A{i}", "Association", null, null, null, [], [], [])).ToList(), ties);
    }

    [Fact]
    public void A_network_computes_no_metric_family_until_one_is_read_and_then_only_that_one()
    {
        var network = new ScopedNetwork(Network(200, 500, seed: 1), new NetworkScope());
        Assert.All(Enum.GetValues<MetricFamily>(), f => Assert.False(network.Family(f).IsReady));
        Assert.Equal(200, network.MainNetwork.ActorIds.Count); // the structure is there at once
        _ = network.Analysis.Clustering;
        Assert.Equal([MetricFamily.Clustering], Enum.GetValues<MetricFamily>().Where(f => network.Family(f).IsReady));
    }

    [Fact]
    public void Weighted_betweenness_reads_strong_ties_as_short_ones()
    {
        var snapshot = Network(150, 400, seed: 2);
        var network = new ScopedNetwork(snapshot, new NetworkScope());
        // The same graph with lengths proportional to 1/strength, searched with the heap: (60/strength)/64 is a binary
        // fraction, so equal paths stay equal. (networkx's 1/strength itself is not exact in floating point, and judges a
        // few equally short paths unequal: 1 + 1/3 + 1/3 + 1/3 gives 1.9999999999999998, not 2.)
        var builder = new GraphBuilder(150, directed: false, DuplicateEdges.KeepLarger);
        foreach (var tie in snapshot.Ties) builder.AddEdge(network.IndexOf[tie.SourceId], network.IndexOf[tie.TargetId], 60 / tie.Strength / 64.0);
        var reference = Betweenness.Compute(builder.Build(), weighted: true);
        for (var v = 0; v < 150; v++) Assert.Equal(reference.Raw[v], network.WeightedBetweenness.Raw[v], 9);
    }

    [Fact]
    public void Above_the_exact_limit_betweenness_is_estimated_first_and_then_replaced_by_the_exact_values()
    {
        var snapshot = Network(400, 1000, seed: 3);
        var exact = new ScopedNetwork(snapshot, new NetworkScope());
        var network = new ScopedNetwork(snapshot, new NetworkScope(), new AnalysisOptions(ExactUpTo: 100, RefineUpTo: 1000, Epsilon: 0.03));
        network.Family(MetricFamily.Betweenness).Compute();
        network.Family(MetricFamily.WeightedBetweenness).Compute();
        var approximation = Assert.IsType<Approximation>(network.Analysis.Approximation);
        Assert.NotNull(network.WeightedAnalysis.Approximation);
        var worst = exact.Analysis.BetweennessNormalized.Zip(network.Analysis.BetweennessNormalized, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= approximation.BetweennessEpsilon, $"largest error {worst} above ε = {approximation.BetweennessEpsilon}");
        var worstWeighted = exact.WeightedBetweenness.Normalized.Zip(network.WeightedBetweenness.Normalized, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worstWeighted <= network.WeightedAnalysis.Approximation!.BetweennessEpsilon, $"weighted: largest error {worstWeighted}");
        Assert.NotEqual(exact.Analysis.Betweenness, network.Analysis.Betweenness);

        network.Refinement(MetricFamily.Betweenness)!.Compute();
        network.Refinement(MetricFamily.WeightedBetweenness)!.Compute();
        Assert.Null(network.Analysis.Approximation);
        Assert.Equal(exact.Analysis.Betweenness, network.Analysis.Betweenness);
        Assert.Equal(exact.Analysis.Closeness, network.Analysis.Closeness);
        Assert.Equal(exact.WeightedBetweenness.Raw, network.WeightedBetweenness.Raw);
    }

    [Fact]
    public void Past_the_refinement_limit_the_estimates_stay()
    {
        var network = new ScopedNetwork(Network(300, 600, seed: 4), new NetworkScope(), new AnalysisOptions(ExactUpTo: 100, RefineUpTo: 200));
        Assert.Null(network.Refinement(MetricFamily.Betweenness));
        Assert.NotNull(network.Analysis.Approximation);
    }

    [Fact]
    public void A_cancelled_computation_is_started_again_by_the_next_reader()
    {
        var network = new ScopedNetwork(Network(300, 900, seed: 5), new NetworkScope());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => network.Family(MetricFamily.Betweenness).Compute(cancelled.Token));
        Assert.False(network.Family(MetricFamily.Betweenness).IsReady);
        Assert.Contains(network.Analysis.Betweenness, b => b > 0);
    }
}
