using ResourceMap.Graph.Centrality;

namespace ResourceMap.Graph.Network;

/// <summary>A group of actors: a component, a community, or the actors a bridging actor holds to the rest.</summary>
public sealed record ActorGroup(IReadOnlyList<int> ActorIds);

/// <summary>An actor whose loss would cut groups off the network (an articulation point).</summary>
public sealed record BridgingActor(int ActorId, IReadOnlyList<ActorGroup> GroupsCutOff)
{
    public int ActorsCutOff => GroupsCutOff.Sum(g => g.ActorIds.Count);
}

/// <summary>A pair of actors joined by ties that alone hold two parts together (a bridge).</summary>
public sealed record BridgeTie(int ActorA, int ActorB, IReadOnlyList<int> TieIds, ActorGroup SmallerSide);

/// <summary>A community with how it is tied inside and outside.</summary>
public sealed record CommunityInfo(int Index, ActorGroup Members, int InternalTies, int ExternalTies)
{
    /// <summary>Tied to the rest by at most one tie, or by fewer ties than a tenth of its inside ties.</summary>
    public bool WeaklyTied => Members.ActorIds.Count > 1 && (ExternalTies <= 1 || ExternalTies * 10 < InternalTies);
}

/// <summary>
/// The network within one scope: ties are read as undirected (a funding tie joins two actors as surely as a cooperation
/// does), each pair of actors keeps its strongest tie, and strength 1–5 weighs communities, while weighted betweenness
/// and introduction paths read <see cref="LengthOfWeakestTie"/>/strength as a tie's length, so strong ties make short
/// paths. Its structure is there once it is built (O(n + m)); each metric family is computed on first use and kept.
/// </summary>
public sealed class ScopedNetwork
{
    /// <summary>
    /// The length of a tie of strength 1; a tie of strength s is 60/s long (12 to 60). 60 is the least common multiple of
    /// 1–5, so every length is a whole number: equal paths compare exactly, and searches use buckets instead of a heap.
    /// </summary>
    public const int LengthOfWeakestTie = 60;

    /// <param name="snapshot">The whole network of one data version.</param>
    /// <param name="scope">The part of it to analyse.</param>
    /// <param name="options">When to estimate and refine (<see cref="AnalysisOptions.ExactUpTo"/>, <see cref="AnalysisOptions.RefineUpTo"/>,
    /// the sampling's ε and δ); weights are set here.</param>
    /// <param name="previous">The same scope's network of an earlier version: the blocks of its betweenness that no edit
    /// touched are reused (<see cref="BlockBetweenness"/>).</param>
    public ScopedNetwork(NetworkSnapshot snapshot, NetworkScope scope, AnalysisOptions? options = null, ScopedNetwork? previous = null)
    {
        options ??= new AnalysisOptions();
        Snapshot = snapshot;
        Scope = scope;
        (var actors, Ties) = scope.Apply(snapshot);
        Actors = actors;
        for (var i = 0; i < Actors.Count; i++) IndexOf[Actors[i].Id] = i;

        var strengths = new GraphBuilder(Actors.Count, directed: false, DuplicateEdges.KeepLarger);
        foreach (var tie in Ties) strengths.AddEdge(IndexOf[tie.SourceId], IndexOf[tie.TargetId], tie.Strength);
        Graph = strengths.Build();
        DistanceGraph = Graph.WithWeights(strength => LengthOfWeakestTie / (int)strength);

        var actorIds = Actors.Select(a => a.Id).ToArray();
        Analysis = new NetworkAnalysis(Graph, options with { WeightedPaths = false, WeightedCommunities = true }, stableIds: actorIds,
            previousBlocks: previous?.Analysis.Blocks);
        // Betweenness over tie lengths is the same analysis of the same structure, on the length graph.
        WeightedAnalysis = new NetworkAnalysis(DistanceGraph, options with { WeightedPaths = true }, sameStructure: Analysis, stableIds: actorIds,
            previousBlocks: previous?.WeightedAnalysis.Blocks);
    }

    /// <summary>The computation of one metric family of this network.</summary>
    public IOnDemand Family(MetricFamily family) => family == MetricFamily.WeightedBetweenness
        ? WeightedAnalysis.Family(MetricFamily.Betweenness)
        : Analysis.Family(family);

    /// <summary>The exact values that replace a family's estimates on a large network; null when there are none to make.</summary>
    public IOnDemand? Refinement(MetricFamily family) => family switch
    {
        MetricFamily.WeightedBetweenness => WeightedAnalysis.Refinement,
        MetricFamily.Betweenness or MetricFamily.Distances => Analysis.Refinement,
        _ => null,
    };

    /// <summary>The analysis of <see cref="DistanceGraph"/>, for weighted betweenness; its structure is <see cref="Analysis"/>' own.</summary>
    public NetworkAnalysis WeightedAnalysis { get; }

    public NetworkSnapshot Snapshot { get; }
    public NetworkScope Scope { get; }
    public IReadOnlyList<Actor> Actors { get; }
    public IReadOnlyList<Tie> Ties { get; }
    public Dictionary<int, int> IndexOf { get; } = [];

    /// <summary>Undirected, weight = strongest strength between the pair.</summary>
    public CompactGraph Graph { get; }

    /// <summary>The same edges with weight <see cref="LengthOfWeakestTie"/>/strength, for weighted shortest paths.</summary>
    public CompactGraph DistanceGraph { get; }

    public NetworkAnalysis Analysis { get; }
    /// <summary>Betweenness over <see cref="DistanceGraph"/> (computed now if nobody has yet).</summary>
    public Betweenness.Result WeightedBetweenness => new(WeightedAnalysis.Betweenness, WeightedAnalysis.BetweennessNormalized);

    // Derived once on first use: a cached analysis answers many requests. Races only compute the same value twice.
    private ActorGroup? _mainNetwork;
    private IReadOnlyList<ActorGroup>? _isolatedGroups;
    private IReadOnlyList<int>? _isolatedActors;
    private IReadOnlyList<BridgingActor>? _bridgingActors;
    private IReadOnlyList<BridgeTie>? _bridges;
    private IReadOnlyList<CommunityInfo>? _communities;

    public int? Index(int actorId) => IndexOf.TryGetValue(actorId, out var i) ? i : null;

    private int[]? _actorsCutOff;

    /// <summary>How many actors the loss of this vertex would cut off (0 unless it is a bridging actor).</summary>
    public int ActorsCutOffBy(int vertex)
    {
        if (_actorsCutOff is null)
        {
            var counts = new int[Actors.Count];
            foreach (var cut in Analysis.Cuts.CutVertices) counts[cut.Vertex] = cut.CutOffGroups.Sum(g => g.Length);
            _actorsCutOff = counts;
        }
        return _actorsCutOff[vertex];
    }

    public ActorGroup Group(IEnumerable<int> vertices) => new(vertices.Select(v => Actors[v].Id).ToList());

    /// <summary>The largest component; empty when there are no actors.</summary>
    public ActorGroup MainNetwork => _mainNetwork ??= Analysis.Components.Length == 0 ? new ActorGroup([]) : Group(Analysis.Components[0]);

    /// <summary>Components other than the main one with two or more actors: groups tied only among themselves.</summary>
    public IReadOnlyList<ActorGroup> IsolatedGroups => _isolatedGroups ??= Analysis.Components.Skip(1).Where(c => c.Length > 1).Select(Group).ToList();

    /// <summary>Actors with no tie at all in scope.</summary>
    public IReadOnlyList<int> IsolatedActors => _isolatedActors ??= Analysis.Components.Where(c => c.Length == 1).Select(c => Actors[c[0]].Id).ToList();

    public IReadOnlyList<BridgingActor> BridgingActors => _bridgingActors ??= Analysis.Cuts.CutVertices
        .Select(c => new BridgingActor(Actors[c.Vertex].Id, c.CutOffGroups.Select(Group).ToList()))
        .OrderByDescending(b => b.ActorsCutOff).ThenBy(b => Actors[IndexOf[b.ActorId]].Name, StringComparer.Ordinal)
        .ToList();

    public IReadOnlyList<BridgeTie> Bridges => _bridges ??= DescribeBridges();

    private List<BridgeTie> DescribeBridges()
    {
        static (int, int) Pair(int x, int y) => (Math.Min(x, y), Math.Max(x, y));
        var pairs = Analysis.Cuts.Bridges.Select(b => Pair(Actors[b.A].Id, Actors[b.B].Id)).ToHashSet();
        // One pass over the ties for all bridges: a pass per bridge made a network with hundreds of bridges take seconds.
        var tiesOf = Ties.Where(t => pairs.Contains(Pair(t.SourceId, t.TargetId))).ToLookup(t => Pair(t.SourceId, t.TargetId), t => t.Id);
        return Analysis.Cuts.Bridges.Select(b =>
        {
            var (a, c) = (Actors[b.A].Id, Actors[b.B].Id);
            return new BridgeTie(a, c, tiesOf[Pair(a, c)].Order().ToList(), Group(Analysis.Cuts.SmallerSide(b.A, b.B)));
        }).ToList();
    }

    public IReadOnlyList<CommunityInfo> Communities => _communities ??= DescribeCommunities();

    private List<CommunityInfo> DescribeCommunities()
    {
        var count = Actors.Count == 0 ? 0 : Analysis.CommunityOf.Max() + 1;
        var inside = new int[count];
        var outside = new int[count];
        for (var e = 0; e < Graph.EdgeCount; e++)
        {
            int a = Analysis.CommunityOf[Graph.EdgeSource[e]], b = Analysis.CommunityOf[Graph.EdgeTarget[e]];
            if (a == b) inside[a]++;
            else { outside[a]++; outside[b]++; }
        }
        var members = Enumerable.Range(0, Actors.Count).ToLookup(v => Analysis.CommunityOf[v]);
        return Enumerable.Range(0, count).Select(c => new CommunityInfo(c, Group(members[c]), inside[c], outside[c])).ToList();
    }
}
