using ResourceMap.Graph;
using ResourceMap.Graph.Network;

namespace ResourceMap.Api.Network;

/// <summary>
/// The analyses of every scope in use, kept between requests. A request gets the structure of its scope at the current
/// data version at once (built once per version, O(n + m)) and each metric family from the freshest analysis ready; a
/// family not ready for the current version is computed in the background (<see cref="AnalysisQueue"/>), and the request
/// waits only when its scope has no earlier analysis of that family at all. Families once asked for are computed again
/// for each new version of their scope without being asked. A small network (<see cref="AnalysisSettings.AnswerCurrentUpTo"/>)
/// is always answered current: the request waits for its analysis, which takes milliseconds.
/// </summary>
public sealed class NetworkAnalyses(AnalysisQueue queue, AnalysisSettings settings)
{
    private readonly AnalysisOptions _options = new(ExactUpTo: settings.ExactUpTo, RefineUpTo: settings.RefineUpTo);

    private const int MaxScopes = 64;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ScopeAnalyses> _scopes = [];
    private long _uses;

    /// <summary>What is known of one scope: its newest structure, and per family the newest network that has it computed.</summary>
    private sealed class ScopeAnalyses
    {
        public long Version = -1;
        public Lazy<ScopedNetwork>? Latest;
        public CancellationTokenSource Superseded = new();
        public readonly Dictionary<MetricFamily, ScopedNetwork> Ready = [];
        public readonly HashSet<MetricFamily> InUse = [];
        public long LastUse;
    }

    /// <summary>The view of a scope a request reads: current structure, freshest ready <paramref name="families"/>.</summary>
    /// <param name="snapshot">The current network.</param>
    /// <param name="scope">The part of it.</param>
    /// <param name="families">The metric families the request reads.</param>
    /// <param name="ct">Ends the wait for a family never computed before in this scope (the computation goes on).</param>
    public async Task<NetworkView> ViewAsync(NetworkSnapshot snapshot, NetworkScope scope, IReadOnlyCollection<MetricFamily> families, CancellationToken ct)
    {
        var (state, network) = Structure(snapshot, scope);
        var analysed = new Dictionary<MetricFamily, ScopedNetwork>();
        var waits = new List<(MetricFamily Family, Task Done)>();
        foreach (var family in families)
        {
            ScopedNetwork? earlier = null;
            if (state is not null)
                lock (_gate)
                {
                    state.InUse.Add(family);
                    earlier = state.Ready.GetValueOrDefault(family);
                }
            if (network.Family(family).IsReady)
            {
                if (state is not null) Completed(state, network, family);
                analysed[family] = network;
                continue;
            }
            var wait = earlier is null || network.Actors.Count <= settings.AnswerCurrentUpTo;
            var done = Schedule(state, network, family, wait ? Urgency.Awaited : Urgency.Refresh);
            if (!wait) analysed[family] = earlier!;
            else waits.Add((family, done));
        }
        foreach (var (family, done) in waits)
        {
            await done.WaitAsync(ct);
            analysed[family] = network;
        }
        return new NetworkView(network, analysed);
    }

    /// <summary>The scope's network at the snapshot's version, built once; an older snapshot's (a request that raced an edit) is not kept.</summary>
    private (ScopeAnalyses? State, ScopedNetwork Network) Structure(NetworkSnapshot snapshot, NetworkScope scope)
    {
        ScopeAnalyses state;
        Lazy<ScopedNetwork> latest;
        var newVersion = false;
        lock (_gate)
        {
            if (!_scopes.TryGetValue(scope.Key, out state!))
            {
                if (_scopes.Count >= MaxScopes) Forget(_scopes.MinBy(s => s.Value.LastUse).Key);
                _scopes[scope.Key] = state = new ScopeAnalyses();
            }
            state.LastUse = ++_uses;
            if (snapshot.Version < state.Version) return (null, new ScopedNetwork(snapshot, scope, _options));
            if (snapshot.Version > state.Version)
            {
                state.Superseded.Cancel();
                state.Superseded = new CancellationTokenSource();
                state.Version = snapshot.Version;
                // The previous version's block values, if it has them, are reused by the new one's betweenness.
                var previous = state.Latest is { IsValueCreated: true } built ? built.Value : null;
                state.Latest = new Lazy<ScopedNetwork>(() => new ScopedNetwork(snapshot, scope, _options, previous));
                newVersion = true;
            }
            latest = state.Latest!;
        }
        var network = latest.Value;
        if (newVersion)
        {
            List<MetricFamily> inUse;
            lock (_gate) inUse = state.InUse.ToList();
            foreach (var family in inUse) Schedule(state, network, family, Urgency.Refresh);
        }
        return (state, network);
    }

    private Task Schedule(ScopeAnalyses? state, ScopedNetwork network, MetricFamily family, Urgency urgency)
    {
        CancellationToken superseded;
        lock (_gate) superseded = urgency == Urgency.Awaited || state is null ? CancellationToken.None : state.Superseded.Token;
        return queue.Enqueue(network, family, refine: false, urgency, stop =>
        {
            network.Family(family).Compute(stop);
            if (state is not null) Completed(state, network, family);
            if (network.Refinement(family) is { IsReady: false } refinement)
                queue.Enqueue(network, family, refine: true, Urgency.Refinement, refinement.Compute, superseded);
        }, superseded);
    }

    private void Completed(ScopeAnalyses state, ScopedNetwork network, MetricFamily family)
    {
        lock (_gate)
            if (!state.Ready.TryGetValue(family, out var had) || had.Snapshot.Version <= network.Snapshot.Version)
                state.Ready[family] = network;
    }

    private void Forget(string key)
    {
        _scopes[key].Superseded.Cancel();
        _scopes.Remove(key);
    }
}
