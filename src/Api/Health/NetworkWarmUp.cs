using ResourceMap.Api.Access;
using ResourceMap.Api.Network;
using ResourceMap.Graph;
using ResourceMap.Graph.Network;

namespace ResourceMap.Api.Health;

/// <summary>
/// Reads the network when the server starts and analyses what the map reads first — the whole network's structure and
/// betweenness — so that the first worker to open the map after a restart does not wait for them (30,000 actors: 1.5 s
/// of reading, 1.4 s of estimating). Warmed are the scopes of the public map and of a caller who sees everything;
/// <c>/health/ready</c> answers 503 until they are done.
/// </summary>
public sealed class NetworkWarmUp(NetworkSnapshots snapshots, NetworkAnalyses analyses, ILogger<NetworkWarmUp> log) : BackgroundService
{
    private volatile bool _warm;

    /// <summary>True once the network is read and analysed (or the attempt failed, which is logged).</summary>
    public bool IsWarm => _warm;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var snapshot = await snapshots.CurrentAsync(stoppingToken);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var everything = new NetworkScope(AsOf: today);
            var open = await snapshots.ScopeAsync(snapshot, null, today, null, null, new RequestCaller(), stoppingToken);
            var scopes = new[] { open, everything }.DistinctBy(s => s.Key).ToList();
            foreach (var scope in scopes) await analyses.ViewAsync(snapshot, scope, [MetricFamily.Betweenness], stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Requests then read the network themselves, as they would without a warm-up; the database check says why.
            log.LogError(e, "Warming the network at start failed.");
        }
        finally
        {
            _warm = true;
        }
    }
}
