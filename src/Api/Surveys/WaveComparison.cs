namespace ResourceMap.Api.Surveys;

/// <summary>What one actor answered in a wave: the partners it named (actors of the map) with its trust and value scores.</summary>
public sealed record WaveAnswer(int RespondentId, IReadOnlyList<NamedPartner> Partners);

public sealed record NamedPartner(int PartnerId, double? Trust, double? Value);

/// <summary>
/// A tie named in either wave: by one side or both, with the mean trust and value of those who named it, and what became
/// of it from the first wave to the second.
/// </summary>
public sealed record WaveTie(int FirstActorId, int SecondActorId, WaveTieAnswers? InFirst, WaveTieAnswers? InSecond, WaveTieChange Change);

public enum WaveTieChange
{
    /// <summary>Named in the second wave only.</summary>
    New,
    /// <summary>Named in both waves.</summary>
    Kept,
    /// <summary>Named in the first wave only, though one of its actors answered the second.</summary>
    Lost,
    /// <summary>Named in the first wave only, and neither of its actors answered the second.</summary>
    NotAskedAgain,
}

public sealed record WaveTieAnswers(bool BothSides, double? Trust, double? Value);

/// <summary>A wave's figures: respondents, ties named, ties both sides named, mean trust and value over the ties.</summary>
public sealed record WaveFigures(int Respondents, int TiesNamed, int ConfirmedByBothSides, double? AverageTrust, double? AverageValue);

public sealed record WaveComparisonResult(WaveFigures First, WaveFigures Second, int NewTies, int LostTies, int NotAskedAgain, IReadOnlyList<WaveTie> Ties);

/// <summary>
/// Compares two waves of a partner survey as PARTNER reports them: a tie is named when either side names the other, and
/// confirmed when both do (reciprocity); its trust and value are the means of the scores of those who named it, and a
/// wave's averages are the means over its ties that have a score. A tie of the first wave that the second does not name
/// is lost only when one of the two answered the second wave; when neither did, nobody was asked again
/// (<see cref="WaveComparisonResult.NotAskedAgain"/>). O(answers + partners named).
/// </summary>
public static class WaveComparison
{
    public static WaveComparisonResult Compare(IReadOnlyList<WaveAnswer> first, IReadOnlyList<WaveAnswer> second)
    {
        var firstTies = Ties(first);
        var secondTies = Ties(second);
        var answeredSecond = second.Select(a => a.RespondentId).ToHashSet();
        var pairs = firstTies.Keys.Union(secondTies.Keys).Order();
        var ties = pairs.Select(p => new WaveTie(p.Item1, p.Item2, firstTies.GetValueOrDefault(p), secondTies.GetValueOrDefault(p), Change(p))).ToList();
        return new WaveComparisonResult(
            Figures(first, firstTies),
            Figures(second, secondTies),
            NewTies: ties.Count(t => t.Change == WaveTieChange.New),
            LostTies: ties.Count(t => t.Change == WaveTieChange.Lost),
            NotAskedAgain: ties.Count(t => t.Change == WaveTieChange.NotAskedAgain),
            ties);

        WaveTieChange Change((int, int) pair) =>
            !firstTies.ContainsKey(pair) ? WaveTieChange.New
            : secondTies.ContainsKey(pair) ? WaveTieChange.Kept
            : answeredSecond.Contains(pair.Item1) || answeredSecond.Contains(pair.Item2) ? WaveTieChange.Lost
            : WaveTieChange.NotAskedAgain;
    }

    private static Dictionary<(int, int), WaveTieAnswers> Ties(IReadOnlyList<WaveAnswer> answers)
    {
        var named = answers
            .SelectMany(a => a.Partners.Where(p => p.PartnerId != a.RespondentId).DistinctBy(p => p.PartnerId).Select(p => (Pair: Pair(a.RespondentId, p.PartnerId), By: a.RespondentId, p.Trust, p.Value)))
            .GroupBy(n => n.Pair);
        return named.ToDictionary(g => g.Key, g => new WaveTieAnswers(
            g.Select(n => n.By).Distinct().Count() == 2,
            Mean(g.Select(n => n.Trust)),
            Mean(g.Select(n => n.Value))));
    }

    private static WaveFigures Figures(IReadOnlyList<WaveAnswer> answers, Dictionary<(int, int), WaveTieAnswers> ties) => new(
        answers.Select(a => a.RespondentId).Distinct().Count(),
        ties.Count,
        ties.Values.Count(t => t.BothSides),
        Mean(ties.Values.Select(t => t.Trust)),
        Mean(ties.Values.Select(t => t.Value)));

    private static (int, int) Pair(int a, int b) => a < b ? (a, b) : (b, a);

    private static double? Mean(IEnumerable<double?> values)
    {
        var given = values.OfType<double>().ToList();
        return given.Count == 0 ? null : given.Average();
    }
}
