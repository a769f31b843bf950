using System.Reflection;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.Net.Http.Headers;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Schema;

namespace ResourceMap.Api.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): POST with application/json for any operation,
/// GET with URL parameters for queries only, and GraphiQL for a browser that asks for HTML.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    /// <summary>The request header with which a client asks for its operation's cost (<c>extensions.cost</c>), as Hot Chocolate reads it.</summary>
    public const string CostHeader = "GraphQL-Cost";

    public static void MapGraphQLEndpoint(this WebApplication app, string path)
    {
        app.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], HandleAsync);
        app.MapMethods(path, [HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, POST";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        });
        app.MapGet(path + "/ui/{file}", (string file) => GraphiQLAssets.Serve(file));
    }

    /// <summary>Reads the request, executes it, writes the answer; each step may refuse it with its own status and code.</summary>
    private static async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        Languages.RequestLanguage.Use(http);
        if (http.RequestServices.GetRequiredService<Protection.ClientRateLimiter>().Refuse(Protection.ClientRateLimiter.ClientOf(http.User, http.Connection.RemoteIpAddress)) is { } wait)
        {
            await Protection.ClientRateLimiter.WriteRefusalAsync(http, wait);
            return;
        }
        if (http.WebSockets.IsWebSocketRequest)
        {
            await GraphQLWebSocket.HandleAsync(http);
            return;
        }
        if (HttpMethods.IsGet(request.Method) && request.Query.ContainsKey("sdl"))
        {
            if (!http.RequestServices.GetRequiredService<Protection.GraphQLLimits>().Introspection)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound; // the schema is not public on this server
                return;
            }
            await Results.Text(SchemaContract.Sdl(http.RequestServices.GetRequiredService<ResourceMapSchema>()), "text/plain; charset=utf-8").ExecuteAsync(http);
            return;
        }
        if (HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("documentId") && AcceptsHtml(request))
        {
            await GraphiQLAssets.Page(request.PathBase + request.Path).ExecuteAsync(http);
            return;
        }

        var responseType = NegotiateResponseType(request);
        if (responseType is null)
        {
            http.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            return;
        }
        var (graphQLRequest, error) = await GraphQLRequestReader.ReadAsync(http);
        if (error is null && await Access.AuthenticationSetup.RefusedTokenAsync(http) is { } refusedToken)
        {
            // A bad token is not treated as no token: the client would silently see less and not know why.
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            error = new RequestError(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, refusedToken);
        }
        GraphQLDocument? document = null;
        if (error is null) (document, error) = Prepare(http, graphQLRequest!);
        if (error is not null)
        {
            if (error.Status == StatusCodes.Status415UnsupportedMediaType) http.Response.Headers.Accept = JsonMediaType;
            await WriteRequestErrorAsync(http, responseType, error);
            return;
        }

        using var turn = new Protection.OperationBudget.TurnHolder();
        var result = await ExecuteAsync(graphQLRequest!, http.RequestServices, http.User, http.RequestAborted, options =>
        {
            options.Document = document;
            options.UserContext[Protection.OperationBudget.HeldTurn] = turn;
            if (request.Headers[CostHeader].ToString().Equals("report", StringComparison.OrdinalIgnoreCase))
                options.UserContext[Protection.OperationBudget.ReportCost] = new Protection.OperationBudget.CostReport();
        });

        // With application/graphql-response+json a request that never executed (syntax, validation or variable errors)
        // is a client error; with plain application/json every well-formed request gets 200.
        http.Response.StatusCode = responseType == GraphQLResponseMediaType && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = responseType + "; charset=utf-8";
        await http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// The document to run, from the text or the persisted operation named; a GET is parsed here to refuse a mutation
    /// (405), a POST when it executes (a syntax error is then reported in GraphQL form).
    /// </summary>
    private static (GraphQLDocument? Document, RequestError? Error) Prepare(HttpContext http, GraphQLRequest request)
    {
        var (query, refused) = http.RequestServices.GetRequiredService<Protection.PersistedOperations>().Resolve(request);
        if (refused is not null) return (null, new RequestError(StatusCodes.Status400BadRequest, refused.Code!, refused.Message));
        request.Query = query;
        if (string.IsNullOrEmpty(request.Query)) return (null, RequestError.BadRequest("The request has no 'query'."));
        if (!HttpMethods.IsGet(http.Request.Method)) return (null, null);
        var (document, _) = Protection.OperationBudget.Parse(request.Query, http.RequestServices.GetRequiredService<Protection.GraphQLLimits>());
        if (document is not null && IsMutation(document, request.OperationName))
        {
            http.Response.Headers.Allow = "POST";
            return (null, new RequestError(StatusCodes.Status405MethodNotAllowed, ErrorCodes.BadRequest, "Mutations are sent with POST, not GET."));
        }
        return (document, null);
    }

    /// <summary>Runs one request of either transport (under <see cref="Protection.OperationBudget"/>, which both share).</summary>
    internal static Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, IServiceProvider services, System.Security.Claims.ClaimsPrincipal user,
        CancellationToken ct, Action<ExecutionOptions>? configure = null) =>
        services.GetRequiredService<IDocumentExecuter<ResourceMapSchema>>().ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.RequestServices = services;
            options.User = user;
            options.CancellationToken = ct;
            configure?.Invoke(options);
        });

    private static bool IsMutation(GraphQLDocument document, string? operationName) =>
        Protection.OperationBudget.Operation(document, operationName) is { Operation: not OperationType.Query };

    /// <summary>
    /// The response media type: application/graphql-response+json when the client accepts it or anything, plain
    /// application/json when only that is accepted, null when neither is.
    /// </summary>
    private static string? NegotiateResponseType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0) return JsonMediaType;
        var acceptable = accept
            .Select(a => (Type: a.MediaType.Value?.ToLowerInvariant() switch
            {
                GraphQLResponseMediaType or "application/*" or "*/*" => GraphQLResponseMediaType,
                JsonMediaType => JsonMediaType,
                _ => null,
            }, Quality: a.Quality ?? 1))
            .Where(a => a.Type is not null && a.Quality > 0)
            .ToList();
        if (acceptable.Count == 0) return null;
        var top = acceptable.Max(a => a.Quality);
        return acceptable.Any(a => a.Quality == top && a.Type == GraphQLResponseMediaType) ? GraphQLResponseMediaType : JsonMediaType;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept?.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)) == true;

    private static async Task WriteRequestErrorAsync(HttpContext http, string responseType, RequestError error)
    {
        http.Response.StatusCode = error.Status;
        http.Response.ContentType = responseType + "; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(error.Message) { Code = error.Code });
        await http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}

/// <summary>GraphiQL 3.9.0 with React 18, served from files embedded in this assembly so it works offline.</summary>
internal static class GraphiQLAssets
{
    private static readonly Assembly Assembly = typeof(GraphiQLAssets).Assembly;

    public static IResult Page(string endpoint)
    {
        using var stream = Assembly.GetManifestResourceStream("GraphiQL.index.html")!;
        using var reader = new StreamReader(stream);
        var html = reader.ReadToEnd().Replace("{{endpoint}}", System.Net.WebUtility.HtmlEncode(endpoint));
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public static IResult Serve(string file)
    {
        var stream = Assembly.GetManifestResourceStream("GraphiQL." + file);
        if (stream is null || file.EndsWith(".html", StringComparison.Ordinal)) return Results.NotFound();
        var contentType = file.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        return Results.Stream(stream, contentType);
    }
}
