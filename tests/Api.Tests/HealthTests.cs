using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ResourceMap.Api.Health;
using ResourceMap.Api.Network;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Tests;

/// <summary>The readiness an orchestrator asks before it sends a server requests.</summary>
public class HealthTests
{
    private static ServiceProvider Services(ResourceMapDbContextFactory factory) =>
        new ServiceCollection().AddLogging().AddResourceMap(factory, exposeExceptionDetails: false).AddResourceMapHealth().BuildServiceProvider();

    private static Task<HealthReport> ReadinessAsync(IServiceProvider services) =>
        services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"));

    [Fact]
    public async Task A_server_is_ready_once_it_has_read_the_network_and_not_before()
    {
        await using var api = await TestApi.StartAsync();
        await using var services = Services(api.Factory);
        var before = await ReadinessAsync(services);
        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, before.Entries["database"].Status);
        Assert.Equal(HealthStatus.Unhealthy, before.Entries["network"].Status);

        var warmUp = services.GetRequiredService<NetworkWarmUp>();
        await warmUp.StartAsync(default);
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));
        // On PostgreSQL a server is ready only once it hears the other instances too (on SQLite there are none).
        var listener = services.GetRequiredService<Changes.ChangeListener>();
        await listener.StartAsync(default);
        for (var waited = 0; !listener.IsListening; waited += 50)
        {
            Assert.True(waited < 60_000, "not listening after a minute");
            await Task.Delay(50);
        }
        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync(services)).Status);
        await listener.StopAsync(default);
        // What it read is what requests read: the snapshot of the current version, already in memory.
        var snapshot = await services.GetRequiredService<NetworkSnapshots>().CurrentAsync(default);
        Assert.Equal(43, snapshot.Actors.Count);
    }

    [Fact]
    public async Task A_server_whose_database_does_not_answer_is_not_ready()
    {
        // The database file's place is taken by a folder: SQLite cannot open it.
        var folder = Path.Combine(Path.GetTempPath(), "resourcemap-health-" + Guid.NewGuid().ToString("N"));
        var settings = new DatabaseSettings { DataFolder = folder };
        Directory.CreateDirectory(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ResolveConnectionString()).DataSource);
        try
        {
            await using var services = Services(new ResourceMapDbContextFactory(settings));
            var warmUp = services.GetRequiredService<NetworkWarmUp>();
            await warmUp.StartAsync(default);
            await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60)); // fails, logs, and does not stop the server
            var report = await ReadinessAsync(services);
            Assert.Equal(HealthStatus.Unhealthy, report.Status);
            Assert.Equal(HealthStatus.Unhealthy, report.Entries["database"].Status);
            Assert.Equal("The database does not answer.", report.Entries["database"].Description);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
