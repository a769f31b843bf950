using ResourceMap.Graph.Paths;

namespace ResourceMap.Graph.Centrality;

/// <summary>
/// Closeness and harmonic centrality from hop distances, as networkx 2.8 defines them. Closeness uses the
/// Wasserman–Faust improvement for disconnected graphs (Wasserman &amp; Faust, Social Network Analysis, 1994, eq. 5.3):
/// C(u) = ((r−1)/(n−1)) · ((r−1)/Σ d(v,u)), r = vertices that reach u. Harmonic centrality (Marchiori &amp; Latora 2000;
/// Boldi &amp; Vigna 2014): H(u) = Σ 1/d(v,u). O(1) per vertex once the distances are summarised.
/// </summary>
public static class Closeness
{
    public static double[] ComputeCloseness(HopDistances.Summary distances)
    {
        var n = distances.ReachedFrom.Length;
        var closeness = new double[n];
        for (var u = 0; u < n; u++)
        {
            var total = (double)distances.DistanceSumTo[u];
            var reach = distances.ReachedFrom[u];
            if (total > 0 && n > 1)
            {
                closeness[u] = (reach - 1.0) / total;
                closeness[u] *= (reach - 1.0) / (n - 1);
            }
        }
        return closeness;
    }

    public static double[] ComputeHarmonic(HopDistances.Summary distances) => (double[])distances.HarmonicTo.Clone();
}
