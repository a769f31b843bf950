namespace ResourceMap.Api.Network;

/// <summary>Configuration section <c>Network</c>: how the network's analyses keep up with edits at the scale of a country.</summary>
public sealed class AnalysisSettings
{
    /// <summary>
    /// Networks of at most this many actors always answer with the current data version's analysis: the request waits
    /// for it, which at this size takes a few hundred milliseconds at most. Larger ones answer at once from the freshest
    /// analysis ready while the current one runs in the background.
    /// </summary>
    public int AnswerCurrentUpTo { get; set; } = 2_000;

    /// <summary>Above this many actors, betweenness and distances are first estimated by sampling (the error bound is in <c>approximation</c>).</summary>
    public int ExactUpTo { get; set; } = 20_000;

    /// <summary>Up to this many actors, the exact values replace the estimates when the background has computed them.</summary>
    public int RefineUpTo { get; set; } = 50_000;
}
