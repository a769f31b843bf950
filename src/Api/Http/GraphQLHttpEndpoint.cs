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

    public static void MapGraphQLEndpoint(this WebApplication app, string path)
    {
        app.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], HandleAsync).RequireRateLimiting(Protection.RateLimits.Policy);
        app.MapMethods(path, [HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, POST";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        });
        app.MapGet(path + "/ui/{file}", (string file) => GraphiQLAssets.Serve(file));
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
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

        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        GraphQLRequest? graphQLRequest;
        try
        {
            graphQLRequest = HttpMethods.IsPost(request.Method)
                ? await ReadPostAsync(http, serializer)
                : ReadGet(request, serializer);
        }
        catch (RequestTooLargeException e)
        {
            await WriteRequestErrorAsync(http, serializer, responseType, StatusCodes.Status413PayloadTooLarge, e.Message, ErrorCodes.RequestTooLarge);
            return;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteRequestErrorAsync(http, serializer, responseType, StatusCodes.Status413PayloadTooLarge, "The request body is larger than this server accepts.", ErrorCodes.RequestTooLarge);
            return;
        }
        // ArgumentException: a key given twice in one JSON object ({"latitude": 1, "latitude": 2}).
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            await WriteRequestErrorAsync(http, serializer, responseType, StatusCodes.Status400BadRequest, "The request body is not a valid GraphQL request: " + e.Message);
            return;
        }
        if (graphQLRequest is null) return; // status already set (415)
        if (await Access.AuthenticationSetup.RefusedTokenAsync(http) is { } refusedToken)
        {
            // A bad token is not treated as no token: the client would silently see less and not know why.
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteRequestErrorAsync(http, serializer, responseType, StatusCodes.Status401Unauthorized, refusedToken, ErrorCodes.Unauthenticated);
            return;
        }
        var (query, refused) = http.RequestServices.GetRequiredService<Protection.PersistedOperations>().Resolve(graphQLRequest);
        if (refused is not null)
        {
            await WriteRequestErrorAsync(http, serializer, responseType, StatusCodes.Status400BadRequest, refused.Message, refused.Code!);
            return;
        }
        graphQLRequest.Query = query;
        if (string.IsNullOrEmpty(graphQLRequest.Query))
        {
            await WriteRequestErrorAsync(http, serializer, responseType, StatusCodes.Status400BadRequest, "The request has no 'query'.");
            return;
        }

        GraphQLDocument? document = null;
        try
        {
            document = GraphQLParser.Parser.Parse(graphQLRequest.Query);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            // The executer reports the syntax error in GraphQL form.
        }
        if (HttpMethods.IsGet(request.Method) && document is not null && IsMutation(document, graphQLRequest.OperationName))
        {
            http.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(http, serializer, responseType, StatusCodes.Status405MethodNotAllowed, "Mutations are sent with POST, not GET.");
            return;
        }

        var result = await ExecuteAsync(graphQLRequest, http.RequestServices, http.User, http.RequestAborted, options => options.Document = document);

        // With application/graphql-response+json a request that never executed (syntax, validation or variable errors)
        // is a client error; with plain application/json every well-formed request gets 200.
        http.Response.StatusCode = responseType == GraphQLResponseMediaType && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>Runs one request of either transport.</summary>
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

    private static async Task<GraphQLRequest?> ReadPostAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            http.Response.Headers.Accept = JsonMediaType;
            return null;
        }
        var limit = http.RequestServices.GetRequiredService<Protection.GraphQLLimits>().MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
            throw new RequestTooLargeException($"The request body has {http.Request.ContentLength:N0} bytes; this server accepts at most {limit:N0}.");
        // Without a Content-Length (chunked), Kestrel stops reading at the limit and throws a 413 BadHttpRequestException.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limit;
        return await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted)
            ?? throw new JsonException("The body is JSON null.");
    }

    private static GraphQLRequest ReadGet(HttpRequest request, IGraphQLTextSerializer serializer) => new()
    {
        Query = request.Query["query"].ToString(),
        DocumentId = request.Query.TryGetValue("documentId", out var documentId) && !string.IsNullOrEmpty(documentId) ? documentId.ToString() : null,
        OperationName = request.Query.TryGetValue("operationName", out var name) && !string.IsNullOrEmpty(name) ? name.ToString() : null,
        Variables = request.Query.TryGetValue("variables", out var variables) && !string.IsNullOrEmpty(variables) ? serializer.Deserialize<Inputs>(variables.ToString()) : null,
        Extensions = request.Query.TryGetValue("extensions", out var extensions) && !string.IsNullOrEmpty(extensions) ? serializer.Deserialize<Inputs>(extensions.ToString()) : null,
    };

    private static bool IsMutation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return operation is not null && operation.Operation != OperationType.Query;
    }

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

    private sealed class RequestTooLargeException(string message) : Exception(message);

    private static async Task WriteRequestErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, string responseType, int status, string message, string code = ErrorCodes.BadRequest)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = responseType + "; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = code });
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
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
