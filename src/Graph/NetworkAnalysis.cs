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
/// <param name="ExactUpTo">Above this many actors, betweenness is estimated by sampling (Riondato–Kornaropoulos) and
/// closeness, harmonic centrality and path lengths from <see cref="DistanceSamples"/> sources (Eppstein–Wang).</param>
/// <param name="Epsilon">Largest error of estimated normalised betweenness, with probability 1 − <see cref="Delta"/>.</param>
/// <param name="Delta">Probability that an estimate misses by more than ε.</param>
/// <param name="DistanceSamples">Sources sampled for distance estimates on large graphs.</param>
public sealed record AnalysisOptions(
    bool WeightedPaths = false,
    bool WeightedCommunities = false,
    bool CutOffGroups = true,
    int MaxThreads = -1,
    int ExactUpTo = 50_000,
    double Epsilon = 0.05,
    double Delta = 0.1,
    int DistanceSamples = 256);

/// <summary>How the estimates of a large graph were made, and how far they may be off.</summary>
/// <param name="BetweennessEpsilon">Normalised betweenness is within this of the exact value with probability 1 − δ.</param>
/// <param name="BetweennessDelta">δ.</param>
/// <param name="BetweennessSamples">Shortest paths sampled.</param>
/// <param name="DistanceSources">Sources whose searches estimate closeness, harmonic centrality and path lengths.</param>
public sealed record Approximation(double BetweennessEpsilon, double BetweennessDelta, int BetweennessSamples, int DistanceSources);

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
    /// <summary>Greatest hop distance within the largest component (a lower bound when estimated).</summary>
    public required int Diameter { get; init; }

    /// <summary>Null when every value is exact; otherwise how the estimates were made.</summary>
    public Approximation? Approximation { get; init; }

    /// <param name="graph">The graph.</param>
    /// <param name="options">What to compute and how.</param>
    /// <param name="cancellationToken">Stops the all-pairs searches, which take nearly all the time, between two searches.</param>
    public static NetworkAnalysis Run(CompactGraph graph, AnalysisOptions options, CancellationToken cancellationToken = default)
    {
        var n = graph.VertexCount;
        if (n > options.ExactUpTo) return RunEstimated(graph, options, cancellationToken);
        var betweenness = Centrality.Betweenness.Compute(graph, options.WeightedPaths, options.MaxThreads, cancellationToken);
        var distances = HopDistances.Compute(graph, options.MaxThreads, cancellationToken: cancellationToken);
        var (componentOf, components) = ConnectedComponents.Compute(graph);
        var (averagePath, diameter) = MainComponentDistances(graph, components, distances);
        return Assemble(graph, options, betweenness.Raw, betweenness.Normalized,
            Centrality.Closeness.ComputeCloseness(distances), Centrality.Closeness.ComputeHarmonic(distances),
            componentOf, components, averagePath, diameter, null);
    }

    private static NetworkAnalysis Assemble(CompactGraph graph, AnalysisOptions options, double[] betweenness, double[] betweennessNormalized,
        double[] closeness, double[] harmonic, int[] componentOf, int[][] components, double averagePath, int diameter, Approximation? approximation)
    {
        var n = graph.VertexCount;
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

        double possible = graph.Directed ? n * (n - 1.0) : n * (n - 1.0) / 2;
        return new NetworkAnalysis
        {
            Graph = graph,
            Degree = degree,
            WeightedDegree = weightedDegree,
            Betweenness = betweenness,
            BetweennessNormalized = betweennessNormalized,
            Closeness = closeness,
            Harmonic = harmonic,
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
            Approximation = approximation,
        };
    }

    /// <summary>
    /// The same analysis for graphs too large for exact all-pairs work: betweenness by path sampling
    /// (<see cref="ApproximateBetweenness"/>), and closeness, harmonic centrality, mean path length and diameter from
    /// searches out of a uniform sample of k sources (D. Eppstein &amp; J. Wang, "Fast approximation of centrality",
    /// JGAA 8(1), 2004): each distance sum is scaled by (n − 1)/k. Hop counts, undirected view.
    /// </summary>
    private static NetworkAnalysis RunEstimated(CompactGraph graph, AnalysisOptions options, CancellationToken cancellationToken)
    {
        var n = graph.VertexCount;
        var undirected = graph.ToUndirected();
        var betweenness = ApproximateBetweenness.Compute(undirected, options.Epsilon, options.Delta, maxThreads: options.MaxThreads, cancellationToken: cancellationToken);
        var random = new Random(17);
        var sources = Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(Math.Min(n, options.DistanceSamples)).Order().ToArray();
        var sampled = HopDistances.Compute(undirected, options.MaxThreads, sources, cancellationToken);
        var isSource = new bool[n];
        foreach (var s in sources) isSource[s] = true;
        var scale = (n - 1.0) / sources.Length;
        var closeness = new double[n];
        var harmonic = new double[n];
        for (var v = 0; v < n; v++)
        {
            harmonic[v] = sampled.HarmonicTo[v] * scale;
            var reachedOthers = (sampled.ReachedFrom[v] - (isSource[v] ? 1 : 0)) * scale;
            var total = sampled.DistanceSumTo[v] * scale;
            if (total > 0) closeness[v] = reachedOthers / total * (reachedOthers / (n - 1));
        }
        var (componentOf, components) = ConnectedComponents.Compute(graph);
        var main = components.Length > 0 ? components[0] : [];
        var mainSources = sources.Where(s => componentOf[s] == 0 && main.Length > 1).ToList();
        var average = mainSources.Count == 0 ? 0 : mainSources.Average(s => sampled.DistanceSumFrom[s] / (main.Length - 1.0));
        var diameter = mainSources.Count == 0 ? 0 : mainSources.Max(s => sampled.Eccentricity[s]);
        return Assemble(graph, options, betweenness.Raw, betweenness.Normalized, closeness, harmonic, componentOf, components, average, diameter,
            new Approximation(betweenness.Epsilon, betweenness.Delta, betweenness.Samples, sources.Length));
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
