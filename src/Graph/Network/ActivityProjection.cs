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
    public int Strength => ActivityProjection.Strength(Weight);
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
        var held = activities.ToList();
        var shared = new Dictionary<long, List<int>>();
        foreach (var activity in held.Where(a => a.LastHeldBy(day) is not null))
            ForEachPair(activity, actorIds, key => (shared.TryGetValue(key, out var list) ? list : shared[key] = []).Add(activity.Id));
        return Accumulate(held, day, actorIds, halfLifeDays)
            .Select(p => new TogetherTie(p.First, p.Second, p.Weight, shared[Key(p.First, p.Second)].Order().ToList(), p.FirstDay))
            .ToList();
    }

    /// <summary>
    /// The pairs as ties of type <see cref="TieType"/>, with negative ids (−1, −2, … in the order of
    /// <see cref="Pairs"/>): no recorded tie has one, so nothing mistakes them for a relationship.
    /// </summary>
    public static IEnumerable<Tie> Project(IEnumerable<ActivityRecord> activities, DateOnly day, IReadOnlySet<int> actorIds, int halfLifeDays) =>
        Accumulate(activities, day, actorIds, halfLifeDays)
            .Select((p, i) => new Tie(-(i + 1), p.First, p.Second, TieType, Strength(p.Weight), false, p.FirstDay, null));

    /// <summary>1 for one activity's worth of weight or less, one more for each further one, at most 5.</summary>
    public static int Strength(double weight) => Math.Clamp((int)Math.Ceiling(weight - 1e-9), 1, 5);

    private struct Sum
    {
        public double Weight;
        public DateOnly FirstDay;
    }

    /// <summary>
    /// Each pair's weight and first day, summed in one dictionary keyed by the pair packed into a long (no allocation per
    /// pair: a country's activities make hundreds of thousands), heavy enough pairs ordered by their ids.
    /// </summary>
    private static List<(int First, int Second, double Weight, DateOnly FirstDay)> Accumulate(IEnumerable<ActivityRecord> activities, DateOnly day,
        IReadOnlySet<int> actorIds, int halfLifeDays)
    {
        if (halfLifeDays < 1) throw new ArgumentOutOfRangeException(nameof(halfLifeDays), "The half-life is at least a day.");
        var sums = new Dictionary<long, Sum>();
        foreach (var activity in activities)
        {
            if (activity.LastHeldBy(day) is not { } last) continue;
            var weight = Math.Pow(2, -(day.DayNumber - last.DayNumber) / (double)halfLifeDays);
            ForEachPair(activity, actorIds, key =>
            {
                ref var sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, key, out var existed);
                sum.Weight += weight;
                if (!existed || activity.StartsOn < sum.FirstDay) sum.FirstDay = activity.StartsOn;
            });
        }
        var keys = sums.Where(p => p.Value.Weight >= SmallestWeight).Select(p => p.Key).ToArray();
        Array.Sort(keys);
        return keys.Select(key => ((int)(key >> 32), (int)(key & 0xFFFF_FFFF), sums[key].Weight, sums[key].FirstDay)).ToList();
    }

    /// <summary>Calls <paramref name="visit"/> with each pair of the activity's actors in scope, smaller id first.</summary>
    private static void ForEachPair(ActivityRecord activity, IReadOnlySet<int> actorIds, Action<long> visit)
    {
        var present = activity.ParticipantIds.Where(actorIds.Contains).Distinct().Order().ToArray();
        for (var i = 0; i < present.Length; i++)
            for (var j = i + 1; j < present.Length; j++)
                visit(Key(present[i], present[j]));
    }

    /// <summary>A pair of non-negative ids in one long that sorts as the pair does.</summary>
    private static long Key(int first, int second) => ((long)first << 32) | (uint)second;
}
