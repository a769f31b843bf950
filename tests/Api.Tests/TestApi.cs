using System.Security.Claims;
using ResourceMap.Api.Access;
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
    private readonly bool _ownsData;

    private TestApi(string folder, ServiceProvider services, ResourceMapDbContextFactory factory, SqlCommandCounter sql, bool ownsData = true)
    {
        _folder = folder;
        _services = services;
        _ownsData = ownsData;
        Factory = factory;
        Sql = sql;
    }

    /// <summary>The same data served with other limits (disposing it leaves the data to this instance).</summary>
    public TestApi Sharing(Protection.GraphQLLimits limits) =>
        new(_folder, new ServiceCollection().AddLogging().AddResourceMap(Factory, exposeExceptionDetails: false, limits).BuildServiceProvider(), Factory, Sql, ownsData: false);

    /// <summary>The strategy that writes lists straight to JSON, when it is on.</summary>
    public Execution.DirectWriteExecutionStrategy? DirectWrite =>
        _services.GetServices<GraphQL.Execution.ExecutionStrategyRegistration>().Select(r => r.Strategy).OfType<Execution.DirectWriteExecutionStrategy>().SingleOrDefault();

    public ResourceMapDbContextFactory Factory { get; }

    /// <summary>One of the API's services.</summary>
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Every SQL command the API sends, for tests that count them.</summary>
    public SqlCommandCounter Sql { get; }

    /// <summary>A new database (SQLite, or PostgreSQL in Api.PostgreSql.Tests: <see cref="TestDatabase"/>) with the API on it.</summary>
    public static async Task<TestApi> StartAsync(bool demoData = true, Protection.GraphQLLimits? limits = null, Network.AnalysisSettings? analysis = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "resourcemap-api-" + Guid.NewGuid().ToString("N"));
        var postgres = await TestDatabase.ConnectionStringAsync();
        var settings = postgres is null
            ? new DatabaseSettings { DataFolder = folder, DemoData = demoData }
            : new DatabaseSettings { Provider = DatabaseProvider.PostgreSql, ConnectionString = postgres, DataFolder = folder, DemoData = demoData };
        var sql = new SqlCommandCounter();
        var factory = new ResourceMapDbContextFactory(settings, b => b.AddInterceptors(sql));
        await DatabaseInitializer.InitializeAsync(factory, settings);
        var collection = new ServiceCollection().AddLogging();
        if (analysis is not null) collection.AddSingleton(analysis);
        var services = collection.AddResourceMap(factory, exposeExceptionDetails: false, limits).BuildServiceProvider();
        return new TestApi(folder, services, factory, sql);
    }

    /// <summary>Who operations run as unless a test names someone: an admin, who may do everything.</summary>
    public static readonly Caller Admin = new("test-admin", Role.Admin, new HashSet<string>());

    /// <summary>Runs one operation as <paramref name="caller"/> (an admin when null) and returns the response as the client would see it.</summary>
    public async Task<JsonElement> ExecuteAsync(string query, object? variables = null, Caller? caller = null) =>
        JsonDocument.Parse(await ExecuteTextAsync(query, variables, caller)).RootElement.Clone();

    /// <summary>The response's JSON text, byte for byte as the server would send it.</summary>
    public Task<string> ExecuteTextAsync(string query, object? variables = null, Caller? caller = null) =>
        ExecuteTextAsync(query, variables is null ? null : _services.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(JsonSerializer.Serialize(variables)), caller);

    /// <summary>Runs one operation with variables as the transport hands them over (files of a multipart request among them).</summary>
    public async Task<JsonElement> ExecuteAsync(string query, Inputs variables, Caller? caller = null) =>
        JsonDocument.Parse(await ExecuteTextAsync(query, variables, caller)).RootElement.Clone();

    private async Task<string> ExecuteTextAsync(string query, Inputs? variables, Caller? caller)
    {
        caller ??= Admin;
        await using var scope = _services.CreateAsyncScope();
        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ResourceMapSchema>>().ExecuteAsync(o =>
        {
            o.Query = query;
            o.Variables = variables;
            o.RequestServices = scope.ServiceProvider;
            o.User = caller.Role == Role.Anonymous
                ? new ClaimsPrincipal(new ClaimsIdentity())
                : new ClaimsPrincipal(new ClaimsIdentity(caller.Claims(), "test", Caller.NameClaim, Caller.RoleClaim));
        });
        return serializer.Serialize(result);
    }

    /// <summary>Runs an operation that must succeed and returns its data.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null, Caller? caller = null) => Data(await ExecuteAsync(query, variables, caller));

    /// <summary>Runs an operation with variables as the transport hands them over; it must succeed.</summary>
    public async Task<JsonElement> DataAsync(string query, Inputs variables, Caller? caller = null) => Data(await ExecuteAsync(query, variables, caller));

    private static JsonElement Data(JsonElement response)
    {
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
            Activities = await db.Activities.AsNoTracking().OrderBy(a => a.Id).ToListAsync(),
            Introductions = await db.Introductions.AsNoTracking().OrderBy(i => i.Id).ToListAsync(),
            Changes = await db.Changes.CountAsync(),
            Areas = (await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Select(a => new { a.Id, a.Name, a.Kind, a.ParentId, a.Approximate, Boundary = a.Boundary?.ToText(), a.Population }),
            Users = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(),
            Sessions = await db.Sessions.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.UserId, s.EndedAt }).ToListAsync(),
            Surveys = await db.Surveys.AsNoTracking().OrderBy(s => s.Id).ToListAsync(),
            SurveyInvitations = await db.SurveyInvitations.AsNoTracking().OrderBy(i => i.Id).ToListAsync(),
            SurveyResponses = await db.SurveyResponses.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
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
        if (!_ownsData) return;
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools(); // idle connections of finished tests would count against the cluster's limit
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Records the text of every command EF Core sends to the database.</summary>
public sealed class SqlCommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private readonly List<string> _commands = [];

    public IReadOnlyList<string> Commands { get { lock (_commands) return _commands.ToList(); } }

    public void Reset() { lock (_commands) _commands.Clear(); }

    private void Record(System.Data.Common.DbCommand command) { lock (_commands) _commands.Add(command.CommandText); }

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
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
