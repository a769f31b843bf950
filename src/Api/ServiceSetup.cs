using GraphQL.Types;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Protection;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;

namespace ResourceMap.Api;

/// <summary>The services of the GraphQL API, shared by the web host and by in-process tests.</summary>
public static class ServiceSetup
{
    public static IServiceCollection AddResourceMap(this IServiceCollection services, ResourceMapDbContextFactory factory, bool exposeExceptionDetails, GraphQLLimits? limits = null)
    {
        limits ??= new GraphQLLimits();
        services.AddSingleton(limits);
        services.AddSingleton<PersistedOperations>();
        services.AddSingleton<AnonymousTurns>();
        // Queries run field by field: the resolvers are synchronous or batched, and the parallel strategy's tasks cost
        // more than they save (its batching of loaders is the same). Lists of plain fields are written straight to JSON.
        GraphQL.Execution.IExecutionStrategy queries = limits.DirectWrite ? new Execution.DirectWriteExecutionStrategy() : GraphQL.Execution.SerialExecutionStrategy.Instance;
        services.AddSingleton(new GraphQL.Execution.ExecutionStrategyRegistration(queries, GraphQLParser.AST.OperationType.Query));
        services.AddSingleton(factory);
        services.AddScoped<Access.RequestCaller>();
        services.AddScoped<IDbContextFactory<ResourceMapDbContext>, Access.CallerDbContextFactory>();
        services.AddScoped<ResourceLoaders>();
        services.AddScoped<RelationshipLoaders>();
        services.AddScoped<AreaLoaders>();
        services.AddScoped<Activities.ActivityLoaders>();
        services.AddSingleton<Surveys.SurveyAccess>();
        services.AddHttpContextAccessor();
        services.AddSingleton<Network.NetworkSnapshots>();
        services.AddSingleton<Network.AnalysisQueue>();
        services.AddSingleton<Network.NetworkAnalyses>();
        services.TryAddSingleton(new Network.SuggestionSettings()); // the host's configuration, when it gave one first
        services.TryAddSingleton(new Network.AnalysisSettings());
        services.TryAddSingleton(new Import.ImportSettings());
        services.AddSingleton<Geo.SpatialSnapshots>();
        services.AddScoped<Geo.SpatialLoader>();
        services.AddSingleton<Changes.ChangeFeed>();
        services.AddScoped<Network.NetworkLoader>();
        services.AddGraphQL(b => b
            .AddSchema<ResourceMapSchema>()
            .AddSystemTextJson(json =>
            {
                // Latvian letters and quotes go out as themselves, not as \u escapes; responses are JSON, never HTML.
                json.Encoder = Execution.DirectWriteExecutionStrategy.Encoder;
                json.Converters.Add(new Execution.RawJsonConverter());
            })
            .AddGraphTypes(typeof(ServiceSetup).Assembly)
            .AddErrorInfoProvider(services => new ResourceMapErrorInfoProvider(exposeExceptionDetails, () => services.GetRequiredService<ISchema>()))
            .AddValidationRule<PageSizeValidationRule>()
            .ConfigureExecutionOptions(async options =>
            {
                options.UserContext = new RequestUserContext(options.UserContext);
                var services = options.RequestServices ?? throw new InvalidOperationException("No request services.");
                await services.GetRequiredService<Access.RequestCaller>().SignInAsync(options.User, services.GetRequiredService<ResourceMapDbContextFactory>(), options.CancellationToken);
            })
            .ConfigureExecution(OperationBudget.Apply(limits))
            .AddUnhandledExceptionHandler(context =>
            {
                var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("ResourceMap.GraphQL");
                logger?.LogError(context.OriginalException, "Unhandled error in GraphQL execution");
            }));
        if (!limits.Introspection) services.AddGraphQL(b => b.AddValidationRule<GraphQL.Validation.Rules.Custom.NoIntrospectionValidationRule>());
        return services;
    }
}
