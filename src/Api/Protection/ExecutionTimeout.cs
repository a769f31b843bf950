using GraphQL;
using GraphQL.DI;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Protection;

/// <summary>Cancels an operation that runs longer than the limit and answers with a <c>TIMEOUT</c> error instead.</summary>
public static class ExecutionTimeout
{
    public static Func<ExecutionOptions, ExecutionDelegate, Task<ExecutionResult>> Apply(GraphQLLimits limits) => async (options, next) =>
    {
        // A subscription's streams outlive its first execution; the socket's own lifetime bounds them.
        if (options.UserContext.ContainsKey(Http.GraphQLWebSocket.SocketMarker)) return await next(options);
        var caller = options.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(caller);
        // A timer of 0 would still fire later, on another thread; a limit of 0 s (or less) stops at once.
        if (limits.ExecutionTimeoutSeconds > 0) timeout.CancelAfter(TimeSpan.FromSeconds(limits.ExecutionTimeoutSeconds));
        else await timeout.CancelAsync();
        options.CancellationToken = timeout.Token;
        try
        {
            return await next(options);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            var result = new ExecutionResult { Executed = true };
            result.AddError(new ExecutionError($"The operation ran longer than {limits.ExecutionTimeoutSeconds:0.###} s and was stopped.") { Code = ErrorCodes.Timeout });
            return result;
        }
    };
}
