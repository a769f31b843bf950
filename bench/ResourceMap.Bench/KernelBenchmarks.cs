using BenchmarkDotNet.Attributes;
using ResourceMap.Graph;
using ResourceMap.Graph.Centrality;
using ResourceMap.Graph.Communities;
using ResourceMap.Graph.Components;
using ResourceMap.Graph.Paths;
using ResourceMap.Graph.Structure;

namespace ResourceMap.Bench;

/// <summary>The analysis kernels on a random network of 10,000 actors and 50,000 ties (the benchmark size).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class KernelBenchmarks
{
    private CompactGraph _graph = null!;
    private CompactGraph _weighted = null!;

    [GlobalSetup]
    public void Setup()
    {
        _graph = RandomGraphs.Gnm(10_000, 50_000, seed: 1);
        _weighted = RandomGraphs.Gnm(10_000, 50_000, seed: 1, weighted: true);
    }

    [Benchmark(Description = "Betweenness (Brandes, hops)")]
    public double[] Betweenness_hops() => Betweenness.Compute(_graph, weighted: false).Raw;

    [Benchmark(Description = "Betweenness (Brandes, Dijkstra, 1/strength)")]
    public double[] Betweenness_weighted() => Betweenness.Compute(_weighted, weighted: true).Raw;

    [Benchmark(Description = "Hop distances (multi-source BFS): closeness, APL, diameter")]
    public int[] Hop_distances() => HopDistances.Compute(_graph).Eccentricity;

    [Benchmark(Description = "Connected components (union-find)")]
    public int[] Components() => ConnectedComponents.Compute(_graph).ComponentOf;

    [Benchmark(Description = "Articulation points and bridges")]
    public int Cuts() => ArticulationPoints.Compute(_graph).CutVertices.Count;

    [Benchmark(Description = "Communities (Louvain)")]
    public int[] Communities() => Louvain.Compute(_graph, weighted: false);

    [Benchmark(Description = "Clustering coefficient")]
    public double[] Clustering() => ClusteringCoefficient.Compute(_graph);

    [Benchmark(Description = "Constraint and effective size")]
    public double[] Constraint() => StructuralHoles.Compute(_graph).Constraint;

    /// <summary>Everything but betweenness: the "full structural analysis" target (under 1 s).</summary>
    [Benchmark(Description = "Full structural analysis (all but betweenness)")]
    public object Structure() => (
        ConnectedComponents.Compute(_graph),
        ArticulationPoints.Compute(_graph),
        Louvain.Compute(_graph, weighted: false),
        HopDistances.Compute(_graph),
        ClusteringCoefficient.Compute(_graph),
        StructuralHoles.Compute(_graph));
}
