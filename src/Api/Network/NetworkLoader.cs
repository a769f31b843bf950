using ResourceMap.Graph;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Network;

/// <summary>
/// Per-request memo of network views: a list of resources asking each for its <c>metrics</c> checks the data version
/// and resolves its scope once, not once per resource.
/// </summary>
public sealed class NetworkLoader(NetworkSnapshots snapshots, NetworkAnalyses analyses, Access.RequestCaller caller)
{
    private readonly Dictionary<string, Task<NetworkView>> _views = [];

    /// <summary>The view of a scope with the metric families the request reads.</summary>
    public Task<NetworkView> ViewAsync(int? areaId, DateOnly asOf, IReadOnlyList<string>? targetGroups, IReadOnlyList<RelationshipType>? types,
        IReadOnlySet<MetricFamily> families, CancellationToken ct, int? activityHalfLifeDays = null)
    {
        var key = string.Join("|", areaId, asOf, targetGroups is null ? "" : string.Join(",", targetGroups), types is null ? "" : string.Join(",", types),
            string.Join(",", families.Order()), activityHalfLifeDays);
        lock (_views)
        {
            if (!_views.TryGetValue(key, out var view))
                _views[key] = view = Load();
            return view;
        }

        async Task<NetworkView> Load()
        {
            var snapshot = await snapshots.CurrentAsync(ct);
            var scope = await snapshots.ScopeAsync(snapshot, areaId, asOf, targetGroups, types, caller, ct);
            if (activityHalfLifeDays is { } halfLife) scope = scope with { ActivityTies = snapshots.ActivityTies(snapshot, halfLife, caller) };
            return await analyses.ViewAsync(snapshot, scope, families, ct);
        }
    }
}
