using ResourceMap.Graph.Communities;

namespace ResourceMap.Graph.Tests;

/// <summary>Every metric against networkx 2.8 on graphs of every shape the issue names (Fixtures/generate.py).</summary>
public class NetworkxComparisonTests
{
    public static IEnumerable<object[]> Fixtures => NetworkxFixture.All();

    private static (NetworkxFixture Fixture, NetworkAnalysis Analysis) Analyse(string name)
    {
        var fixture = NetworkxFixture.Load(name);
        return (fixture, NetworkAnalysis.Run(fixture.Graph, new AnalysisOptions(WeightedPaths: fixture.Weighted)));
    }

    [Fact]
    public void There_are_at_least_a_dozen_fixture_graphs() => Assert.True(Fixtures.Count() >= 12);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Per_actor_metrics_match_networkx(string name)
    {
        var (fixture, analysis) = Analyse(name);
        var nodes = fixture.Expected.GetProperty("nodes");
        Assert.Equal(nodes.EnumerateObject().Count(), fixture.Ids.Count);
        for (var v = 0; v < fixture.Ids.Count; v++)
        {
            var id = fixture.Ids[v];
            var expected = nodes.GetProperty(id);
            Assert.Equal(expected.GetProperty("degree").GetInt32(), analysis.Degree[v]);
            NetworkxFixture.AssertClose(expected.GetProperty("betweenness"), analysis.Betweenness[v], $"{name} {id} betweenness");
            NetworkxFixture.AssertClose(expected.GetProperty("betweennessNormalized"), analysis.BetweennessNormalized[v], $"{name} {id} betweennessNormalized");
            NetworkxFixture.AssertClose(expected.GetProperty("closeness"), analysis.Closeness[v], $"{name} {id} closeness");
            NetworkxFixture.AssertClose(expected.GetProperty("harmonic"), analysis.Harmonic[v], $"{name} {id} harmonic");
            NetworkxFixture.AssertClose(expected.GetProperty("clustering"), analysis.Clustering[v], $"{name} {id} clustering");
            NetworkxFixture.AssertClose(expected.GetProperty("constraint"), analysis.Constraint[v], $"{name} {id} constraint");
            NetworkxFixture.AssertClose(expected.GetProperty("effectiveSize"), analysis.EffectiveSize[v], $"{name} {id} effective size");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Structure_matches_networkx(string name)
    {
        var (fixture, analysis) = Analyse(name);
        var e = fixture.Expected;
        Assert.Equal(e.GetProperty("articulationPoints").EnumerateArray().Select(x => x.GetString()).Order(),
            fixture.Ids.Where((_, v) => analysis.IsArticulationPoint[v]).Order());
        Assert.Equal(e.GetProperty("bridges").EnumerateArray().Select(b => string.Join("|", b.EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal),
            analysis.Cuts.Bridges.Select(b => string.Join("|", new[] { fixture.Ids[b.A], fixture.Ids[b.B] }.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        Assert.Equal(e.GetProperty("components").EnumerateArray().Select(c => string.Join("|", c.EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal),
            analysis.Components.Select(c => string.Join("|", c.Select(v => fixture.Ids[v]).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        NetworkxFixture.AssertClose(e.GetProperty("density"), analysis.Density, $"{name} density");
        NetworkxFixture.AssertClose(e.GetProperty("averagePathLength"), analysis.AveragePathLength, $"{name} average path length");
        Assert.Equal(e.GetProperty("diameter").GetInt32(), analysis.Diameter);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Modularity_of_networkx_partition_matches_and_our_communities_are_as_good(string name)
    {
        var (fixture, analysis) = Analyse(name);
        var e = fixture.Expected;
        var communityOf = new int[fixture.Ids.Count];
        var index = e.GetProperty("referencePartition").EnumerateArray().ToList();
        for (var c = 0; c < index.Count; c++)
            foreach (var id in index[c].EnumerateArray()) communityOf[fixture.Ids.IndexOf(id.GetString()!)] = c;
        var reference = e.GetProperty("referenceModularity").GetDouble();
        NetworkxFixture.AssertClose(e.GetProperty("referenceModularity"), Modularity.Compute(fixture.Graph, communityOf, weighted: false), $"{name} modularity");
        // Louvain is a heuristic and networkx's is randomised: ours must find a partition at least about as good.
        Assert.True(analysis.Modularity >= reference - 0.02, $"{name}: our modularity {analysis.Modularity} against networkx's {reference}");
    }
}
