namespace ResourceMap.Api.Protection;

/// <summary>
/// The <c>GraphQL</c> configuration section: what one request may ask of the server. Each limit is checked before any
/// resolver runs (the timeout, by its nature, while they run) and refused with its own <c>extensions.code</c>.
/// </summary>
public sealed class GraphQLLimits
{
    /// <summary>Deepest nesting of fields (<c>QUERY_TOO_DEEP</c>).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Largest cost of one operation per role (<c>QUERY_TOO_COMPLEX</c>), as <see cref="OperationAnalysis"/> prices it: each
    /// field its <c>@cost</c> weight (1 by default), times the sizes of the lists around it. A page of 500 resources with
    /// their location, area and ties costs about 64,000.
    /// </summary>
    public RoleLimits MaxCost { get; set; } = new();

    /// <summary>Longest document in characters (<c>DOCUMENT_TOO_LARGE</c>); variables are not counted.</summary>
    public int MaxDocumentLength { get; set; } = 100_000;

    /// <summary>Most lexical tokens of a document (<c>DOCUMENT_TOO_LARGE</c>), counted before it is parsed.</summary>
    public int MaxTokens { get; set; } = 10_000;

    /// <summary>Most aliased fields in a document (<c>DOCUMENT_TOO_LARGE</c>).</summary>
    public int MaxAliases { get; set; } = 100;

    /// <summary>Most fields of an operation with every fragment expanded where it is spread (<c>DOCUMENT_TOO_LARGE</c>).</summary>
    public long MaxFields { get; set; } = 2_000;

    /// <summary>Most fragment spreads of an operation, nested spreads expanded (<c>DOCUMENT_TOO_LARGE</c>).</summary>
    public long MaxFragmentSpreads { get; set; } = 500;

    /// <summary>Most items of a list argument, such as the ids of <c>nodes</c> (<c>LIST_TOO_LONG</c>).</summary>
    public int MaxListItems { get; set; } = 500;

    /// <summary>Most items of a list inside a filter: <c>and</c>, <c>or</c>, <c>in</c> (<c>LIST_TOO_LONG</c>).</summary>
    public int MaxFilterItems { get; set; } = 100;

    /// <summary>Most levels of nesting of a filter (<c>FILTER_TOO_DEEP</c>).</summary>
    public int MaxFilterDepth { get; set; } = 10;

    /// <summary>
    /// The cost from which an anonymous operation waits for one of the <see cref="AnonymousConcurrency"/> turns; lighter
    /// ones (a page of 500 resources with their ties costs about 20,000) run at once.
    /// </summary>
    public long AnonymousTurnCost { get; set; } = 100_000;

    /// <summary>
    /// Heavy operations of anonymous callers that run at once, server-wide; others wait their turn within their time limit. 0:
    /// half the processors, at least one, so that signed-in workers always find a processor free.
    /// </summary>
    public int AnonymousConcurrency { get; set; }

    /// <summary>Operations (subscriptions included) one WebSocket may hold at once (<c>TOO_MANY_OPERATIONS</c>).</summary>
    public int MaxOperationsPerSocket { get; set; } = 50;

    /// <summary>WebSockets one client (user, else address) may hold open at once (HTTP 429 on the upgrade).</summary>
    public int MaxSocketsPerClient { get; set; } = 8;

    /// <summary>Messages waiting for a socket's client to read them; past that the client is cut off (close code 1008).</summary>
    public int MaxQueuedMessagesPerSocket { get; set; } = 500;

    /// <summary>
    /// Longest operation in seconds (<c>TIMEOUT</c>), from the moment it is read: parsing, validation and execution,
    /// and over a WebSocket each query, mutation and the start of each subscription.
    /// </summary>
    public double ExecutionTimeoutSeconds { get; set; } = 30;

    /// <summary>Largest request body in bytes (<c>REQUEST_TOO_LARGE</c>, HTTP 413); room for a municipality's boundaries.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Whether clients may introspect the schema (<c>INTROSPECTION_DISABLED</c> when not).</summary>
    public bool Introspection { get; set; } = true;

    /// <summary>A JSON file of id → GraphQL document that clients may name instead of sending the text.</summary>
    public string? PersistedOperationsFile { get; set; }

    /// <summary>Run persisted operations only (<c>PERSISTED_OPERATION_REQUIRED</c> for any query text).</summary>
    public bool PersistedOperationsOnly { get; set; }

    /// <summary>
    /// Write lists of objects whose fields answer at once straight to JSON (<see cref="Execution.DirectWriteExecutionStrategy"/>);
    /// off, every list goes through GraphQL.NET's execution nodes. The answers are the same (tested); only the cost differs.
    /// </summary>
    public bool DirectWrite { get; set; } = true;
}

/// <summary>A limit for each role; a role above another never gets less.</summary>
public sealed class RoleLimits
{
    public long Anonymous { get; set; } = 1_000_000;
    public long Viewer { get; set; } = 3_000_000;
    public long Worker { get; set; } = 3_000_000;
    public long Admin { get; set; } = 5_000_000;

    public long For(Access.Role role) => role switch
    {
        Access.Role.Admin => Admin,
        Access.Role.Worker => Worker,
        Access.Role.Viewer => Viewer,
        _ => Anonymous,
    };
}
