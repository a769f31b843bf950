using ResourceMap.Graph.Centrality;
using ResourceMap.Graph.Paths;

namespace ResourceMap.Graph.Tests;

/// <summary>
/// The all-pairs searches stop when their token is cancelled: a request that reached its time limit, or whose client
/// left, must not leave minutes of analysis running for nobody (issue 15). Each graph here takes tens of seconds to
/// analyse in full, so a run that ignored the token would finish instead of throwing.
/// </summary>
public class CancellationTests
{
    private static readonly CompactGraph Large = RandomGraph(20_000, 60_000, seed: 5);

    private static CompactGraph RandomGraph(int n, int m, int seed)
    {
        var random = new Random(seed);
        var builder = new GraphBuilder(n, directed: false);
        for (var v = 1; v < n; v++) builder.AddEdge(v, random.Next(v), 1 + random.Next(5));
        for (var e = n - 1; e < m; e++)
        {
            int a = random.Next(n), b = random.Next(n);
            if (a != b) builder.AddEdge(a, b, 1 + random.Next(5));
        }
        return builder.Build();
    }

    private static void StopsSoonAfterCancellation(Action<CancellationToken> run)
    {
        // Cancelled from a thread of its own: a timer's callback waits for a pool thread, and while the searches hold the
        // pool and other test assemblies load the machine, it could come only after the run had finished.
        using var cancel = new CancellationTokenSource();
        var canceller = new Thread(() =>
        {
            Thread.Sleep(200);
            cancel.Cancel();
        }) { IsBackground = true };
        canceller.Start();
        Assert.ThrowsAny<OperationCanceledException>(() => run(cancel.Token));
        canceller.Join();
    }

    [Fact]
    public void Exact_analysis_stops_when_cancelled() =>
        StopsSoonAfterCancellation(ct => NetworkAnalysis.Run(Large, new AnalysisOptions(), ct));

    [Fact]
    public void Weighted_betweenness_stops_when_cancelled() =>
        StopsSoonAfterCancellation(ct => Betweenness.Compute(Large, weighted: true, cancellationToken: ct));

    // The hop distances search 64 sources at once in bit sets, so they take a larger graph to outlast the token.
    [Fact]
    public void Hop_distances_stop_when_cancelled()
    {
        var larger = RandomGraph(150_000, 450_000, seed: 7);
        StopsSoonAfterCancellation(ct => HopDistances.Compute(larger, cancellationToken: ct));
    }

    [Fact]
    public void Estimated_analysis_stops_when_cancelled() =>
        StopsSoonAfterCancellation(ct => NetworkAnalysis.Run(Large, new AnalysisOptions(ExactUpTo: 100, Epsilon: 0.002, DistanceSamples: 20_000), ct));

    [Fact]
    public void A_token_cancelled_before_the_start_stops_even_a_small_run()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Betweenness.Compute(RandomGraph(50, 120, seed: 1), weighted: false, cancellationToken: cancel.Token));
    }
}
