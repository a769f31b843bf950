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
/// <param name="RefineUpTo">Above <see cref="ExactUpTo"/> and up to this many actors, <see cref="NetworkAnalysis.Refinement"/>
/// computes the exact values that then replace the estimates.</param>
public sealed record AnalysisOptions(
    bool WeightedPaths = false,
    bool WeightedCommunities = false,
    bool CutOffGroups = true,
    int MaxThreads = -1,
    int ExactUpTo = 50_000,
    double Epsilon = 0.05,
    double Delta = 0.1,
    int DistanceSamples = 256,
    int RefineUpTo = 0);

/// <summary>How the estimates of a large graph were made, and how far they may be off.</summary>
/// <param name="BetweennessEpsilon">Normalised betweenness is within this of the exact value with probability 1 − δ.</param>
/// <param name="BetweennessDelta">δ.</param>
/// <param name="BetweennessSamples">Shortest paths sampled.</param>
/// <param name="DistanceSources">Sources whose searches estimate closeness, harmonic centrality and path lengths.</param>
public sealed record Approximation(double BetweennessEpsilon, double BetweennessDelta, int BetweennessSamples, int DistanceSources);

/// <summary>The metrics computed together, each on first use: what a request may ask for without paying for the rest.</summary>
public enum MetricFamily
{
    /// <summary>Betweenness in hops (exact, or estimated above <see cref="AnalysisOptions.ExactUpTo"/>).</summary>
    Betweenness,
    /// <summary>Betweenness with strong ties as short paths.</summary>
    WeightedBetweenness,
    /// <summary>Closeness, harmonic centrality, mean path length and diameter.</summary>
    Distances,
    Clustering,
    /// <summary>Burt's constraint and effective size.</summary>
    StructuralHoles,
    /// <summary>Louvain communities and their modularity.</summary>
    Communities,
}

/// <summary>
/// One graph's per-actor metrics and structural facts. Conventions are networkx 2.8's (see each algorithm's
/// documentation); distance statistics describe the largest component, undirected. The structure — degrees, components,
/// cut vertices with the groups they cut off, bridges, density — is computed at construction in O(n + m); each
/// <see cref="MetricFamily"/> on its first use (or at once through <see cref="Run"/>), then kept.
/// </summary>
public sealed class NetworkAnalysis
{
    private readonly AnalysisOptions _options;
    private readonly OnDemand<Betweenness.Result> _betweenness;
    private readonly OnDemand<DistanceFigures> _distances;
    private readonly OnDemand<Betweenness.Result>? _exactBetweenness;
    private readonly OnDemand<DistanceFigures>? _exactDistances;
    private readonly OnDemand<double[]> _clustering;
    private readonly OnDemand<StructuralHoleFigures> _structuralHoles;
    private readonly OnDemand<CommunityFigures> _communities;
    private ApproximateBetweenness.Result? _estimate;
    private readonly int[]? _stableIds;
    private BlockBetweenness.Cache? _previousBlocks;

    /// <summary>The block values of this graph's exact betweenness once computed, for the next version to reuse.</summary>
    public BlockBetweenness.Cache? Blocks { get; private set; }

    private sealed record DistanceFigures(double[] Closeness, double[] Harmonic, double AveragePathLength, int Diameter);
    private sealed record StructuralHoleFigures(double[] Constraint, double[] EffectiveSize);
    private sealed record CommunityFigures(int[] CommunityOf, double Modularity);

    /// <param name="graph">The graph.</param>
    /// <param name="options">What to compute and how.</param>
    /// <param name="sameStructure">An analysis of a graph with the same vertices and edges (other weights), whose
    /// structure is taken instead of computed again.</param>
    /// <param name="stableIds">Each vertex's id that stays the same from one version of the network to the next; by
    /// default the vertex numbers.</param>
    /// <param name="previousBlocks">The block values of the previous version's exact betweenness: its unchanged blocks are
    /// reused (<see cref="BlockBetweenness"/>).</param>
    public NetworkAnalysis(CompactGraph graph, AnalysisOptions options, NetworkAnalysis? sameStructure = null, int[]? stableIds = null,
        BlockBetweenness.Cache? previousBlocks = null)
    {
        var n = graph.VertexCount;
        _options = options;
        _stableIds = stableIds;
        _previousBlocks = previousBlocks;
        Graph = graph;
        if (sameStructure is not null)
        {
            (ComponentOf, Components, Cuts, IsArticulationPoint, Degree, WeightedDegree, Density) = (sameStructure.ComponentOf, sameStructure.Components,
                sameStructure.Cuts, sameStructure.IsArticulationPoint, sameStructure.Degree, sameStructure.WeightedDegree, sameStructure.Density);
        }
        else
        {
            (ComponentOf, Components) = ConnectedComponents.Compute(graph);
            Cuts = ArticulationPoints.Compute(graph, options.CutOffGroups);
            IsArticulationPoint = Cuts.Flags(n);
            Degree = new int[n];
            WeightedDegree = new double[n];
            for (var v = 0; v < n; v++)
            {
                Degree[v] = graph.Degree(v);
                for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++) WeightedDegree[v] += graph.Weights[k];
                if (graph.Directed)
                    for (var k = graph.Reverse.Offsets[v]; k < graph.Reverse.Offsets[v + 1]; k++) WeightedDegree[v] += graph.Reverse.Weights[k];
            }
            double possible = graph.Directed ? n * (n - 1.0) : n * (n - 1.0) / 2;
            Density = n < 2 ? 0 : graph.EdgeCount / possible;
        }

        var estimated = n > options.ExactUpTo;
        _betweenness = new(estimated ? EstimateBetweenness : ComputeBetweenness);
        _distances = new(estimated ? EstimateDistances : ComputeDistances);
        if (estimated && n <= options.RefineUpTo)
        {
            _exactBetweenness = new(ComputeBetweenness);
            _exactDistances = new(ComputeDistances);
            Refinement = new Refining(_exactDistances, _exactBetweenness);
        }
        _clustering = new(_ => ClusteringCoefficient.Compute(graph));
        _structuralHoles = new(_ =>
        {
            var (constraint, effectiveSize) = StructuralHoles.Compute(graph);
            return new StructuralHoleFigures(constraint, effectiveSize);
        });
        _communities = new(_ =>
        {
            var communityOf = Louvain.Compute(graph, options.WeightedCommunities);
            return new CommunityFigures(communityOf, Communities.Modularity.Compute(graph, communityOf, options.WeightedCommunities));
        });
    }

    /// <summary>Every metric computed now: for a caller that reads them all (the <c>analyze</c> command, tests).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="options">What to compute and how.</param>
    /// <param name="cancellationToken">Stops the all-pairs searches, which take nearly all the time, between two searches.</param>
    public static NetworkAnalysis Run(CompactGraph graph, AnalysisOptions options, CancellationToken cancellationToken = default)
    {
        var analysis = new NetworkAnalysis(graph, options);
        // The all-pairs searches use every core themselves; the other families are one thread each, so they run side by side.
        analysis.Family(MetricFamily.Betweenness).Compute(cancellationToken);
        analysis.Family(MetricFamily.Distances).Compute(cancellationToken);
        Parallel.ForEach([MetricFamily.Communities, MetricFamily.StructuralHoles, MetricFamily.Clustering], Parallelism.Options(options.MaxThreads, cancellationToken),
            family => analysis.Family(family).Compute(cancellationToken));
        return analysis;
    }

    /// <summary>The computation of one family (weighted betweenness only through <see cref="AnalysisOptions.WeightedPaths"/>).</summary>
    public IOnDemand Family(MetricFamily family) => family switch
    {
        MetricFamily.Betweenness or MetricFamily.WeightedBetweenness => _betweenness,
        MetricFamily.Distances => _distances,
        MetricFamily.Clustering => _clustering,
        MetricFamily.StructuralHoles => _structuralHoles,
        MetricFamily.Communities => _communities,
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    public CompactGraph Graph { get; }
    public int[] Degree { get; }
    public double[] WeightedDegree { get; }
    public int[] ComponentOf { get; }
    public int[][] Components { get; }
    public ArticulationPoints.Result Cuts { get; }
    public bool[] IsArticulationPoint { get; }
    public double Density { get; }

    /// <summary>
    /// True when betweenness and distances are estimates: above <see cref="AnalysisOptions.ExactUpTo"/> actors, until
    /// the <see cref="Refinement"/> (if any) is done.
    /// </summary>
    public bool IsEstimated => Graph.VertexCount > _options.ExactUpTo && Refinement?.IsReady != true;

    /// <summary>
    /// The exact betweenness and distances of a graph whose first values are estimates, for a caller to compute when it
    /// has the time (they replace the estimates once both are ready); null when the first values are exact, or the graph
    /// is over <see cref="AnalysisOptions.RefineUpTo"/>.
    /// </summary>
    public IOnDemand? Refinement { get; }

    private sealed class Refining(params IOnDemand[] parts) : IOnDemand
    {
        public bool IsReady => parts.All(p => p.IsReady);

        public void Compute(CancellationToken cancellationToken = default)
        {
            foreach (var part in parts) part.Compute(cancellationToken);
        }
    }

    private Betweenness.Result BetweennessValues => IsEstimated ? _betweenness.Get() : (_exactBetweenness ?? _betweenness).Get();
    private DistanceFigures DistanceValues => IsEstimated ? _distances.Get() : (_exactDistances ?? _distances).Get();

    public double[] Betweenness => BetweennessValues.Raw;
    public double[] BetweennessNormalized => BetweennessValues.Normalized;
    public double[] Closeness => DistanceValues.Closeness;
    public double[] Harmonic => DistanceValues.Harmonic;
    /// <summary>Mean hop distance between the vertices of the largest component (0 when it has one vertex).</summary>
    public double AveragePathLength => DistanceValues.AveragePathLength;
    /// <summary>Greatest hop distance within the largest component (a lower bound when estimated).</summary>
    public int Diameter => DistanceValues.Diameter;
    public double[] Clustering => _clustering.Get();
    public double[] Constraint => _structuralHoles.Get().Constraint;
    public double[] EffectiveSize => _structuralHoles.Get().EffectiveSize;
    public int[] CommunityOf => _communities.Get().CommunityOf;
    public double Modularity => _communities.Get().Modularity;

    /// <summary>Null when every value is exact; otherwise how the estimates were made (computes betweenness if nobody has yet).</summary>
    public Approximation? Approximation
    {
        get
        {
            if (!IsEstimated) return null;
            _betweenness.Get();
            if (!IsEstimated) return null; // refined meanwhile
            return new Approximation(_estimate!.Epsilon, _estimate.Delta, _estimate.Samples, DistanceSources);
        }
    }

    /// <summary>Sources whose searches estimate the distances of a large graph.</summary>
    private int DistanceSources => Math.Min(Graph.VertexCount, _options.DistanceSamples);

    /// <summary>Exact betweenness: undirected, block by block, reusing the previous version's unchanged blocks.</summary>
    private Betweenness.Result ComputeBetweenness(CancellationToken cancellationToken)
    {
        if (Graph.Directed) return Centrality.Betweenness.Compute(Graph, _options.WeightedPaths, _options.MaxThreads, cancellationToken);
        var (result, blocks) = BlockBetweenness.Compute(Graph, _options.WeightedPaths, _stableIds ?? Enumerable.Range(0, Graph.VertexCount).ToArray(),
            _previousBlocks, _options.MaxThreads, cancellationToken);
        Blocks = blocks;
        _previousBlocks = null; // kept no longer than needed: each version would otherwise hold the one before
        return result;
    }

    private Betweenness.Result EstimateBetweenness(CancellationToken cancellationToken)
    {
        var estimate = ApproximateBetweenness.Compute(Graph.ToUndirected(), _options.Epsilon, _options.Delta, maxThreads: _options.MaxThreads,
            weighted: _options.WeightedPaths, cancellationToken: cancellationToken);
        _estimate = estimate;
        return new Betweenness.Result(estimate.Raw, estimate.Normalized);
    }

    private DistanceFigures ComputeDistances(CancellationToken cancellationToken)
    {
        var distances = HopDistances.Compute(Graph, _options.MaxThreads, cancellationToken: cancellationToken);
        var (averagePath, diameter) = MainComponentDistances(distances);
        return new DistanceFigures(Centrality.Closeness.ComputeCloseness(distances), Centrality.Closeness.ComputeHarmonic(distances), averagePath, diameter);
    }

    /// <summary>
    /// Closeness, harmonic centrality, mean path length and diameter of graphs too large for exact all-pairs work, from
    /// searches out of a uniform sample of k sources (D. Eppstein &amp; J. Wang, "Fast approximation of centrality",
    /// JGAA 8(1), 2004): each distance sum is scaled by (n − 1)/k. Hop counts, undirected view.
    /// </summary>
    private DistanceFigures EstimateDistances(CancellationToken cancellationToken)
    {
        var n = Graph.VertexCount;
        var random = new Random(17);
        var sources = Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(DistanceSources).Order().ToArray();
        var sampled = HopDistances.Compute(Graph.ToUndirected(), _options.MaxThreads, sources, cancellationToken);
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
        var main = Components.Length > 0 ? Components[0] : [];
        var mainSources = sources.Where(s => ComponentOf[s] == 0 && main.Length > 1).ToList();
        var average = mainSources.Count == 0 ? 0 : mainSources.Average(s => sampled.DistanceSumFrom[s] / (main.Length - 1.0));
        var diameter = mainSources.Count == 0 ? 0 : mainSources.Max(s => sampled.Eccentricity[s]);
        return new DistanceFigures(closeness, harmonic, average, diameter);
    }

    private (double Average, int Diameter) MainComponentDistances(HopDistances.Summary distances)
    {
        if (Components.Length == 0 || Components[0].Length < 2) return (0, 0);
        var main = Components[0];
        if (Graph.Directed)
        {
            // Distances of the undirected view, which is what "how far apart are they" means for a worker.
            var undirected = Graph.ToUndirected().Induced(v => Array.BinarySearch(main, v) >= 0, out _);
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
