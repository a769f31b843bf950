using ResourceMap.Api;
using ResourceMap.Api.Access;
using ResourceMap.Api.Cli;
using ResourceMap.Api.Http;
using ResourceMap.Persistence;

if (HelpCommand.Asked(args)) return HelpCommand.Run(Console.Out);

if (args.Length > 0 && args[0] == "analyze") {
    using var stdout = Console.OpenStandardOutput();
    return AnalyzeCommand.Run(args[1..], Console.Error, stdout);
}

if (args.Length > 0 && args[0] == "schema")
{
    // The SDL of the schema, for schema.graphql: `dotnet run --project src/Api -- schema > schema.graphql`.
    Console.Out.Write(ResourceMap.Api.Schema.SchemaContract.Build());
    return 0;
}
if (args.Length > 0 && args[0] == "token") return await TokenCommand.RunAsync(args[1..], Console.Out, Console.Error);
if (args.Length > 0 && args[0] == "user") return await UserCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error);
if (args.Length > 0 && args[0] is "backup" or "restore") return await BackupCommand.RunAsync(args[0], args[1..], Console.Out, Console.Error);
if (args.Length > 0 && args[0] == "import") return await ImportCommand.RunAsync(args[1..], Console.Out, Console.Error);
if (args.Length > 0 && args[0] == "import-areas") return await ImportAreasCommand.RunAsync(args[1..], Console.Out, Console.Error);
if (args.Length > 0 && args[0] == "import-population") return await ImportPopulationCommand.RunAsync(args[1..], Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://localhost:5080");

var settings = builder.Configuration.GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings();
var factory = new ResourceMapDbContextFactory(settings);
var limits = builder.Configuration.GetSection("GraphQL").Get<ResourceMap.Api.Protection.GraphQLLimits>() ?? new ResourceMap.Api.Protection.GraphQLLimits();
builder.Services.AddSingleton(builder.Configuration.GetSection("Suggestions").Get<ResourceMap.Api.Network.SuggestionSettings>() ?? new ResourceMap.Api.Network.SuggestionSettings());
builder.Services.AddSingleton(builder.Configuration.GetSection("Network").Get<ResourceMap.Api.Network.AnalysisSettings>() ?? new ResourceMap.Api.Network.AnalysisSettings());
builder.Services.AddSingleton(builder.Configuration.GetSection("Import").Get<ResourceMap.Api.Import.ImportSettings>() ?? new ResourceMap.Api.Import.ImportSettings());
builder.Services.AddResourceMap(factory, exposeExceptionDetails: builder.Environment.IsDevelopment(), limits);
builder.Services.AddSingleton(new ResourceMap.Api.Protection.ClientRateLimiter(builder.Configuration.GetSection("RateLimit").Get<ResourceMap.Api.Protection.RateLimits>() ?? new ResourceMap.Api.Protection.RateLimits()));
var auth = builder.Configuration.GetSection("Auth").Get<AuthSettings>() ?? new AuthSettings();
builder.Services.AddTokenAuthentication(auth, settings.DataFolder);

builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(builder.Configuration.GetSection("Backup").Get<BackupSettings>() ?? new BackupSettings());
builder.Services.AddHostedService<BackupService>();
builder.Services.AddHostedService<ResourceMap.Api.Surveys.SurveyRetention>();
ResourceMap.Api.Health.HealthEndpoints.AddResourceMapHealth(builder.Services);

var app = builder.Build();
// Held while the server runs, so that a restore knows to wait for it to stop.
using var dataFolderLock = settings.Provider == DatabaseProvider.Sqlite ? DataFolderLock.HoldShared(settings.DataFolder) : null;
await DatabaseInitializer.InitializeAsync(factory, settings);
await UserAccounts.CreateFirstAdminAsync(factory, auth, CancellationToken.None);

app.UseAuthentication();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
app.MapGraphQLEndpoint("/graphql");
ResourceMap.Api.Health.HealthEndpoints.Map(app);
ResourceMap.Api.Import.ImportEndpoints.Map(app);
ResourceMap.Api.Import.ExportEndpoints.Map(app);
ResourceMap.Api.Hsds.HsdsEndpoints.Map(app);
if (builder.Configuration.GetValue<bool>("Benchmark:Endpoints")) ResourceMap.Api.Benchmark.BenchmarkEndpoints.MapBenchmarkEndpoints(app);
ResourceMap.Api.Web.WebApp.Map(app, builder.Configuration.GetSection("Web").Get<ResourceMap.Api.Web.WebSettings>() ?? new ResourceMap.Api.Web.WebSettings());

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls) Console.WriteLine($"ResourceMap is running: open {url.TrimEnd('/')}/ for the map, {url.TrimEnd('/')}/graphql for GraphiQL.");
});
await app.RunAsync();
return 0;
