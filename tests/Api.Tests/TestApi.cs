using System.Text.Json;
using GraphQL;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Tests;

/// <summary>The GraphQL schema with its real services on a real SQLite file, executed in process (no HTTP).</summary>
public sealed class TestApi : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;

    private TestApi(string folder, ServiceProvider services, ResourceMapDbContextFactory factory)
    {
        _folder = folder;
        _services = services;
        Factory = factory;
    }

    public ResourceMapDbContextFactory Factory { get; }

    public static async Task<TestApi> StartAsync(bool demoData = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "resourcemap-api-" + Guid.NewGuid().ToString("N"));
        var settings = new DatabaseSettings { DataFolder = folder, DemoData = demoData };
        var factory = new ResourceMapDbContextFactory(settings);
        await DatabaseInitializer.InitializeAsync(factory, settings);
        var services = new ServiceCollection().AddLogging().AddResourceMap(factory, exposeExceptionDetails: false).BuildServiceProvider();
        return new TestApi(folder, services, factory);
    }

    /// <summary>Runs one operation and returns the response as the client would see it.</summary>
    public async Task<JsonElement> ExecuteAsync(string query, object? variables = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ResourceMapSchema>>().ExecuteAsync(o =>
        {
            o.Query = query;
            o.Variables = variables is null ? null : serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables));
            o.RequestServices = scope.ServiceProvider;
        });
        return JsonDocument.Parse(serializer.Serialize(result)).RootElement.Clone();
    }

    /// <summary>Runs an operation that must succeed and returns its data.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var response = await ExecuteAsync(query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data");
    }

    /// <summary>Every row of every table, as text: equal snapshots mean the database did not change.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = Factory.CreateDbContext();
        var rows = new
        {
            Resources = await db.Resources.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
            Relationships = await db.Relationships.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
            Areas = (await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Select(a => new { a.Id, a.Name, a.Kind, a.ParentId, a.Approximate, Boundary = a.Boundary?.ToText(), a.Population }),
        };
        return JsonSerializer.Serialize(rows);
    }

    /// <summary>The global id of the one resource whose name is <paramref name="name"/>.</summary>
    public async Task<string> ResourceIdAsync(string name)
    {
        var data = await DataAsync("query($t: String) { resources(text: $t, first: 500) { nodes { id name } } }", new { t = name });
        return data.GetProperty("resources").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

public static class Json
{
    public static string Code(this JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    public static string Message(this JsonElement response) => response.GetProperty("errors")[0].GetProperty("message").GetString()!;

    public static List<string> Names(this JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToList();
}
