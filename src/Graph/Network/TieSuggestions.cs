using ResourceMap.Graph.Spatial;

namespace ResourceMap.Graph.Network;

/// <summary>
/// A sentence for a worker, as an English template and its values, so the API can write it in the reader's language:
/// {0} is a value, {0:0.0} a number's format, {0:one=actor|other=actors} words that agree with a number (CLDR plural
/// categories). A value may be a list of texts (written with commas).
/// </summary>
public sealed record Reason(string Template, params object[] Values)
{
    public override string ToString() => Template;
}

/// <summary>A tie worth building, with the reasons a worker can read and what it would change.</summary>
public sealed record SuggestedTie(
    int FromId,
    int ToId,
    double Score,
    Reason Purpose,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<(string Need, string Offer, int NeedingActorId)> NeedsMet,
    IReadOnlyList<string> SharedTargetGroups,
    double? DistanceKm,
    int CommonNeighbours,
    double AdamicAdar,
    int ActorsNewlyReached);

/// <summary>
/// Ranks new ties that would join isolated groups, isolated actors and weakly tied communities to the rest. A pair scores
/// for needs one side has that the other offers, for target groups both serve, for partners they share (Adamic–Adar:
/// L. Adamic &amp; E. Adar, Social Networks 25(3), 2003) and for being near each other (proximity p = 1/(1 + km/25)):
/// score = (3·needs met + shared groups + Adamic–Adar)·(0.5 + 0.5p) + 2p + ln(1 + actors newly reached). A pair with
/// no need met, no shared target group and no shared partner is not suggested: nearness alone is no reason. Within a reach
/// of k km, a pair is offered only when both are in the same municipality or at most k km apart: a worker in Daugavpils
/// builds ties in Daugavpils, not with a library in Cēsis 177 km away. O(group × candidates × tags) per group.
/// </summary>
public static class TieSuggestions
{
    /// <summary>Offers that answer a need though their words differ; keys and values are folded (lower case, no diacritics).</summary>
    private static readonly Dictionary<string, string[]> Answers = new()
    {
        ["meeting place"] = ["venue"],
        ["rehearsal space"] = ["venue"],
        ["funding"] = ["project funding", "municipal ngo co-financing", "grant programme"],
        ["project funding"] = ["municipal ngo co-financing", "grant programme"],
        ["volunteers"] = ["volunteering"],
        ["social media training"] = ["computer skills"],
        ["computer skills"] = ["social media training"],
    };

    /// <param name="network">The analysed network.</param>
    /// <param name="fold">Folds a tag for comparison (case and diacritics).</param>
    /// <param name="withinKm">Pairs in two municipalities only when at most this far apart; null for any distance.</param>
    /// <param name="perGroup">Suggestions kept per isolated group, actor or weak community.</param>
    public static IReadOnlyList<SuggestedTie> Suggest(ScopedNetwork network, Func<string, string> fold, double? withinKm = null, int perGroup = 5)
    {
        var suggestions = new List<SuggestedTie>();
        var main = network.MainNetwork.ActorIds.ToHashSet();
        var tied = network.Ties.Select(t => (Math.Min(t.SourceId, t.TargetId), Math.Max(t.SourceId, t.TargetId))).ToHashSet();

        foreach (var group in network.IsolatedGroups)
            suggestions.AddRange(Best(group.ActorIds, main, new Reason("joins the isolated group of {0} {0:one=actor|other=actors} to the main network", group.ActorIds.Count), group.ActorIds.Count));
        foreach (var actor in network.IsolatedActors)
            suggestions.AddRange(Best([actor], main, new Reason("brings an isolated actor into the main network"), 1));
        foreach (var community in network.Communities.Where(c => c.WeaklyTied && c.Members.ActorIds.All(main.Contains)))
        {
            var members = community.Members.ActorIds.ToHashSet();
            suggestions.AddRange(Best(community.Members.ActorIds, main.Where(a => !members.Contains(a)).ToHashSet(),
                new Reason("ties a weakly tied community of {0} {0:one=actor|other=actors} more firmly to the rest", members.Count), 0));
        }
        return suggestions.OrderByDescending(s => s.Score).ThenBy(s => s.FromId).ThenBy(s => s.ToId).ToList();

        IEnumerable<SuggestedTie> Best(IReadOnlyList<int> members, IReadOnlySet<int> candidates, Reason purpose, int newlyReached) =>
            members.SelectMany(m => candidates.Where(c => !tied.Contains((Math.Min(m, c), Math.Max(m, c))) && InReach(m, c)).Select(c => Score(m, c, purpose, newlyReached)))
                .Where(s => s.NeedsMet.Count > 0 || s.SharedTargetGroups.Count > 0 || s.CommonNeighbours > 0)
                .OrderByDescending(s => s.Score).ThenBy(s => s.FromId).ThenBy(s => s.ToId)
                .Take(perGroup);

        // Same municipality, or near enough; a pair whose distance is unknown counts as near only when a municipality is
        // unknown too (nothing says they are far apart).
        bool InReach(int a, int b)
        {
            if (withinKm is not { } reach) return true;
            var (x, y) = (network.Snapshot.Find(a)!, network.Snapshot.Find(b)!);
            if (x.MunicipalityId is { } m && m == y.MunicipalityId) return true;
            return DistanceKm(x, y) is { } km ? km <= reach : x.MunicipalityId is null || y.MunicipalityId is null;
        }

        SuggestedTie Score(int fromId, int toId, Reason purpose, int newlyReached)
        {
            var from = network.Snapshot.Find(fromId)!;
            var to = network.Snapshot.Find(toId)!;
            var needsMet = Matches(from, to).Concat(Matches(to, from)).ToList();
            var shared = from.TargetGroups.Intersect(to.TargetGroups).Where(g => g != "all").Order(StringComparer.Ordinal).ToList();
            var km = DistanceKm(from, to);
            var proximity = km is { } d ? 1 / (1 + d / 25) : 0.5;
            var (common, adamicAdar) = CommonNeighbours(network, fromId, toId);
            var score = (3 * needsMet.Count + Math.Min(3, shared.Count) + adamicAdar) * (0.5 + 0.5 * proximity) + 2 * proximity + Math.Log(1 + newlyReached);

            var reasons = new List<Reason>();
            foreach (var (need, offer, needing) in needsMet)
            {
                var (needer, offerer) = needing == fromId ? (from, to) : (to, from);
                reasons.Add(new Reason("{0} needs “{1}”; {2} offers “{3}”.", needer.Name, need, offerer.Name, offer));
            }
            if (shared.Count > 0) reasons.Add(new Reason("Both serve {0}.", shared));
            if (km is { } distance) reasons.Add(new Reason("{0:0.0} km apart.", distance));
            if (common > 0) reasons.Add(new Reason("{0} {0:one=partner|other=partners} in common (Adamic–Adar {1:0.00}).", common, adamicAdar));
            if (newlyReached > 0) reasons.Add(new Reason("Would bring {0} {0:one=actor|other=actors} into the main network.", newlyReached));
            return new SuggestedTie(fromId, toId, Math.Round(score, 6), purpose, reasons, needsMet, shared, km is null ? null : Math.Round(km.Value, 3), common, adamicAdar, newlyReached);
        }

        IEnumerable<(string, string, int)> Matches(Actor needing, Actor offering)
        {
            foreach (var need in needing.Needs)
            {
                var n = fold(need);
                var offer = offering.Offers.FirstOrDefault(o =>
                {
                    var f = fold(o);
                    return f == n || f.Contains(n) || n.Contains(f) || (Answers.TryGetValue(n, out var answers) && answers.Contains(f));
                });
                if (offer is not null) yield return (need, offer, needing.Id);
            }
        }
    }

    private static double? DistanceKm(Actor a, Actor b) =>
        a.Latitude is { } la && a.Longitude is { } lo && b.Latitude is { } lb && b.Longitude is { } lob ? Geodesic.DistanceMeters(la, lo, lb, lob) / 1000 : null;

    /// <summary>Partners both actors share and the Adamic–Adar index Σ 1/ln(degree) over them.</summary>
    public static (int Count, double AdamicAdar) CommonNeighbours(ScopedNetwork network, int a, int b)
    {
        if (network.Index(a) is not { } va || network.Index(b) is not { } vb) return (0, 0);
        var g = network.Graph;
        var common = g.Neighbours(va).ToArray().Intersect(g.Neighbours(vb).ToArray()).ToList();
        return (common.Count, common.Sum(z => g.OutDegree(z) > 1 ? 1 / Math.Log(g.OutDegree(z)) : 0));
    }
}
