using ResourceMap.Graph.Network;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Network;

/// <summary>
/// Per-request memo of analysed networks: a list of resources asking each for its <c>metrics</c> checks the data version
/// and resolves its scope once, not once per resource.
/// </summary>
public sealed class NetworkLoader(NetworkSnapshots snapshots, Access.RequestCaller caller)
{
    private readonly Dictionary<string, Task<ScopedNetwork>> _networks = [];

    public Task<ScopedNetwork> AnalyseAsync(int? areaId, DateOnly asOf, IReadOnlyList<string>? targetGroups, IReadOnlyList<RelationshipType>? types, CancellationToken ct)
    {
        var key = string.Join("|", areaId, asOf, targetGroups is null ? "" : string.Join(",", targetGroups), types is null ? "" : string.Join(",", types));
        lock (_networks)
        {
            if (!_networks.TryGetValue(key, out var network))
                _networks[key] = network = Load();
            return network;
        }

        async Task<ScopedNetwork> Load()
        {
            var snapshot = await snapshots.CurrentAsync(ct);
            return await snapshots.AnalyseAsync(snapshot, await snapshots.ScopeAsync(snapshot, areaId, asOf, targetGroups, types, caller, ct), ct);
        }
    }
}
