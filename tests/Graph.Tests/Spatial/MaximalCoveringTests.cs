using ResourceMap.Graph.Spatial;

namespace ResourceMap.Graph.Tests.Spatial;

public class MaximalCoveringTests
{
    [Fact]
    public void Substitution_repairs_the_classic_greedy_trap()
    {
        // Six people of weight 1. Big = {2,3,5,6}, A = {1,2,3}, B = {4,5,6}; choose 2.
        // Greedy adding takes Big (4) and then A or B (+1) = 5; the optimum A + B covers all 6.
        // Substitution: dropping Big loses only {5,6} (2 and 3 stay with A) while B adds {4,5,6}: swap.
        IReadOnlyList<IReadOnlyList<int>> covers = [new[] { 1, 2, 4, 5 }, new[] { 0, 1, 2 }, new[] { 3, 4, 5 }];
        var picks = MaximalCovering.Solve([1, 1, 1, 1, 1, 1], new bool[6], covers, 2);
        Assert.Equal([1, 2], picks.Select(p => p.Candidate).Order());
        Assert.Equal(6, picks.Sum(p => p.NewlyCovered));
    }

    [Fact]
    public void People_already_covered_count_for_nothing_and_useless_sites_are_not_proposed()
    {
        IReadOnlyList<IReadOnlyList<int>> covers = [new[] { 0, 1 }, new[] { 2 }, new[] { 0 }];
        var picks = MaximalCovering.Solve([100, 5, 7], [true, false, false], covers, 3);
        // Site 0 adds person 1 (5), site 1 adds person 2 (7); site 2 only reaches the covered person 0.
        Assert.Equal([new CoveringPick(1, 7), new CoveringPick(0, 5)], picks);
    }

    [Fact]
    public void Heuristic_against_brute_force_on_small_random_instances()
    {
        var random = new Random(1974);
        var optimal = 0;
        const int instances = 200;
        for (var n = 0; n < instances; n++)
        {
            var demand = random.Next(8, 20);
            var candidates = random.Next(5, 12);
            var k = random.Next(1, 4);
            var weights = Enumerable.Range(0, demand).Select(_ => (double)random.Next(1, 100)).ToArray();
            var covered = Enumerable.Range(0, demand).Select(_ => random.NextDouble() < 0.2).ToArray();
            IReadOnlyList<IReadOnlyList<int>> covers = Enumerable.Range(0, candidates)
                .Select(_ => (IReadOnlyList<int>)Enumerable.Range(0, demand).Where(_ => random.NextDouble() < 0.3).ToArray()).ToArray();

            var best = Subsets(candidates, k).Max(s => MaximalCovering.CoveredBy(weights, covered, covers, s));
            var picks = MaximalCovering.Solve(weights, covered, covers, k);
            var value = MaximalCovering.CoveredBy(weights, covered, covers, picks.Select(p => p.Candidate));

            Assert.Equal(value, picks.Sum(p => p.NewlyCovered), 9);            // the credits add up to the total
            Assert.True(value >= (1 - 1 / Math.E) * best - 1e-9, $"instance {n}: {value} < (1 − 1/e)·{best}");
            Assert.True(value <= best + 1e-9);
            // Local optimality: no single swap of a chosen site for another improves the cover.
            var chosen = picks.Select(p => p.Candidate).ToList();
            foreach (var out_ in chosen)
                foreach (var in_ in Enumerable.Range(0, candidates).Except(chosen))
                    Assert.True(MaximalCovering.CoveredBy(weights, covered, covers, chosen.Where(c => c != out_).Append(in_)) <= value + 1e-9);
            if (Math.Abs(value - best) < 1e-9) optimal++;
        }
        // Greedy adding with substitution is usually optimal on instances this small (here 200 of 200 or close to it).
        Assert.True(optimal >= instances * 0.9, $"optimal on only {optimal} of {instances}");
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        if (k == 0) { yield return []; yield break; }
        for (var first = 0; first < n; first++)
            foreach (var rest in Subsets(n, k - 1).Where(r => r.All(x => x > first)))
                yield return [first, .. rest];
    }
}
