using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using ResourceMap.Api.Import;

namespace ResourceMap.Api.Http;

/// <summary>
/// Reads a request of the GraphQL multipart request specification (github.com/jaydenseric/graphql-multipart-request-spec):
/// the parts <c>operations</c> (the request as JSON, files as nulls) and <c>map</c> (each file part's key → the variable
/// paths it fills), then the files. One operation per request (no batches). As Hot Chocolate and Apollo Server do against
/// cross-site request forgery (a form can post multipart without a preflight), the request must carry a header a plain
/// form cannot: <c>GraphQL-Preflight</c>, <c>Apollo-Require-Preflight</c> or <c>X-Apollo-Operation-Name</c>.
/// </summary>
public static class MultipartRequest
{
    private static readonly string[] PreflightHeaders = ["GraphQL-Preflight", "Apollo-Require-Preflight", "X-Apollo-Operation-Name"];

    public static async Task<(GraphQLRequest? Request, RequestError? Error)> ReadAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        if (!PreflightHeaders.Any(h => http.Request.Headers.ContainsKey(h)))
            return (null, RequestError.BadRequest("A multipart request needs the header 'GraphQL-Preflight: 1' (so that no other site's form can send one)."));
        var settings = http.RequestServices.GetRequiredService<ImportSettings>();
        var operationsLimit = http.RequestServices.GetRequiredService<Protection.GraphQLLimits>().MaxRequestBodyBytes;
        var limit = 2 * settings.MaxFileBytes + operationsLimit + 64 * 1024;
        if (http.Request.ContentLength > limit)
            return (null, GraphQLRequestReader.TooLarge($"The request has {http.Request.ContentLength:N0} bytes; files may have at most {settings.MaxFileMegabytes} MB each (Import:MaxFileMegabytes)."));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = limit;

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = limit,
                ValueLengthLimit = (int)Math.Min(int.MaxValue, operationsLimit),
                ValueCountLimit = 64,
            }, http.RequestAborted);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, GraphQLRequestReader.TooLarge($"The request is larger than this server accepts: files of at most {settings.MaxFileMegabytes} MB each (Import:MaxFileMegabytes)."));
        }
        catch (InvalidDataException)
        {
            return (null, RequestError.BadRequest("The body is not readable multipart/form-data (a boundary missing or broken)."));
        }

        if (form["operations"] is not [{ } operations]) return (null, RequestError.BadRequest("A multipart request needs one part 'operations': the GraphQL request as JSON."));
        if (form["map"] is not [{ } mapText]) return (null, RequestError.BadRequest("A multipart request needs one part 'map': each file part's name → the variable paths it fills."));
        if (operations.TrimStart().StartsWith('[')) return (null, RequestError.BadRequest("Batches of operations are not served: send one operation per request."));
        var request = serializer.Deserialize<GraphQLRequest>(operations);
        if (request is null) return (null, RequestError.BadRequest("'operations' is JSON null, not a GraphQL request."));
        Dictionary<string, string[]>? map;
        try
        {
            map = JsonSerializer.Deserialize<Dictionary<string, string[]>>(mapText);
        }
        catch (JsonException)
        {
            return (null, RequestError.BadRequest("'map' must be a JSON object of file part names, each to an array of paths such as \"variables.file\"."));
        }

        var variables = request.Variables is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(request.Variables);
        foreach (var (part, paths) in map ?? [])
        {
            if (form.Files.GetFile(part) is not { } file) return (null, RequestError.BadRequest($"'map' names the part '{part}', which the request does not hold."));
            if (file.Length > settings.MaxFileBytes)
                return (null, GraphQLRequestReader.TooLarge($"'{file.FileName}' has {file.Length / (1024 * 1024)} MB, more than the {settings.MaxFileMegabytes} MB allowed (Import:MaxFileMegabytes)."));
            using var content = new MemoryStream((int)file.Length);
            await file.CopyToAsync(content, http.RequestAborted);
            var upload = new UploadedFile(file.FileName, file.ContentType, content.ToArray());
            foreach (var path in paths)
                if (!Set(variables, path, upload)) return (null, RequestError.BadRequest($"'map' gives the path '{path}', which is no null variable of 'operations' (write variables.NAME)."));
        }
        request.Variables = new Inputs(variables);
        return (request, null);
    }

    /// <summary>Puts the file where a path ("variables.input.file", "variables.files.0") points, at a null placeholder.</summary>
    private static bool Set(Dictionary<string, object?> variables, string path, UploadedFile file)
    {
        var steps = path.Split('.');
        if (steps.Length < 2 || steps[0] != "variables") return false;
        object? parent = variables;
        for (var i = 1; i < steps.Length; i++)
        {
            var last = i == steps.Length - 1;
            switch (parent)
            {
                case IDictionary<string, object?> dictionary when dictionary.ContainsKey(steps[i]):
                    if (last) { if (dictionary[steps[i]] is not null) return false; dictionary[steps[i]] = file; return true; }
                    parent = dictionary[steps[i]];
                    break;
                case IList<object?> list when int.TryParse(steps[i], out var index) && index >= 0 && index < list.Count:
                    if (last) { if (list[index] is not null) return false; list[index] = file; return true; }
                    parent = list[index];
                    break;
                default:
                    return false;
            }
        }
        return false;
    }
}
