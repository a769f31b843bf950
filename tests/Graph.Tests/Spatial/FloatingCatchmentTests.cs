using ResourceMap.Graph.Spatial;

namespace ResourceMap.Graph.Tests.Spatial;

/// <summary>
/// A hand-worked two-step floating catchment example on the meridian 24° E, where one hundredth of a degree of latitude
/// near 56° N is 1 113.4 m (meridian radius 6 379 417 m → 111 341.9 m per degree):
///   demand D0 at 56.000 (1 000 people), D1 at 56.030 (500), D2 at 56.080 (2 000); resources S0 at 56.010, S1 at 56.070.
///   Distances: D0–S0 1 113 m, D1–S0 2 227 m, D2–S0 7 794 m; D0–S1 7 794 m, D1–S1 4 454 m, D2–S1 1 113 m.
/// With a 5 km catchment S0 reaches D0 and D1, S1 reaches D1 and D2.
/// </summary>
public class FloatingCatchmentTests
{
    private static readonly DemandPoint[] Demand = [new(56.000, 24.0, 1000), new(56.030, 24.0, 500), new(56.080, 24.0, 2000)];
    private static readonly SupplyPoint[] Supply = [new(56.010, 24.0), new(56.070, 24.0)];

    [Fact]
    public void Two_step_method_matches_the_hand_worked_ratios()
    {
        // Step 1: R0 = 1 / (1000 + 500) = 0.000 666 67;  R1 = 1 / (500 + 2000) = 0.000 4.
        // Step 2: A0 = R0 = 0.000 666 67;  A1 = R0 + R1 = 0.001 066 67;  A2 = R1 = 0.000 4.
        var result = FloatingCatchment.Compute(Demand, Supply, new CatchmentOptions(5_000));
        Assert.Equal(1 / 1500.0, result.SupplyRatios[0], 12);
        Assert.Equal(1 / 2500.0, result.SupplyRatios[1], 12);
        Assert.Equal(1 / 1500.0, result.Accessibility[0], 12);
        Assert.Equal(1 / 1500.0 + 1 / 2500.0, result.Accessibility[1], 12);
        Assert.Equal(1 / 2500.0, result.Accessibility[2], 12);
        Assert.Equal([1, 2, 1], result.ReachOf.Select(r => r.Count));
        Assert.Equal([0, 1], result.ReachOf[1].Select(r => r.Supply)); // nearest first: S0 at 2 227 m, S1 at 4 454 m
        Assert.Equal(1113.4, result.NearestSupplyMeters[0], 0.5);
    }

    [Fact]
    public void Step_two_at_a_demand_point_gives_that_points_index()
    {
        var result = FloatingCatchment.Compute(Demand, Supply, new CatchmentOptions(5_000));
        var (accessibility, reach, nearest) = result.At(56.030, 24.0);
        Assert.Equal(result.Accessibility[1], accessibility, 15);
        Assert.Equal(result.ReachOf[1], reach);
        Assert.Equal(2227, nearest, 1.0);
        // Halfway between S0 and S1 (56.040): S0 at 3 340 m and S1 at 3 340 m, both in reach: R0 + R1.
        Assert.Equal(1 / 1500.0 + 1 / 2500.0, result.At(56.040, 24.0).Accessibility, 12);
    }

    [Fact]
    public void Enhanced_method_weights_each_distance_zone()
    {
        // Zones of 5 000 / 3 m: [0, 1 667) weight 1, [1 667, 3 333) weight 0.5, [3 333, 5 000] weight 0.25.
        // Step 1: R0 = 1 / (1·1000 + 0.5·500) = 1/1250 = 0.0008;  R1 = 1 / (0.25·500 + 1·2000) = 1/2125.
        // Step 2: A0 = 1·R0 = 0.0008;  A1 = 0.5·R0 + 0.25·R1 = 0.0004 + 0.000 117 647 = 0.000 517 647;  A2 = 1·R1 = 0.000 470 588.
        var result = FloatingCatchment.Compute(Demand, Supply, new CatchmentOptions(5_000, [1.0, 0.5, 0.25]));
        Assert.Equal(0.0008, result.Accessibility[0], 12);
        Assert.Equal(0.0004 + 0.25 / 2125, result.Accessibility[1], 12);
        Assert.Equal(1 / 2125.0, result.Accessibility[2], 12);
    }

    [Fact]
    public void Without_resources_in_reach_access_is_zero_and_the_nearest_is_reported()
    {
        // D2 to S0 is 7 794 m: beyond a 5 km catchment.
        var result = FloatingCatchment.Compute(Demand, [Supply[0]], new CatchmentOptions(5_000));
        Assert.Equal(0, result.Accessibility[2]);
        Assert.Empty(result.ReachOf[2]);
        Assert.Equal(7794, result.NearestSupplyMeters[2], 1.0);
        Assert.Equal(double.PositiveInfinity, FloatingCatchment.Compute(Demand, [], new CatchmentOptions(5_000)).NearestSupplyMeters[0]);
    }

    [Fact]
    public void Gaussian_zone_weights_are_the_decay_at_each_zone_midpoint()
    {
        // G(x) = (e^(−x²/2) − e^(−1/2)) / (1 − e^(−1/2)) at x = 1/6, 1/2, 5/6:
        //   (0.986207 − 0.606531) / 0.393469 = 0.96495;  (0.882497 − 0.606531) / 0.393469 = 0.70137;  (0.706648 − 0.606531) / 0.393469 = 0.25445.
        var weights = CatchmentOptions.GaussianZoneWeights();
        Assert.Equal(0.96495, weights[0], 1e-5);
        Assert.Equal(0.70137, weights[1], 1e-5);
        Assert.Equal(0.25445, weights[2], 1e-5);
    }

    [Fact]
    public void Total_accessibility_weighted_by_population_equals_the_supply_in_reach()
    {
        // A property of 2SFCA: Σ_i P_i·A_i = Σ_j S_j over resources with anyone in reach (every resource is shared out fully).
        var random = new Random(5);
        var demand = Enumerable.Range(0, 300).Select(_ => new DemandPoint(56.9 + random.NextDouble() * 0.2, 24.0 + random.NextDouble() * 0.3, random.Next(1, 500))).ToList();
        var supply = Enumerable.Range(0, 40).Select(_ => new SupplyPoint(56.9 + random.NextDouble() * 0.2, 24.0 + random.NextDouble() * 0.3, random.Next(1, 4))).ToList();
        var result = FloatingCatchment.Compute(demand, supply, new CatchmentOptions(2_000));
        var shared = supply.Where((s, j) => result.SupplyRatios[j] > 0).Sum(s => s.Capacity);
        Assert.Equal(shared, demand.Select((d, i) => d.Population * result.Accessibility[i]).Sum(), 9);
    }
}
