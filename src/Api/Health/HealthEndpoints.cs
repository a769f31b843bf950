using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Health;

/// <summary>
/// The probes a load balancer or an orchestrator asks: <c>GET /health/live</c> answers 200 while the process serves;
/// <c>GET /health/ready</c> answers 200 once the database answers, the network is read (<see cref="NetworkWarmUp"/>) and,
/// on PostgreSQL, the other instances' changes are heard (<see cref="Changes.ChangeListener"/>); 503 before, or when the
/// database stops answering. Bodies are the bare status (Healthy, Unhealthy): nothing about the
/// data or the error leaves the server.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddResourceMapHealth(this IServiceCollection services)
    {
        services.AddSingleton<NetworkWarmUp>();
        services.AddHostedService(s => s.GetRequiredService<NetworkWarmUp>());
        services.AddSingleton<Changes.ChangeListener>();
        services.AddHostedService(s => s.GetRequiredService<Changes.ChangeListener>());
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready])
            .AddCheck<WarmUpCheck>("network", tags: [Ready])
            .AddCheck<ChangesCheck>("changes", tags: [Ready]);
        return services;
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
    }

    /// <summary>Healthy when the database answers the data version query every request begins with.</summary>
    private sealed class DatabaseCheck(ResourceMapDbContextFactory factory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var db = factory.CreateDbContext();
                await db.GetDataVersionAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", e);
            }
        }
    }

    /// <summary>Healthy once the network has been read at start.</summary>
    private sealed class WarmUpCheck(NetworkWarmUp warmUp) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(warmUp.IsWarm ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The network is still being read."));
    }

    /// <summary>Healthy while the other instances' changes are heard (always, when there can be none).</summary>
    private sealed class ChangesCheck(Changes.ChangeListener listener) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(listener.IsListening ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Not listening for other instances' changes."));
    }
}
