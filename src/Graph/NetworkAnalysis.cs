using ResourceMap.Graph.Centrality;
using ResourceMap.Graph.Communities;
using ResourceMap.Graph.Components;
using ResourceMap.Graph.Paths;
using ResourceMap.Graph.Structure;

namespace ResourceMap.Graph;

/// <summary>What to compute and how weights are read.</summary>
/// <param name="WeightedPaths">Edge weights are distances for betweenness (Dijkstra); otherwise hop counts.</param>
/// <param name="WeightedCommunities">Edge weights are similarities for communities and modularity; otherwise all 1.</param>
/// <param name="CutOffGroups">List the groups each articulation point cuts off (costly on very large graphs).</param>
/// <param name="MaxThreads">Threads to use; -1 for all cores.</param>
public sealed record AnalysisOptions(bool WeightedPaths = false, bool WeightedCommunities = false, bool CutOffGroups = true, int MaxThreads = -1);

/// <summary>
/// Every per-actor metric and structural fact of one graph, computed once. Conventions are networkx 2.8's
/// (see each algorithm's documentation); distance statistics describe the largest component, undirected.
/// </summary>
public sealed class NetworkAnalysis
{
    public required CompactGraph Graph { get; init; }
    public required int[] Degree { get; init; }
    public required double[] WeightedDegree { get; init; }
    public required double[] Betweenness { get; init; }
    public required double[] BetweennessNormalized { get; init; }
    public required double[] Closeness { get; init; }
    public required double[] Harmonic { get; init; }
    public required double[] Clustering { get; init; }
    public required double[] Constraint { get; init; }
    public required double[] EffectiveSize { get; init; }
    public required int[] ComponentOf { get; init; }
    public required int[][] Components { get; init; }
    public required int[] CommunityOf { get; init; }
    public required double Modularity { get; init; }
    public required ArticulationPoints.Result Cuts { get; init; }
    public required bool[] IsArticulationPoint { get; init; }
    public required double Density { get; init; }
    /// <summary>Mean hop distance between the vertices of the largest component (0 when it has one vertex).</summary>
    public required double AveragePathLength { get; init; }
    /// <summary>Greatest hop distance within the largest component.</summary>
    public required int Diameter { get; init; }

    public static NetworkAnalysis Run(CompactGraph graph, AnalysisOptions options)
    {
        var n = graph.VertexCount;
        var betweenness = Centrality.Betweenness.Compute(graph, options.WeightedPaths, options.MaxThreads);
        var distances = betweenness.Distances ?? HopDistances.Compute(graph, options.MaxThreads);
        var (componentOf, components) = ConnectedComponents.Compute(graph);
        var cuts = ArticulationPoints.Compute(graph, options.CutOffGroups);
        var communities = Louvain.Compute(graph, options.WeightedCommunities);
        var (constraint, effectiveSize) = StructuralHoles.Compute(graph);

        var degree = new int[n];
        var weightedDegree = new double[n];
        for (var v = 0; v < n; v++)
        {
            degree[v] = graph.Degree(v);
            for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++) weightedDegree[v] += graph.Weights[k];
            if (graph.Directed)
                for (var k = graph.Reverse.Offsets[v]; k < graph.Reverse.Offsets[v + 1]; k++) weightedDegree[v] += graph.Reverse.Weights[k];
        }

        var (averagePath, diameter) = MainComponentDistances(graph, components, distances);
        double possible = graph.Directed ? n * (n - 1.0) : n * (n - 1.0) / 2;
        return new NetworkAnalysis
        {
            Graph = graph,
            Degree = degree,
            WeightedDegree = weightedDegree,
            Betweenness = betweenness.Raw,
            BetweennessNormalized = betweenness.Normalized,
            Closeness = Centrality.Closeness.ComputeCloseness(distances),
            Harmonic = Centrality.Closeness.ComputeHarmonic(distances),
            Clustering = ClusteringCoefficient.Compute(graph),
            Constraint = constraint,
            EffectiveSize = effectiveSize,
            ComponentOf = componentOf,
            Components = components,
            CommunityOf = communities,
            Modularity = Communities.Modularity.Compute(graph, communities, options.WeightedCommunities),
            Cuts = cuts,
            IsArticulationPoint = cuts.Flags(n),
            Density = n < 2 ? 0 : graph.EdgeCount / possible,
            AveragePathLength = averagePath,
            Diameter = diameter,
        };
    }

    private static (double Average, int Diameter) MainComponentDistances(CompactGraph graph, int[][] components, HopDistances.Summary distances)
    {
        if (components.Length == 0 || components[0].Length < 2) return (0, 0);
        var main = components[0];
        if (graph.Directed)
        {
            // Distances of the undirected view, which is what "how far apart are they" means for a worker.
            var undirected = graph.ToUndirected().Induced(v => Array.BinarySearch(main, v) >= 0, out _);
            var summary = HopDistances.Compute(undirected);
            return (summary.DistanceSumFrom.Sum() / (double)((long)main.Length * (main.Length - 1)), summary.Eccentricity.Max());
        }
        long total = 0;
        var diameter = 0;
        foreach (var v in main)
        {
            total += distances.DistanceSumFrom[v];
            diameter = Math.Max(diameter, distances.Eccentricity[v]);
        }
        return (total / (double)((long)main.Length * (main.Length - 1)), diameter);
    }
}
