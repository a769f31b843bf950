using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Protection;

/// <summary>
/// Operations known in advance, sent by id instead of text: GraphQL-over-HTTP's <c>documentId</c> (e.g.
/// <c>"sha256:…"</c> or a name from the file), Relay's persisted queries, or Apollo's
/// <c>extensions.persistedQuery.sha256Hash</c>. The file (<c>GraphQL:PersistedOperationsFile</c>) is a JSON object of id →
/// document; every document can also be named by the SHA-256 of its text. With <c>GraphQL:PersistedOperationsOnly</c>
/// the server runs nothing else — an allow-list for production, where a hostile client cannot send a query of its own.
/// </summary>
public sealed class PersistedOperations
{
    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);

    public PersistedOperations(GraphQLLimits limits)
    {
        Only = limits.PersistedOperationsOnly;
        if (limits.PersistedOperationsFile is not { } file) return;
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))
            ?? throw new InvalidOperationException($"{file} must hold a JSON object of id → GraphQL document.");
        foreach (var (id, document) in entries)
        {
            _documents[id] = document;
            _documents["sha256:" + Hash(document)] = document;
        }
    }

    public bool Only { get; }

    public int Count => _documents.Count;

    /// <summary>The document to run, or the error that refuses the request.</summary>
    public (string? Query, ExecutionError? Error) Resolve(GraphQLRequest request)
    {
        var id = request.DocumentId ?? ApolloHash(request.Extensions);
        if (id is not null)
        {
            if (_documents.TryGetValue(id, out var document)) return (document, null);
            // Written in the request's language at once: over HTTP the refusal's text travels on as a plain RequestError.
            return (null, new ExecutionError(Languages.Message.WithValues("No persisted operation has the id '{0}'.", id).In(Languages.RequestLanguage.Current)) { Code = ErrorCodes.PersistedOperationNotFound });
        }
        if (Only)
            return (null, new ExecutionError("This server runs persisted operations only: send 'documentId' (or extensions.persistedQuery.sha256Hash) instead of 'query'.") { Code = ErrorCodes.PersistedOperationRequired });
        return (request.Query, null);
    }

    public static string Hash(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    private static string? ApolloHash(Inputs? extensions) =>
        extensions?.TryGetValue("persistedQuery", out var persisted) == true && persisted is IDictionary<string, object?> p
        && p.TryGetValue("sha256Hash", out var hash) && hash is string h ? "sha256:" + h : null;
}
