namespace ResourceMap.Graph.Spatial;

/// <summary>A chosen site, in the order of the final solution, and the population it covers beyond the sites before it.</summary>
public readonly record struct CoveringPick(int Candidate, double NewlyCovered);

/// <summary>
/// The maximal covering location problem (R. Church and C. ReVelle, "The maximal covering location problem", Papers of the
/// Regional Science Association 32, 1974): choose k sites among candidates to cover as much not yet covered demand as
/// possible. Solved by their greedy adding heuristic followed by substitution (each chosen site is swapped for any candidate
/// that covers more, until no swap helps). Greedy adding alone is within 1 − 1/e of the optimum (Nemhauser, Wolsey and
/// Fisher 1978); substitution only improves on it. O(k · E) per pass for E candidate–demand pairs.
/// </summary>
public static class MaximalCovering
{
    /// <param name="weights">Population per demand point.</param>
    /// <param name="covered">Demand points already covered by existing resources; they add nothing.</param>
    /// <param name="covers">Per candidate site, the demand points within its reach.</param>
    /// <param name="count">How many sites to choose; fewer are returned when no further site covers anyone new.</param>
    /// <param name="ct">Checked between candidates: a long solve stops when the request is cancelled.</param>
    public static List<CoveringPick> Solve(IReadOnlyList<double> weights, IReadOnlyList<bool> covered, IReadOnlyList<IReadOnlyList<int>> covers, int count, CancellationToken ct = default)
    {
        var coverCount = new int[weights.Count];
        var chosen = new List<int>();
        var isChosen = new bool[covers.Count];

        double Value(int i) => covered[i] ? 0 : weights[i];

        // Greedy adding: each time the candidate that covers the most people not yet covered.
        while (chosen.Count < count)
        {
            var (best, bestGain) = (-1, 0.0);
            for (var c = 0; c < covers.Count; c++)
            {
                if (isChosen[c]) continue;
                var gain = 0.0;
                if ((c & 255) == 0) ct.ThrowIfCancellationRequested();
                foreach (var i in covers[c]) if (coverCount[i] == 0) gain += Value(i);
                if (gain > bestGain) (best, bestGain) = (c, gain);
            }
            if (best < 0) break;
            chosen.Add(best);
            isChosen[best] = true;
            foreach (var i in covers[best]) coverCount[i]++;
        }

        // Substitution: swap a chosen site for an unchosen one while that strictly increases the covered population.
        var inRemoved = new bool[weights.Count];
        for (var improved = true; improved;)
        {
            improved = false;
            for (var s = 0; s < chosen.Count; s++)
            {
                var removed = chosen[s];
                var loss = 0.0;
                foreach (var i in covers[removed])
                {
                    inRemoved[i] = true;
                    if (coverCount[i] == 1) loss += Value(i);
                }
                var (best, bestGain) = (-1, loss);
                for (var c = 0; c < covers.Count; c++)
                {
                    if (isChosen[c]) continue;
                    var gain = 0.0;
                    if ((c & 255) == 0) ct.ThrowIfCancellationRequested();
                    foreach (var i in covers[c]) if (coverCount[i] == 0 || (coverCount[i] == 1 && inRemoved[i])) gain += Value(i);
                    if (gain > bestGain + 1e-9) (best, bestGain) = (c, gain);
                }
                foreach (var i in covers[removed]) inRemoved[i] = false;
                if (best < 0) continue;
                foreach (var i in covers[removed]) coverCount[i]--;
                foreach (var i in covers[best]) coverCount[i]++;
                isChosen[removed] = false;
                isChosen[best] = true;
                chosen[s] = best;
                improved = true;
            }
        }

        // Report in the order that credits each site with what it adds to the ones before it, largest first.
        var picks = new List<CoveringPick>();
        var done = new bool[weights.Count];
        var remaining = new List<int>(chosen);
        while (remaining.Count > 0)
        {
            var (bestAt, bestGain) = (0, -1.0);
            for (var r = 0; r < remaining.Count; r++)
            {
                var gain = 0.0;
                foreach (var i in covers[remaining[r]]) if (!done[i]) gain += Value(i);
                if (gain > bestGain) (bestAt, bestGain) = (r, gain);
            }
            foreach (var i in covers[remaining[bestAt]]) done[i] = true;
            picks.Add(new CoveringPick(remaining[bestAt], bestGain));
            remaining.RemoveAt(bestAt);
        }
        return picks;
    }

    /// <summary>The population a set of sites covers that was not covered before; for checking solutions.</summary>
    public static double CoveredBy(IReadOnlyList<double> weights, IReadOnlyList<bool> covered, IReadOnlyList<IReadOnlyList<int>> covers, IEnumerable<int> sites)
    {
        var hit = new HashSet<int>();
        foreach (var site in sites) hit.UnionWith(covers[site]);
        return hit.Where(i => !covered[i]).Sum(i => weights[i]);
    }
}
