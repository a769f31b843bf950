namespace ResourceMap.Api.Network;

/// <summary>Configuration section <c>Suggestions</c>: how far suggested ties reach unless a request widens them.</summary>
public sealed class SuggestionSettings
{
    /// <summary>
    /// Two actors in different municipalities are suggested to each other only when at most this far apart: a worker
    /// builds ties where they work, and a neighbouring parish over the border is nearer than the far end of their own.
    /// </summary>
    public double MaxDistanceKm { get; set; } = 30;
}
