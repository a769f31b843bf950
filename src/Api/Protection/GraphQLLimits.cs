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
    /// Largest estimated cost (<c>QUERY_TOO_COMPLEX</c>): every field costs 1, multiplied by the page size of the lists
    /// around it ('first' or 'last', else 5 per list). A page of 500 resources with their location, area and ties costs about 64,000.
    /// </summary>
    public int MaxComplexity { get; set; } = 200_000;

    /// <summary>Longest execution in seconds (<c>TIMEOUT</c>).</summary>
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
