namespace ResourceMap.Graph.Network;

/// <summary>What an activity did for the network of a scope.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="ActorIds">Its participants in the scope.</param>
/// <param name="Communities">How many of the network's communities they belong to.</param>
/// <param name="ActorsJoiningMainNetwork">The actors its ties alone would bring into the main network.</param>
/// <param name="IsolatedGroupsJoined">The isolated groups (and isolated actors) those actors come from.</param>
public sealed record ActivityInNetwork(int ActivityId, IReadOnlyList<int> ActorIds, int Communities, IReadOnlyList<int> ActorsJoiningMainNetwork, int IsolatedGroupsJoined);

/// <summary>
/// An activity's figures in the network of recorded ties (no projected ties): the actors it brought together, from how
/// many communities (Louvain's), and whether it joins isolated groups to the main network — what <see cref="WhatIf"/>
/// answers for ties among its participants, read from the components in O(p) for an activity of p participants: one
/// that touches the main network brings in every other part it touches; one that does not brings in none, unless the
/// parts it joins outgrow the main network, which the what-if itself then settles (O(n + m)).
/// </summary>
public static class ActivityFigures
{
    public static List<ActivityInNetwork> Of(ScopedNetwork network, IEnumerable<ActivityRecord> activities, DateOnly from, DateOnly to)
    {
        var groupOf = new Dictionary<int, int>();
        var groups = network.IsolatedGroups.Concat(network.IsolatedActors.Select(a => new ActorGroup([a]))).ToList();
        for (var g = 0; g < groups.Count; g++)
            foreach (var actor in groups[g].ActorIds) groupOf[actor] = g;
        var result = new List<ActivityInNetwork>();
        foreach (var activity in activities.Where(a => a.HeldBetween(from, to)).OrderBy(a => a.StartsOn).ThenBy(a => a.Id))
        {
            var present = activity.ParticipantIds.Where(id => network.Index(id) is not null).Distinct().Order().ToList();
            if (present.Count == 0) continue;
            var communities = present.Select(id => network.Analysis.CommunityOf[network.IndexOf[id]]).Distinct().Count();
            var joining = Joining(network, present);
            result.Add(new ActivityInNetwork(activity.Id, present, communities, joining,
                joining.Where(groupOf.ContainsKey).Select(id => groupOf[id]).Distinct().Count()));
        }
        return result;
    }

    /// <summary>The actors ties among these would bring into the main network, by id.</summary>
    private static IReadOnlyList<int> Joining(ScopedNetwork network, List<int> present)
    {
        var analysis = network.Analysis;
        var touched = present.Select(id => analysis.ComponentOf[network.IndexOf[id]]).Distinct().ToList();
        if (touched.Count < 2) return [];
        if (touched.Contains(0))
            return touched.Where(c => c != 0).SelectMany(c => analysis.Components[c]).Select(v => network.Actors[v].Id).Order().ToList();
        if (touched.Sum(c => analysis.Components[c].Length) < analysis.Components[0].Length) return [];
        return WhatIf.Evaluate(network, present.Skip(1).Select(id => new ProposedTie(present[0], id)).ToList(), []).ActorsJoiningMainNetwork;
    }

    /// <summary>
    /// The actors <paramref name="actorId"/> took part with in activities held by the network's day, and to whom it has
    /// no recorded tie in the scope (projected ties do not count): those it met only through them. Ordered by id.
    /// </summary>
    public static List<int> MetOnlyThroughActivities(ScopedNetwork network, IEnumerable<ActivityRecord> activities, int actorId)
    {
        if (network.Index(actorId) is null) return [];
        var day = network.Scope.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var tied = network.Ties.Where(t => t.Id > 0 && (t.SourceId == actorId || t.TargetId == actorId))
            .Select(t => t.SourceId == actorId ? t.TargetId : t.SourceId).ToHashSet();
        return activities.Where(a => a.LastHeldBy(day) is not null && a.ParticipantIds.Contains(actorId))
            .SelectMany(a => a.ParticipantIds)
            .Where(id => id != actorId && !tied.Contains(id) && network.Index(id) is not null)
            .Distinct().Order().ToList();
    }
}
