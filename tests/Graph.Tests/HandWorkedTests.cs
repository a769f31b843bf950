using ResourceMap.Graph.Communities;
using ResourceMap.Graph.Components;
using ResourceMap.Graph.Structure;

namespace ResourceMap.Graph.Tests;

/// <summary>Small graphs whose answers are worked out by hand in the comments.</summary>
public class HandWorkedTests
{
    private static CompactGraph Undirected(int n, params (int, int)[] edges)
    {
        var b = new GraphBuilder(n, directed: false);
        foreach (var (s, t) in edges) b.AddEdge(s, t);
        return b.Build();
    }

    [Fact]
    public void A_hub_cuts_off_each_of_its_leaf_groups()
    {
        // 0-1-2 triangle (the main part), 2 joins a pair 3-4 and a lone 5: without 2, {3,4} and {5} are cut off.
        var g = Undirected(6, (0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (2, 5));
        var cuts = ArticulationPoints.Compute(g);
        var hub = Assert.Single(cuts.CutVertices, c => c.Vertex == 2);
        Assert.Equal([[3, 4], [5]], hub.CutOffGroups);
        // 3 cuts off 4 alone.
        Assert.Equal([[4]], Assert.Single(cuts.CutVertices, c => c.Vertex == 3).CutOffGroups);
        Assert.Equal(2, cuts.CutVertices.Count);
        Assert.Equal([(2, 3), (2, 5), (3, 4)], cuts.Bridges.Order());
    }

    [Fact]
    public void A_root_with_two_subtrees_is_a_cut_vertex_and_a_cycle_has_none()
    {
        // DFS starts at 0, the middle of the path 1-0-2; of two equal parts the one with the smaller vertex counts as the main one.
        var path = ArticulationPoints.Compute(Undirected(3, (0, 1), (0, 2)));
        Assert.Equal([2], Assert.Single(path.CutVertices, c => c.Vertex == 0).CutOffGroups.Single());
        var cycle = ArticulationPoints.Compute(Undirected(4, (0, 1), (1, 2), (2, 3), (3, 0)));
        Assert.Empty(cycle.CutVertices);
        Assert.Empty(cycle.Bridges);
    }

    [Fact]
    public void A_bridge_s_smaller_side_is_found_above_or_below_it_in_the_search()
    {
        // 0 hangs on the square 1-2-3-4, which a bridge 3-5 joins to the triangle 5-6-7 with a tail 7-8; 9-10 stand apart.
        // The search starts at 0, so the smaller side of 0-1 ({0}) lies above the bridge and that of 3-5 ({5..8}) below it.
        var g = Undirected(11, (0, 1), (1, 2), (2, 3), (3, 4), (4, 1), (3, 5), (5, 6), (6, 7), (7, 5), (7, 8), (9, 10));
        var cuts = ArticulationPoints.Compute(g);
        Assert.Equal([(0, 1), (3, 5), (7, 8), (9, 10)], cuts.Bridges.Order());
        Assert.Equal([0], cuts.SmallerSide(0, 1));
        Assert.Equal([0], cuts.SmallerSide(1, 0));
        Assert.Equal([5, 6, 7, 8], cuts.SmallerSide(3, 5));
        Assert.Equal([8], cuts.SmallerSide(7, 8));
        // Equal sides: the one of the second vertex named.
        Assert.Equal([10], cuts.SmallerSide(9, 10));
        Assert.Equal([9], cuts.SmallerSide(10, 9));
    }

    [Fact]
    public void A_long_chain_does_not_overflow_the_stack()
    {
        var n = 200_000;
        var b = new GraphBuilder(n, directed: false);
        for (var v = 1; v < n; v++) b.AddEdge(v - 1, v);
        var cuts = ArticulationPoints.Compute(b.Build(), withGroups: false);
        Assert.Equal(n - 2, cuts.CutVertices.Count);
        Assert.Equal(n - 1, cuts.Bridges.Count);
    }

    [Fact]
    public void Components_are_numbered_largest_first_with_isolated_vertices_last()
    {
        // {0,1,2} path, {3,4} pair, 5 and 6 alone.
        var (of, members) = ConnectedComponents.Compute(Undirected(7, (4, 3), (0, 1), (2, 1)));
        Assert.Equal([[0, 1, 2], [3, 4], [5], [6]], members);
        Assert.Equal([0, 0, 0, 1, 1, 2, 3], of);
    }

    [Fact]
    public void Louvain_separates_two_cliques_joined_by_one_tie()
    {
        // Two K4s (0-3, 4-7) joined by 3-4. Split: each part has 6 inner ties, m = 13, degree sums 13 each:
        // Q = 2 × (6/13 − (13/26)²) = 12/13 − 1/2 = 0.423077.
        var edges = new List<(int, int)> { (3, 4) };
        foreach (var offset in new[] { 0, 4 })
            for (var a = 0; a < 4; a++)
                for (var c = a + 1; c < 4; c++) edges.Add((offset + a, offset + c));
        var g = Undirected(8, [.. edges]);
        var communities = Louvain.Compute(g, weighted: false);
        Assert.Equal(communities[0], communities[3]);
        Assert.Equal(communities[4], communities[7]);
        Assert.NotEqual(communities[0], communities[4]);
        Assert.Equal(12.0 / 13 - 0.5, Modularity.Compute(g, communities, weighted: false), 12);
    }

    [Fact]
    public void Weighted_betweenness_follows_the_cheapest_route()
    {
        // Square 0-1-2-3-0; the 0-1-2 side costs 1+1, the 0-3-2 side 5+5: all 0↔2 traffic runs through 1.
        var b = new GraphBuilder(4, directed: false);
        b.AddEdge(0, 1, 1); b.AddEdge(1, 2, 1); b.AddEdge(2, 3, 5); b.AddEdge(3, 0, 5);
        var weighted = Centrality.Betweenness.Compute(b.Build(), weighted: true);
        var hops = Centrality.Betweenness.Compute(b.Build(), weighted: false);
        // Weighted: 1 carries the pair 0–2 (2 against 10). The pair 1–3 ties: 1-0-3 and 1-2-3 both cost 6, so 0 and 2
        // carry half of it each; 3 carries nothing.
        Assert.Equal([0.5, 1, 0.5, 0], weighted.Raw.Select(x => Math.Round(x, 12)));
        // Unweighted: by symmetry every vertex lies on half of one opposite pair's two routes.
        Assert.All(hops.Raw, x => Assert.Equal(0.5, x, 12));
    }
}
