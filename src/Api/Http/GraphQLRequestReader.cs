using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Http;

/// <summary>
/// Why a request could not be read: the HTTP status, the error code and a message of ours. A plain text is translated
/// whole when it is written; a message with values is written in the request's language at once.
/// </summary>
public sealed record RequestError(int Status, string Code, string Message)
{
    public static RequestError BadRequest(string message) => new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message);

    public static RequestError BadRequest(ref Languages.MessageHandler message) => BadRequest(message.ToMessage());

    public static RequestError BadRequest(Languages.Message message) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message.In(Languages.RequestLanguage.Current));
}

/// <summary>
/// Reads a GraphQL request from HTTP, as GraphQL over HTTP says: POST with an application/json body, or GET with URL
/// parameters. Either the request or the error that refuses it; the messages are ours, never a library's text.
/// </summary>
public static class GraphQLRequestReader
{
    public static async Task<(GraphQLRequest? Request, RequestError? Error)> ReadAsync(HttpContext http)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        try
        {
            if (!HttpMethods.IsPost(http.Request.Method)) return (ReadGet(http.Request, serializer), null);
            if (MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var multipart) && multipart.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                return await MultipartRequest.ReadAsync(http, serializer);
            if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
                || !contentType.MediaType.Equals(GraphQLHttpEndpoint.JsonMediaType, StringComparison.OrdinalIgnoreCase)
                || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
                return (null, new RequestError(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.BadRequest, "Send the request as application/json (UTF-8), or as multipart/form-data with files (GraphQL multipart request specification)."));
            var limit = http.RequestServices.GetRequiredService<Protection.GraphQLLimits>().MaxRequestBodyBytes;
            if (http.Request.ContentLength > limit)
                return (null, TooLarge($"The request body has {http.Request.ContentLength:N0} bytes; this server accepts at most {limit:N0}."));
            // Without a Content-Length (chunked), Kestrel stops reading at the limit and throws a 413 BadHttpRequestException.
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
                bodySize.MaxRequestBodySize = limit;
            var request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
            return request is null ? (null, RequestError.BadRequest("The body is JSON null, not a GraphQL request.")) : (request, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge("The request body is larger than this server accepts."));
        }
        catch (JsonException e)
        {
            return (null, RequestError.BadRequest(Describe(e)));
        }
        // ArgumentException: a key given twice in one JSON object ({"latitude": 1, "latitude": 2}).
        catch (ArgumentException)
        {
            return (null, RequestError.BadRequest("The body gives one key twice in a JSON object."));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NotSupportedException or OverflowException or InvalidCastException)
        {
            return (null, RequestError.BadRequest(Shape));
        }
    }

    private const string Shape = "The body is not a GraphQL request: a JSON object with a string 'query' (or 'documentId'), and optionally 'operationName', an object 'variables' and an object 'extensions'.";

    internal static RequestError TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, message);

    internal static RequestError TooLarge(ref Languages.MessageHandler message) =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, message.ToMessage().In(Languages.RequestLanguage.Current));

    /// <summary>Where the JSON went wrong, in our words (the serializer's own message names its internal types).</summary>
    private static Languages.Message Describe(JsonException e)
    {
        if (e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)) return Languages.Message.Of("The JSON nests arrays or objects deeper than this server reads.");
        if (e.Path is not { Length: > 1 } path) return Languages.Message.Of(Shape);
        var where = path.TrimStart('$').TrimStart('.');
        // Shape, a text of the catalog, is written in the same language.
        return e.LineNumber is { } line && e.BytePositionInLine is { } position
            ? Languages.Message.WithValues("The body is not valid JSON or not a GraphQL request at '{0}' (line {1}, byte {2}). {3}", where, line + 1, position + 1, Shape)
            : Languages.Message.WithValues("The body is not valid JSON or not a GraphQL request at '{0}'. {1}", where, Shape);
    }

    private static GraphQLRequest ReadGet(HttpRequest request, IGraphQLTextSerializer serializer) => new()
    {
        Query = request.Query["query"].ToString(),
        DocumentId = request.Query.TryGetValue("documentId", out var documentId) && !string.IsNullOrEmpty(documentId) ? documentId.ToString() : null,
        OperationName = request.Query.TryGetValue("operationName", out var name) && !string.IsNullOrEmpty(name) ? name.ToString() : null,
        Variables = request.Query.TryGetValue("variables", out var variables) && !string.IsNullOrEmpty(variables) ? serializer.Deserialize<Inputs>(variables.ToString()) : null,
        Extensions = request.Query.TryGetValue("extensions", out var extensions) && !string.IsNullOrEmpty(extensions) ? serializer.Deserialize<Inputs>(extensions.ToString()) : null,
    };
}
