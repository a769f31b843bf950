using ResourceMap.Graph.Network;

namespace ResourceMap.Graph.Tests;

/// <summary>
/// A small hand-made community, drawn here:
///
///   1 Council ─5─ 2 Social service ─4─ 3 Day centre ─3─ 4 Seniors' club        (main network)
///        └──2── 5 Library ─1─ 3                          4 ─2─ 6 Kindergarten
///   7 Chat group ─5─ 8 Festival team                                              (isolated group)
///   9 Sports club                                                                 (isolated actor)
///   10 Old partner ─(ended 2020)─ 1
///
/// 4 alone holds 6 to the rest; 3 alone holds 4 and 6.
/// </summary>
public class NetworkFindingsTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    private static Actor A(int id, string name, double? lat = null, double? lon = null, string[]? groups = null, string[]? offers = null, string[]? needs = null, int? area = 1) =>
        new(id, name, "Other", lat, lon, area, groups ?? [], offers ?? [], needs ?? []);

    private static NetworkSnapshot Community() => new(1,
    [
        A(1, "Council", 57.31, 25.27, offers: ["project funding"]),
        A(2, "Social service", 57.311, 25.271, groups: ["seniors"]),
        A(3, "Day centre", 57.312, 25.272, groups: ["seniors"], offers: ["venue"]),
        A(4, "Seniors' club", 57.313, 25.273, groups: ["seniors"], needs: ["computer skills"]),
        A(5, "Library", 57.314, 25.274, offers: ["computer skills"]),
        A(6, "Kindergarten", 57.315, 25.275, groups: ["children"]),
        A(7, "Chat group", null, null, needs: ["meeting place"], area: 2),
        A(8, "Festival team", 57.14, 25.90, needs: ["funding"], area: 2),
        A(9, "Sports club", 57.30, 25.28, groups: ["children"], area: 1),
        A(10, "Old partner", 57.32, 25.26),
    ],
    [
        new Tie(101, 1, 2, "Cooperation", 5, false, new DateOnly(2015, 1, 1), null),
        new Tie(102, 2, 3, "Cooperation", 4, false, null, null),
        new Tie(103, 3, 4, "Venue", 3, false, new DateOnly(2023, 1, 10), null),
        new Tie(104, 1, 5, "Funding", 2, true, null, null),
        new Tie(105, 5, 3, "SharedActivity", 1, false, null, null),
        new Tie(106, 4, 6, "SharedActivity", 2, false, null, null),
        new Tie(107, 7, 8, "InformationChannel", 5, false, null, null),
        new Tie(108, 10, 1, "Cooperation", 3, false, new DateOnly(2018, 1, 1), new DateOnly(2020, 12, 31)),
        new Tie(109, 3, 2, "Venue", 1, false, null, null), // a second, weaker tie of the same pair: the stronger one counts
    ]);

    private static ScopedNetwork Network(DateOnly? day = null) => new(Community(), new NetworkScope(AsOf: day ?? Today));

    [Fact]
    public void Parts_of_the_network_are_named_as_a_worker_would()
    {
        var n = Network();
        Assert.Equal([1, 2, 3, 4, 5, 6], n.MainNetwork.ActorIds.Order());
        Assert.Equal([7, 8], Assert.Single(n.IsolatedGroups).ActorIds.Order());
        Assert.Equal([9, 10], n.IsolatedActors.Order()); // 10's only tie ended in 2020
        Assert.Equal(8, n.Ties.Count);
    }

    [Fact]
    public void Bridging_actors_come_with_the_groups_they_hold()
    {
        var n = Network();
        var bridging = n.BridgingActors;
        Assert.Equal([3, 4], bridging.Select(b => b.ActorId));
        Assert.Equal([4, 6], Assert.Single(bridging[0].GroupsCutOff).ActorIds.Order());
        Assert.Equal([6], Assert.Single(bridging[1].GroupsCutOff).ActorIds);
        var bridges = n.Bridges.Select(b => (Math.Min(b.ActorA, b.ActorB), Math.Max(b.ActorA, b.ActorB))).Order().ToList();
        Assert.Equal([(3, 4), (4, 6), (7, 8)], bridges);
        Assert.Equal([6], n.Bridges.Single(b => b.ActorA + b.ActorB == 10).SmallerSide.ActorIds);
    }

    [Fact]
    public void The_stronger_of_two_ties_between_a_pair_counts()
    {
        var n = Network();
        var (two, three) = (n.IndexOf[2], n.IndexOf[3]);
        var k = Array.IndexOf(n.Graph.Targets, three, n.Graph.Offsets[two], n.Graph.Offsets[two + 1] - n.Graph.Offsets[two]);
        Assert.Equal(4, n.Graph.Weights[k]);
    }

    [Fact]
    public void Scope_keeps_ties_of_the_day_and_the_chosen_areas_groups_and_types()
    {
        Assert.Equal([10, 1], new ScopedNetwork(Community(), new NetworkScope(AsOf: new DateOnly(2019, 6, 1))).Ties.Where(t => t.Id == 108).Select(t => new[] { t.SourceId, t.TargetId }).Single());
        Assert.DoesNotContain(new ScopedNetwork(Community(), new NetworkScope(AsOf: new DateOnly(2022, 12, 1))).Ties, t => t.Id == 103); // since 2023
        Assert.Equal([7, 8], new ScopedNetwork(Community(), new NetworkScope(AreaIds: new HashSet<int> { 2 })).Actors.Select(a => a.Id));
        Assert.Equal([2, 3, 4], new ScopedNetwork(Community(), new NetworkScope(TargetGroups: ["seniors"])).Actors.Select(a => a.Id));
        Assert.Equal([103, 109], new ScopedNetwork(Community(), new NetworkScope(TieTypes: ["Venue"])).Ties.Select(t => t.Id));
    }

    /// <summary>The community with actors 1–6, 9 and 10 in municipality 100 and the isolated group (7, 8) in 200.</summary>
    private static ScopedNetwork TwoMunicipalities(int festivalMunicipality = 200)
    {
        var community = Community();
        var actors = community.Actors.Select(a => a with { MunicipalityId = a.Id switch { 7 => 200, 8 => festivalMunicipality, _ => 100 } }).ToList();
        return new ScopedNetwork(new NetworkSnapshot(community.Version, actors, community.Ties), new NetworkScope(AsOf: Today));
    }

    [Fact]
    public void Suggestions_stay_within_the_municipality_or_the_distance_unless_widened()
    {
        // The festival team (57.14, 25.90) and the council (57.31, 25.27) are 42 km apart (haversine, worked by hand:
        // 18.9 km north–south, 38.0 km east–west), in two municipalities.
        bool Suggested(ScopedNetwork n, double? withinKm, int from, int to) =>
            TieSuggestions.Suggest(n, s => s.ToLowerInvariant(), withinKm).Any(s => s.FromId == from && s.ToId == to);
        Assert.True(Suggested(TwoMunicipalities(), null, 8, 1));
        Assert.False(Suggested(TwoMunicipalities(), 30, 8, 1));
        Assert.True(Suggested(TwoMunicipalities(), 45, 8, 1));
        // In one municipality, distance does not matter.
        Assert.True(Suggested(TwoMunicipalities(festivalMunicipality: 100), 30, 8, 1));
        // The chat group has no coordinates: in another municipality it is out of reach, with no municipality known it
        // is not (nothing says it is far).
        Assert.False(Suggested(TwoMunicipalities(), 30, 7, 3));
        Assert.True(Suggested(Network(), 30, 7, 3));
        Assert.False(Suggested(Network(), 30, 8, 1)); // municipalities unknown, distance known: 42 km is too far
    }

    [Fact]
    public void Suggestions_match_needs_with_offers_and_never_repeat_an_existing_tie()
    {
        var suggestions = TieSuggestions.Suggest(Network(), s => s.ToLowerInvariant());
        // The festival team needs funding, which the council offers as "project funding".
        var festival = suggestions.First(s => s.FromId == 8);
        Assert.Equal(1, festival.ToId);
        Assert.Equal(("funding", "project funding", 8), Assert.Single(festival.NeedsMet));
        Assert.Equal(2, festival.ActorsNewlyReached);
        Assert.Contains(festival.Reasons, r => r.Template == "{0} needs “{1}”; {2} offers “{3}”." && r.Values.SequenceEqual(["Festival team", "funding", "Council", "project funding"]));
        // The chat group needs a meeting place: the day centre offers a venue.
        Assert.Contains(suggestions, s => s.FromId == 7 && s.ToId == 3);
        // The sports club shares its target group with the kindergarten.
        Assert.Contains(suggestions, s => s.FromId == 9 && s.ToId == 6 && s.SharedTargetGroups.SequenceEqual(["children"]));
        var tied = Network().Ties.Select(t => (Math.Min(t.SourceId, t.TargetId), Math.Max(t.SourceId, t.TargetId))).ToHashSet();
        Assert.DoesNotContain(suggestions, s => tied.Contains((Math.Min(s.FromId, s.ToId), Math.Max(s.FromId, s.ToId))));
    }

    [Fact]
    public void Introduction_paths_prefer_strong_ties_and_list_alternatives()
    {
        // Council → day centre: 1-2-3 costs 1/5 + 1/4 = 0.45; 1-5-3 costs 1/2 + 1/1 = 1.5.
        var paths = IntroductionPaths.Find(Network(), 1, 3, 3);
        Assert.Equal(2, paths.Count);
        Assert.Equal([1, 2, 3], paths[0].ActorIds);
        Assert.Equal(0.45, paths[0].Length, 9);
        Assert.Equal(4, paths[0].WeakestStrength);
        Assert.Equal([101, 102], paths[0].TieIds);
        Assert.Equal([1, 5, 3], paths[1].ActorIds);
        Assert.Equal(1.5, paths[1].Length, 9);
        Assert.Empty(IntroductionPaths.Find(Network(), 1, 7, 3)); // not connected
    }

    [Fact]
    public void Edge_connectivity_counts_independent_ties_between_groups()
    {
        // {1} to {3}: through 2 and through 5 — two tie-disjoint paths. {1,2,3,5} to {6}: only the chain 3-4-6.
        Assert.Equal(2, EdgeConnectivity.Between(Network(), [1], [3]));
        Assert.Equal(1, EdgeConnectivity.Between(Network(), [1, 2, 3, 5], [6]));
        Assert.Equal(0, EdgeConnectivity.Between(Network(), [1], [7]));
    }

    [Fact]
    public void What_if_shows_who_joins_and_who_stops_bridging()
    {
        var result = WhatIf.Evaluate(Network(), [new ProposedTie(8, 1), new ProposedTie(6, 2)], []);
        Assert.Equal([7, 8], result.ActorsJoiningMainNetwork);
        Assert.Equal(0, result.After.IsolatedGroups);
        Assert.Equal(8, result.After.MainNetworkSize);
        // The new tie 6-2 closes a cycle 2-3-4-6: 3 and 4 no longer hold anyone alone; 8 and 1 start to (they now hold 7).
        Assert.Equal([3, 4], result.NoLongerBridgingActors);
        Assert.Equal([1, 8], result.NewBridgingActors);

        var loss = WhatIf.Evaluate(Network(), [], [3]);
        Assert.Equal([4, 6], loss.ActorsLeavingMainNetwork);
        Assert.Equal(3, loss.After.MainNetworkSize); // 1, 2, 5
    }

    [Fact]
    public void Comparison_between_two_days_reports_ties_built_and_actors_brought_in()
    {
        var before = Network(new DateOnly(2022, 12, 1));
        var after = Network(new DateOnly(2023, 6, 1));
        var change = NetworkComparison.Compare(before, after);
        Assert.Equal([103], change.TiesBuilt);
        Assert.Empty(change.TiesEnded);
        Assert.Equal([4, 6], change.ActorsBroughtIn); // the seniors' club and, through it, the kindergarten
        Assert.Equal(4, change.From.MainNetworkSize);
        Assert.Equal(6, change.To.MainNetworkSize);
        var group = change.IsolatedGroups.Single(g => g.ActorIdsBefore.SequenceEqual([4, 6]));
        Assert.Equal(2, group.JoinedMainNetwork);
        Assert.Contains("| actors in the main network | 4 | 6 |", change.Report);
        Assert.Contains("Brought into the main network: Seniors' club, Kindergarten.", change.Report);
    }
}
