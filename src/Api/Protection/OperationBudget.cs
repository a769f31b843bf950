using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Protection;

/// <summary>
/// The budget every operation runs under, over HTTP and WebSocket alike: one time limit from the moment it is read
/// (parsing, validation, waiting its turn and execution, cancelled too when the client goes away); a document bounded in
/// length and tokens before it is parsed, and in aliases, fields, fragment spreads, depth, list inputs and cost before
/// any validation rule runs (<see cref="OperationAnalysis"/>, linear in the document); and for anonymous callers a turn
/// among a few at once (<see cref="AnonymousTurns"/>). Everything refused here is refused before anything is read.
/// </summary>
public static class OperationBudget
{
    /// <summary>User-context key set by the transports when the client sent <c>GraphQL-Cost: report</c>.</summary>
    public const string ReportCost = "resourcemap.reportCost";

    public static Func<ExecutionOptions, ExecutionDelegate, Task<ExecutionResult>> Apply(GraphQLLimits limits) => async (options, next) =>
    {
        var caller = options.CancellationToken;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(caller);
        // A timer of 0 would still fire later, on another thread; a limit of 0 s (or less) stops at once.
        if (limits.ExecutionTimeoutSeconds > 0) budget.CancelAfter(TimeSpan.FromSeconds(limits.ExecutionTimeoutSeconds));
        else await budget.CancelAsync();
        options.CancellationToken = budget.Token;
        try
        {
            var services = options.RequestServices!;
            var role = services.GetRequiredService<Access.RequestCaller>().Caller.Role;
            var (refused, cost) = await CheckAsync(options, limits, role);
            if (refused is not null) return refused;
            // Heavy anonymous work waits its turn; light reads (a map page) run at once, so the public map keeps its throughput.
            var turn = role == Access.Role.Anonymous && cost >= limits.AnonymousTurnCost ? await services.GetRequiredService<AnonymousTurns>().TakeAsync(budget.Token) : null;
            try
            {
                budget.Token.ThrowIfCancellationRequested();
                var result = await next(options);
                if (options.UserContext.TryGetValue(ReportCost, out var figures) && figures is CostReport report)
                    (result.Extensions ??= [])["cost"] = new Dictionary<string, object?> { ["requestedQueryCost"] = report.Cost, ["maximumAvailable"] = report.Maximum };
                // Writing a large answer is work too: the transport gives the turn back once it has written it.
                if (turn is not null && options.UserContext.TryGetValue(HeldTurn, out var held) && held is TurnHolder holder) (holder.Turn, turn) = (turn, null);
                return result;
            }
            finally
            {
                turn?.Dispose();
            }
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            var result = new ExecutionResult { Executed = true };
            result.AddError(new UserError(ErrorCodes.Timeout, $"The operation ran longer than {limits.ExecutionTimeoutSeconds:0.###} s and was stopped."));
            return result;
        }
    };

    /// <summary>User-context key of a <see cref="TurnHolder"/>: the transport keeps an anonymous turn until the answer is written.</summary>
    public const string HeldTurn = "resourcemap.heldTurn";

    /// <summary>An anonymous operation's turn, kept by its transport while it writes the answer, and given back on disposal.</summary>
    public sealed class TurnHolder : IDisposable
    {
        public IDisposable? Turn { get; set; }

        public void Dispose() => Turn?.Dispose();
    }

    /// <summary>The figures asked for with <c>GraphQL-Cost: report</c>.</summary>
    public sealed class CostReport
    {
        public long Cost { get; set; }
        public long Maximum { get; set; }
    }

    /// <summary>Parses and prices the operation; the refusal, or null to go on.</summary>
    private static async Task<(ExecutionResult? Refused, long Cost)> CheckAsync(ExecutionOptions options, GraphQLLimits limits, Access.Role role)
    {
        if (options.Document is null)
        {
            if (options.Query is null) return (null, 0); // GraphQL.NET answers that the query is missing
            var (document, error) = Parse(options.Query, limits);
            if (error is not null) return (Refused(error), 0);
            options.Document = document;
        }
        var schema = options.Schema!;
        if (!schema.Initialized) schema.Initialize();
        if (Operation(options.Document!, options.OperationName) is not { } operation)
        {
            var names = options.Document!.Definitions.OfType<GraphQLOperationDefinition>().Select(o => o.Name?.StringValue).ToList();
            return (Refused(names.Count == 0 ? new UserError(ErrorCodes.BadRequest, "The document has no operation to run.")
                : options.OperationName is { } name ? new UserError(ErrorCodes.BadRequest, $"The document has no operation named '{name}'.")
                : new UserError(ErrorCodes.BadRequest, "The document has several operations; name the one to run in 'operationName'.")), 0);
        }
        var variables = options.Variables ?? Inputs.Empty;
        var (figures, refusal) = OperationAnalysis.Analyse(schema, options.Document!, operation, variables, limits);
        if (refusal is null && figures!.NeedsData != CostInputs.None)
        {
            var data = await CostData.LoadAsync(options.RequestServices!, figures.NeedsData, options.CancellationToken);
            (figures, refusal) = OperationAnalysis.Analyse(schema, options.Document!, operation, variables, limits, data);
        }
        if (refusal is not null) return (Refused(refusal), 0);
        if (figures!.Aliases > limits.MaxAliases)
            return (Refused(new UserError(ErrorCodes.DocumentTooLarge, $"The document has {figures.Aliases:N0} aliases; at most {limits.MaxAliases:N0} are allowed.")), 0);
        var maximum = limits.MaxCost.For(role);
        if (options.UserContext.TryGetValue(ReportCost, out var report) && report is CostReport costReport)
        {
            costReport.Cost = figures.Cost;
            costReport.Maximum = maximum;
        }
        if (figures.Cost > maximum)
            return (Refused(TooCostly(role, figures.Cost, maximum)), 0);
        return (null, figures.Cost);
    }

    /// <summary>The refusal of an operation that costs more than the caller's role may run: one message per role, so that it can be translated.</summary>
    private static UserError TooCostly(Access.Role role, long cost, long maximum) => role switch
    {
        Access.Role.Anonymous => new UserError(ErrorCodes.QueryTooComplex, $"The operation costs {cost:N0}; without signing in at most {maximum:N0} is allowed. Ask for smaller pages, fewer fields or coarser cells (the SDL's @cost and @listSize say what each field costs)."),
        Access.Role.Viewer => new UserError(ErrorCodes.QueryTooComplex, $"The operation costs {cost:N0}; for a viewer at most {maximum:N0} is allowed. Ask for smaller pages, fewer fields or coarser cells (the SDL's @cost and @listSize say what each field costs)."),
        Access.Role.Worker => new UserError(ErrorCodes.QueryTooComplex, $"The operation costs {cost:N0}; for a worker at most {maximum:N0} is allowed. Ask for smaller pages, fewer fields or coarser cells (the SDL's @cost and @listSize say what each field costs)."),
        _ => new UserError(ErrorCodes.QueryTooComplex, $"The operation costs {cost:N0}; for a admin at most {maximum:N0} is allowed. Ask for smaller pages, fewer fields or coarser cells (the SDL's @cost and @listSize say what each field costs)."),
    };

    /// <summary>
    /// The document, parsed after its length and tokens were counted; or a syntax error, never an exception of the
    /// parser's own (it has thrown IndexOutOfRangeException on some broken documents).
    /// </summary>
    public static (GraphQLDocument? Document, ExecutionError? Error) Parse(string query, GraphQLLimits limits)
    {
        if (query.Length > limits.MaxDocumentLength)
            return (null, new UserError(ErrorCodes.DocumentTooLarge, $"The document has {query.Length:N0} characters; at most {limits.MaxDocumentLength:N0} are allowed."));
        var source = new ROM(query.AsMemory());
        try
        {
            var tokens = 0;
            for (var at = 0; ; tokens++)
            {
                var token = Lexer.Lex(source, at);
                if (token.Kind == TokenKind.EOF) break;
                if (tokens >= limits.MaxTokens)
                    return (null, new UserError(ErrorCodes.DocumentTooLarge, $"The document has more than {limits.MaxTokens:N0} tokens."));
                at = token.End;
            }
            return (Parser.Parse(source, new ParserOptions { Ignore = IgnoreOptions.All }), null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new UserError(ErrorCodes.QueryTooDeep, "The document nests lists, objects or selections deeper than the parser allows."));
        }
        catch (GraphQLSyntaxErrorException e)
        {
            return (null, new GraphQL.Execution.SyntaxError(e));
        }
        catch (Exception e) when (e is GraphQLParserException or IndexOutOfRangeException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return (null, new UserError(ErrorCodes.ParseFailed, "The document is not valid GraphQL syntax."));
        }
    }

    /// <summary>The operation to run: the one named, or the only one.</summary>
    public static GraphQLOperationDefinition? Operation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return string.IsNullOrEmpty(operationName)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private static ExecutionResult Refused(ExecutionError error)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(error);
        return result;
    }
}

/// <summary>
/// The data that prices the fields whose work grows with it, from the snapshots every query shares: only those the
/// operation's fields read (after an edit a network query must not wait for the spatial index to be built again).
/// </summary>
internal sealed class CostData : ICostData
{
    private readonly Graph.Network.NetworkSnapshot? _network;
    private readonly Geo.SpatialSnapshot? _spatial;

    private CostData(Graph.Network.NetworkSnapshot? network, Geo.SpatialSnapshot? spatial)
    {
        _network = network;
        _spatial = spatial;
    }

    public static async Task<CostData> LoadAsync(IServiceProvider services, CostInputs needs, CancellationToken ct) => new(
        needs.HasFlag(CostInputs.Network) ? await services.GetRequiredService<Network.NetworkSnapshots>().CurrentAsync(ct) : null,
        needs.HasFlag(CostInputs.Spatial) ? await services.GetRequiredService<Geo.SpatialSnapshots>().CurrentAsync(ct) : null);

    public (int Actors, int Ties) NetworkSize => (Network.Actors.Count, Network.Ties.Count);

    public (int Areas, int Resources) CoverageSize => (Spatial.Areas.Count, Spatial.Resources.Count);

    public long? GridCells(int areaId, double cellSizeMeters) =>
        Spatial.Area(areaId)?.Boundary is { IsEmpty: false } boundary ? Graph.Spatial.PopulationGrid.CountCells(boundary, cellSizeMeters) : null;

    // The second pricing asks for what the first said it needs; anything else is a bug in CostInputs' bookkeeping.
    private Graph.Network.NetworkSnapshot Network => _network ?? throw new InvalidOperationException("The network was not loaded for pricing.");

    private Geo.SpatialSnapshot Spatial => _spatial ?? throw new InvalidOperationException("The spatial snapshot was not loaded for pricing.");
}

/// <summary>
/// Turns for anonymous operations: a few run at once, server-wide, the rest wait (within their own time limit), so that
/// however many anonymous requests arrive, a signed-in worker's operation finds a processor.
/// </summary>
public sealed class AnonymousTurns(GraphQLLimits limits)
{
    private readonly SemaphoreSlim _turns = new(limits.AnonymousConcurrency > 0 ? limits.AnonymousConcurrency : Math.Max(1, Environment.ProcessorCount / 2));

    public async Task<IDisposable> TakeAsync(CancellationToken ct)
    {
        await _turns.WaitAsync(ct);
        return new Turn(_turns);
    }

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turns.Release();
        }
    }
}
