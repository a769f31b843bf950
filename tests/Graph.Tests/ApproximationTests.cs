using ResourceMap.Graph.Centrality;

namespace ResourceMap.Graph.Tests;

/// <summary>Estimates on a large-graph path, checked against the exact values on a graph small enough to compute both.</summary>
public class ApproximationTests
{
    private static CompactGraph Random(int n, int m, int seed)
    {
        var random = new Random(seed);
        var builder = new GraphBuilder(n, directed: false);
        for (var v = 1; v < n; v++) builder.AddEdge(v, random.Next(v)); // a random tree keeps it connected
        var added = n - 1;
        var seen = new HashSet<(int, int)>();
        while (added < m)
        {
            int a = random.Next(n), b = random.Next(n);
            if (a == b || !seen.Add((Math.Min(a, b), Math.Max(a, b)))) continue;
            builder.AddEdge(a, b);
            added++;
        }
        return builder.Build();
    }

    [Fact]
    public void Exact_sums_are_the_same_to_the_last_bit_whatever_the_threads()
    {
        // Floating-point sums depend on their order: added as threads finish, the same network gave different last digits
        // on two runs (the evidence of change over months must not move by itself).
        var graph = Random(3000, 9000, seed: 11);
        var single = (Betweenness.Compute(graph, weighted: false, maxThreads: 1), Betweenness.Compute(graph, weighted: true, maxThreads: 1), Paths.HopDistances.Compute(graph, maxThreads: 1));
        for (var run = 0; run < 3; run++)
        {
            Assert.Equal(single.Item1.Raw, Betweenness.Compute(graph, weighted: false, maxThreads: 3).Raw);
            Assert.Equal(single.Item2.Raw, Betweenness.Compute(graph, weighted: true, maxThreads: 4).Raw);
            Assert.Equal(single.Item3.HarmonicTo, Paths.HopDistances.Compute(graph, maxThreads: 3).HarmonicTo);
        }
    }

    [Fact]
    public void Sampled_betweenness_is_within_its_stated_error_bound()
    {
        var graph = Random(600, 1500, seed: 3);
        var exact = Betweenness.Compute(graph, weighted: false);
        var estimate = ApproximateBetweenness.Compute(graph, epsilon: 0.02, delta: 0.1);
        Assert.True(estimate.Samples > 1000);
        var worst = exact.Normalized.Zip(estimate.Normalized, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= estimate.Epsilon, $"largest error {worst} above ε = {estimate.Epsilon}");
        // The estimate is not a copy of the exact value: it must differ somewhere.
        Assert.Contains(exact.Normalized.Zip(estimate.Normalized), p => p.First != p.Second);
    }

    [Fact]
    public void Large_graph_mode_estimates_every_metric_and_says_so()
    {
        var graph = Random(600, 1500, seed: 4);
        var exact = NetworkAnalysis.Run(graph, new AnalysisOptions());
        var estimated = NetworkAnalysis.Run(graph, new AnalysisOptions(ExactUpTo: 100, DistanceSamples: 200));
        Assert.Null(exact.Approximation);
        var approximation = Assert.IsType<Approximation>(estimated.Approximation);
        Assert.Equal(200, approximation.DistanceSources);
        // Eppstein–Wang: with 200 of 600 sources, closeness and harmonic centrality land within a few per cent on average.
        var closenessError = exact.Closeness.Zip(estimated.Closeness, (e, a) => Math.Abs(e - a) / e).Average();
        var harmonicError = exact.Harmonic.Zip(estimated.Harmonic, (e, a) => Math.Abs(e - a) / e).Average();
        Assert.True(closenessError < 0.05, $"mean closeness error {closenessError:P1}");
        Assert.True(harmonicError < 0.05, $"mean harmonic error {harmonicError:P1}");
        Assert.InRange(estimated.AveragePathLength, exact.AveragePathLength * 0.95, exact.AveragePathLength * 1.05);
        Assert.InRange(estimated.Diameter, exact.Diameter - 2, exact.Diameter); // a lower bound
        // Structure is exact either way.
        Assert.Equal(exact.IsArticulationPoint, estimated.IsArticulationPoint);
        Assert.Equal(exact.Clustering, estimated.Clustering);
    }
}
