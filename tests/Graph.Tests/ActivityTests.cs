using ResourceMap.Graph.Network;

namespace ResourceMap.Graph.Tests;

/// <summary>The two-mode network of actors and activities, worked by hand: days held, projection, figures, introductions.</summary>
public class ActivityTests
{
    private static DateOnly Day(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    private static ActivityRecord Once(int id, string day, params int[] actors) => new(id, $"a{id}", Day(day), null, Recurrence.Once, null, false, actors);

    [Fact]
    public void The_last_day_held_follows_the_recurrence()
    {
        // 2 October 2023 is a Monday; weekly to 31 December: the last Monday is 25 December (2 Oct + 12 weeks).
        var weekly = new ActivityRecord(1, "Qigong", Day("2023-10-02"), Day("2023-12-31"), Recurrence.Weekly, null, false, [1]);
        Assert.Equal(Day("2023-12-25"), weekly.LastHeldBy(Day("2024-06-01")));
        Assert.Equal(Day("2023-10-09"), weekly.LastHeldBy(Day("2023-10-15")));
        Assert.Equal(Day("2023-10-16"), weekly.LastHeldBy(Day("2023-10-16")));
        Assert.Null(weekly.LastHeldBy(Day("2023-10-01")));
        // Monthly from 31 January: on 31 December 2023 it was held that day; on 30 January 2024, last on 31 December.
        var monthly = new ActivityRecord(2, "Tikšanās", Day("2023-01-31"), null, Recurrence.Monthly, null, false, [1]);
        Assert.Equal(Day("2023-12-31"), monthly.LastHeldBy(Day("2024-01-30")));
        Assert.Equal(Day("2023-02-28"), monthly.LastHeldBy(Day("2023-03-30"))); // AddMonths keeps to the month's end
        // A festival of three days counts to its last day; a one-day event is its day.
        var festival = new ActivityRecord(3, "Rudens svētki", Day("2022-09-23"), Day("2022-09-25"), Recurrence.Once, null, false, [1]);
        Assert.Equal(Day("2022-09-24"), festival.LastHeldBy(Day("2022-09-24")));
        Assert.Equal(Day("2022-09-25"), festival.LastHeldBy(Day("2023-01-01")));
        Assert.True(festival.HeldBetween(Day("2022-09-25"), Day("2022-10-01")));
        Assert.False(festival.HeldBetween(Day("2022-09-26"), Day("2022-10-01")));
        Assert.Equal(Day("2022-11-10"), Once(4, "2022-11-10", 1).LastHeldBy(Day("2023-05-31")));
    }

    [Fact]
    public void Projection_weighs_each_shared_activity_by_its_age_in_half_lives()
    {
        var activities = new[]
        {
            Once(1, "2023-01-01", 1, 2, 3),     // 365 days before the day: ½ each pair
            Once(2, "2023-07-02", 2, 1),        // 183 days: 2^(−183/365) = 0.706 436
            Once(3, "2025-01-01", 1, 3),        // after the day: nothing yet
            new ActivityRecord(4, "Qigong", Day("2023-10-02"), Day("2023-12-31"), Recurrence.Weekly, null, false, [4, 5]), // last held 25 Dec: 7 days
            Once(5, "2018-01-01", 6, 7),        // 2191 days: 2^(−6.003) = 0.0156 < ⅛, no longer tied
            Once(6, "2023-12-01", 1, 9),        // 9 is not in scope
        };
        var pairs = ActivityProjection.Pairs(activities, Day("2024-01-01"), new HashSet<int> { 1, 2, 3, 4, 5, 6, 7 }, 365);

        Assert.Equal([(1, 2), (1, 3), (2, 3), (4, 5)], pairs.Select(p => (p.FirstId, p.SecondId)));
        var byPair = pairs.ToDictionary(p => (p.FirstId, p.SecondId));
        Assert.Equal(0.5 + 0.706_435_7, byPair[(1, 2)].Weight, 6);
        Assert.Equal(2, byPair[(1, 2)].Strength); // ⌈1.206⌉
        Assert.Equal([1, 2], byPair[(1, 2)].ActivityIds);
        Assert.Equal(Day("2023-01-01"), byPair[(1, 2)].FirstDay);
        Assert.Equal(0.5, byPair[(1, 3)].Weight, 12);
        Assert.Equal(1, byPair[(1, 3)].Strength);
        Assert.Equal(0.986_794_7, byPair[(4, 5)].Weight, 6); // 2^(−7/365)
        Assert.Equal(1, byPair[(4, 5)].Strength);

        // A shorter half-life makes the year-old activity count a sixteenth (four half-lives of 91.25 days)…
        var quick = ActivityProjection.Pairs(activities, Day("2024-01-01"), new HashSet<int> { 1, 2, 3 }, 73);
        Assert.Equal([(1, 2)], quick.Select(p => (p.FirstId, p.SecondId))); // 1–3 and 2–3 at 2^(−5) < ⅛
        Assert.Equal(Math.Pow(2, -5) + Math.Pow(2, -183 / 73.0), quick[0].Weight, 12);

        // …and six activities on the day tie a pair at full strength 5, not 6.
        var many = Enumerable.Range(10, 6).Select(id => Once(id, "2024-01-01", 1, 2));
        Assert.Equal(5, ActivityProjection.Pairs(many, Day("2024-01-01"), new HashSet<int> { 1, 2 }, 365).Single().Strength);
    }

    [Fact]
    public void The_scope_adds_projected_ties_with_negative_ids_only_when_asked()
    {
        var snapshot = new NetworkSnapshot(1,
            [Actor(1), Actor(2), Actor(3), Actor(4)],
            [new Tie(7, 1, 2, "Cooperation", 3, false, null, null)])
        {
            Activities = [Once(1, "2024-01-01", 2, 3, 4)],
        };
        var day = Day("2024-03-01");
        var plain = new ScopedNetwork(snapshot, new NetworkScope(day));
        Assert.Equal(2, plain.IsolatedActors.Count); // 3 and 4
        var projected = new ScopedNetwork(snapshot, new NetworkScope(day, ActivityTies: new ActivityTies()));
        Assert.Equal(4, projected.Ties.Count);
        Assert.All(projected.Ties.Where(t => t.Type == ActivityProjection.TieType), t => Assert.True(t.Id < 0));
        Assert.Equal(4, projected.MainNetwork.ActorIds.Count);
        Assert.NotEqual(plain.Scope.Key, projected.Scope.Key);
        // Hidden activities project nothing.
        var hidden = new ScopedNetwork(snapshot, new NetworkScope(day, ActivityTies: new ActivityTies(HiddenActivities: new HashSet<int> { 1 })));
        Assert.Single(hidden.Ties);
    }

    [Fact]
    public void An_activity_counts_its_actors_communities_and_the_isolated_groups_it_joins()
    {
        // Main network 1–2–3 (a path), an isolated pair 4–5, an isolated actor 6.
        var snapshot = new NetworkSnapshot(1,
            [Actor(1), Actor(2), Actor(3), Actor(4), Actor(5), Actor(6)],
            [Tie(1, 1, 2), Tie(2, 2, 3), Tie(3, 4, 5)])
        {
            Activities =
            [
                Once(1, "2023-03-01", 1, 4, 6),   // joins the pair (4, 5) and the actor 6 to the main network
                Once(2, "2023-03-02", 1, 3),      // inside the main network: joins nobody
                Once(3, "2024-01-01", 1, 4),      // outside the period
            ],
        };
        var network = new ScopedNetwork(snapshot, new NetworkScope(Day("2023-06-01")));
        var figures = ActivityFigures.Of(network, snapshot.Activities, Day("2023-01-01"), Day("2023-05-31"));
        Assert.Equal([1, 2], figures.Select(f => f.ActivityId));
        Assert.Equal([1, 4, 6], figures[0].ActorIds);
        Assert.Equal([4, 5, 6], figures[0].ActorsJoiningMainNetwork);
        Assert.Equal(2, figures[0].IsolatedGroupsJoined);
        Assert.Empty(figures[1].ActorsJoiningMainNetwork);
        Assert.Equal(0, figures[1].IsolatedGroupsJoined);
        // Two isolated parts that together outgrow the main network become it: the what-if says so, all four join.
        var pairs = new NetworkSnapshot(2,
            [Actor(1), Actor(2), Actor(3), Actor(4), Actor(5), Actor(6), Actor(7)],
            [Tie(1, 1, 2), Tie(2, 2, 3), Tie(3, 4, 5), Tie(4, 6, 7)])
        {
            Activities = [Once(9, "2023-03-01", 4, 6)],
        };
        var outgrown = Assert.Single(ActivityFigures.Of(new ScopedNetwork(pairs, new NetworkScope(Day("2023-06-01"))), pairs.Activities, Day("2023-01-01"), Day("2023-05-31")));
        Assert.Equal([4, 5, 6, 7], outgrown.ActorsJoiningMainNetwork);
        Assert.Equal(2, outgrown.IsolatedGroupsJoined);
        // Actor 1 met 4 and 6 only through activity 1 and 3 through activity 2 (1 and 3 have no tie of their own).
        Assert.Equal([3, 4, 6], ActivityFigures.MetOnlyThroughActivities(network, snapshot.Activities, 1));
        Assert.Empty(ActivityFigures.MetOnlyThroughActivities(network, snapshot.Activities, 5));
    }

    [Fact]
    public void The_comparison_counts_introductions_their_outcomes_and_the_ties_that_followed_within_90_days()
    {
        var snapshot = new NetworkSnapshot(1,
            [Actor(1), Actor(2), Actor(3), Actor(4), Actor(5)],
            [
                new Tie(1, 1, 2, "Cooperation", 3, false, Day("2023-01-10"), null), // 40 days after their introduction
                new Tie(2, 3, 4, "Cooperation", 3, false, Day("2023-05-01"), null), // 120 days after: too late to count
                new Tie(3, 2, 5, "Cooperation", 3, false, Day("2023-02-01"), null), // named by its introduction
                new Tie(4, 4, 5, "Cooperation", 3, false, Day("2022-06-01"), null), // there before the period
            ])
        {
            Introductions =
            [
                new IntroductionRecord(1, 2, 1, Day("2022-12-01"), null, IntroductionOutcome.TieFormed, Day("2023-01-10"), null),
                new IntroductionRecord(2, 3, 4, Day("2023-01-01"), null, IntroductionOutcome.TieFormed, Day("2023-05-01"), null),
                new IntroductionRecord(3, 2, 5, Day("2022-10-01"), null, IntroductionOutcome.TieFormed, Day("2023-02-01"), 3),
                new IntroductionRecord(4, 1, 3, Day("2023-02-01"), null, IntroductionOutcome.Declined, Day("2023-02-15"), null),
                new IntroductionRecord(5, 1, 4, Day("2023-03-01"), null, IntroductionOutcome.Pending, null, null),
                new IntroductionRecord(6, 1, 5, Day("2022-08-01"), null, IntroductionOutcome.Declined, null, null), // before the period
            ],
        };
        var from = new ScopedNetwork(snapshot, new NetworkScope(Day("2022-09-01")));
        var to = new ScopedNetwork(snapshot, new NetworkScope(Day("2023-04-15")));
        var change = NetworkComparison.Compare(from, to);
        Assert.Equal([1, 3], change.TiesBuilt); // tie 2 begins after the second day
        Assert.Equal([3, 1, 2, 4, 5], change.Introductions.Made);
        // Introduction 2's tie came on 1 May, after the second day: as known then, it is still pending.
        Assert.Equal(2, change.Introductions.TieFormed);
        Assert.Equal(1, change.Introductions.Declined);
        Assert.Equal(2, change.Introductions.Pending);
        Assert.Equal([1, 3], change.Introductions.TiesFollowingIntroduction);

        var later = NetworkComparison.Compare(from, new ScopedNetwork(snapshot, new NetworkScope(Day("2023-06-01"))));
        Assert.Equal([1, 2, 3], later.TiesBuilt);
        Assert.Equal([1, 3], later.Introductions.TiesFollowingIntroduction); // tie 2 came 120 days after, named by nobody
        Assert.Equal(3, later.Introductions.TieFormed);
    }

    private static Actor Actor(int id) => new(id, $"r{id}", "Association", null, null, null, [], [], []);

    private static Tie Tie(int id, int a, int b) => new(id, a, b, "Cooperation", 3, false, null, null);
}
