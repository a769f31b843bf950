using ResourceMap.Graph;
using ResourceMap.Graph.Network;

namespace ResourceMap.Api.Network;

/// <summary>
/// What one request reads of a scope's network: its structure at the current data version, and each metric family it
/// asked for from the freshest analysis that is ready — the current one, or, while that is computed in the background,
/// an earlier version's. <see cref="Current"/> says which.
/// </summary>
public sealed class NetworkView(ScopedNetwork network, IReadOnlyDictionary<MetricFamily, ScopedNetwork> analysed)
{
    /// <summary>The network at the current data version: actors, ties, components, bridging actors, bridges, degrees.</summary>
    public ScopedNetwork Network => network;

    /// <summary>The network whose values of a family are read; the current one for a family the request did not name.</summary>
    public ScopedNetwork Of(MetricFamily family) => analysed.GetValueOrDefault(family, network);

    /// <summary>The oldest data version any metric read comes from.</summary>
    public long AnalysedVersion => Oldest.Snapshot.Version;

    /// <summary>When the server read the data of <see cref="AnalysedVersion"/>: changes saved after it are not in the metrics.</summary>
    public DateTimeOffset AnalysedAt => Oldest.Snapshot.ReadAt;

    /// <summary>True when every metric read describes the current data version.</summary>
    public bool Current => analysed.Values.All(n => n == network);

    private ScopedNetwork Oldest => analysed.Values.Append(network).MinBy(n => n.Snapshot.Version)!;

    /// <summary>
    /// One actor's value in a family, read from the analysed network by the actor's id. An actor that network does not
    /// hold (added to the scope since) gets <paramref name="absent"/> until the analysis is current.
    /// </summary>
    /// <param name="family">The family the value belongs to.</param>
    /// <param name="vertex">The actor's vertex in <see cref="Network"/>.</param>
    /// <param name="read">Reads the value of a vertex of the analysed network.</param>
    /// <param name="absent">The value of an actor the analysed network does not hold.</param>
    public T Value<T>(MetricFamily family, int vertex, Func<ScopedNetwork, int, T> read, T absent)
    {
        var source = Of(family);
        if (source == network) return read(source, vertex);
        return source.Index(network.Actors[vertex].Id) is { } v ? read(source, v) : absent;
    }
}
