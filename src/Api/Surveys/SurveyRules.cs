using ResourceMap.Api.Errors;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Surveys;

/// <summary>The rules of answers and what PARTNER's scales and a frequency mean on the map.</summary>
public static class SurveyRules
{
    /// <summary>Partners one answer may name: a municipality's association works with dozens, not hundreds.</summary>
    public const int MaxPartners = 100;

    /// <summary>Offers, needs, target groups or languages in one list.</summary>
    public const int MaxTags = 30;

    public const int MaxTagLength = 100;
    public const int MaxNoteLength = 2000;

    /// <summary>The strength of a tie from how often the two work together: daily 5 … yearly 1; 3 when not said.</summary>
    public static int Strength(TieFrequency? frequency) => frequency switch
    {
        TieFrequency.Daily => 5,
        TieFrequency.Weekly => 4,
        TieFrequency.Monthly => 3,
        TieFrequency.Quarterly => 2,
        TieFrequency.Yearly => 1,
        _ => 3,
    };

    /// <summary>PARTNER's trust score: the mean of the three trust items answered (1–4); null when none was.</summary>
    public static double? Trust(SurveyPartner partner) => Mean(partner.Reliable, partner.Open, partner.SharesMission);

    /// <summary>PARTNER's value score: the mean of the three value items answered (1–4); null when none was.</summary>
    public static double? Value(SurveyPartner partner) => Mean(partner.Influence, partner.Involvement, partner.Resources);

    private static double? Mean(params int?[] answers)
    {
        var given = answers.OfType<int>().ToList();
        return given.Count == 0 ? null : given.Average();
    }

    /// <summary>A scale's answer: 1 (not at all) to 4 (a great deal), or not answered.</summary>
    public static int? Scale(int? answer, string field) => answer is null or (>= 1 and <= 4)
        ? answer
        : throw UserError.BadInput($"{field}: answer 1 (not at all) to 4 (a great deal), not {answer}.", field);

    /// <summary>A list of short texts, trimmed, without empty ones and repeats, within the limits.</summary>
    public static List<string>? Tags(List<string>? tags, string field)
    {
        if (tags is null) return null;
        var kept = tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (kept.Count > MaxTags) throw UserError.BadInput($"{field}: at most {MaxTags} items, not {kept.Count}.", field);
        if (kept.FirstOrDefault(t => t.Length > MaxTagLength) is { } tooLong)
            throw UserError.BadInput($"{field}: an item has at most {MaxTagLength} characters; '{tooLong[..20]}…' has {tooLong.Length}.", field);
        return kept;
    }
}
