namespace ResourceMap.Graph.Network;

/// <summary>Two actors who took part in the same activities, with the weight of those activities on a day.</summary>
/// <param name="FirstId">The actor with the smaller id.</param>
/// <param name="SecondId">The other actor.</param>
/// <param name="Weight">Σ over the activities they shared of 2^(−days since it was last held / half-life).</param>
/// <param name="ActivityIds">The activities they shared, by id.</param>
/// <param name="FirstDay">The first day of the earliest of them.</param>
public sealed record TogetherTie(int FirstId, int SecondId, double Weight, IReadOnlyList<int> ActivityIds, DateOnly FirstDay)
{
    /// <summary>1 for one activity's worth of weight or less, one more for each further one, at most 5.</summary>
    public int Strength => Math.Clamp((int)Math.Ceiling(Weight - 1e-9), 1, 5);
}

/// <summary>
/// The one-mode projection of the two-mode (affiliation) network of actors and activities: two actors are tied when
/// they took part in an activity together (Breiger 1974, "The duality of persons and groups"), weighted by how many
/// activities they shared and how recently, each counting 2^(−age/half-life) on the day of the analysis, its age counted
/// from the last day it was held by then (a weekly class held until last week is recent). Activities not yet begun
/// count nothing; pairs whose weight has fallen below 1/8 (three half-lives) are no longer tied. The tie's strength
/// is ⌈weight⌉ from 1 to 5. O(Σ p²) for activities of p actors in scope.
/// </summary>
public static class ActivityProjection
{
    public const int DefaultHalfLifeDays = 365;

    /// <summary>The type of a projected tie.</summary>
    public const string TieType = "TookPartTogether";

    /// <summary>Pairs lighter than this are left out.</summary>
    public const double SmallestWeight = 0.125;

    /// <summary>The actors of <paramref name="actorIds"/> tied by the activities held by <paramref name="day"/>, ordered by the pair's ids.</summary>
    public static List<TogetherTie> Pairs(IEnumerable<ActivityRecord> activities, DateOnly day, IReadOnlySet<int> actorIds, int halfLifeDays)
    {
        if (halfLifeDays < 1) throw new ArgumentOutOfRangeException(nameof(halfLifeDays), "The half-life is at least a day.");
        var pairs = new Dictionary<(int, int), (double Weight, List<int> Activities, DateOnly FirstDay)>();
        foreach (var activity in activities)
        {
            if (activity.LastHeldBy(day) is not { } last) continue;
            var weight = Math.Pow(2, -(day.DayNumber - last.DayNumber) / (double)halfLifeDays);
            var present = activity.ParticipantIds.Where(actorIds.Contains).Distinct().Order().ToArray();
            for (var i = 0; i < present.Length; i++)
                for (var j = i + 1; j < present.Length; j++)
                {
                    var key = (present[i], present[j]);
                    var (sum, shared, first) = pairs.TryGetValue(key, out var found) ? found : (0.0, [], activity.StartsOn);
                    shared.Add(activity.Id);
                    pairs[key] = (sum + weight, shared, activity.StartsOn < first ? activity.StartsOn : first);
                }
        }
        return pairs.Where(p => p.Value.Weight >= SmallestWeight)
            .OrderBy(p => p.Key)
            .Select(p => new TogetherTie(p.Key.Item1, p.Key.Item2, p.Value.Weight, p.Value.Activities.Order().ToList(), p.Value.FirstDay))
            .ToList();
    }

    /// <summary>
    /// The pairs as ties of type <see cref="TieType"/>, with negative ids (−1, −2, … in the order of
    /// <see cref="Pairs"/>): no recorded tie has one, so nothing mistakes them for a relationship.
    /// </summary>
    public static IEnumerable<Tie> Project(IEnumerable<ActivityRecord> activities, DateOnly day, IReadOnlySet<int> actorIds, int halfLifeDays) =>
        Pairs(activities, day, actorIds, halfLifeDays).Select((p, i) => new Tie(-(i + 1), p.FirstId, p.SecondId, TieType, p.Strength, false, p.FirstDay, null));
}
