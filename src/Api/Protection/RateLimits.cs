using System.Globalization;
using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.Transport;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Protection;

/// <summary>
/// The <c>RateLimit</c> configuration section: a token bucket per client — the signed-in user, else the remote address —
/// for every GraphQL request over HTTP and every operation sent over a WebSocket, whatever the role. A client past it
/// gets HTTP 429 with <c>Retry-After</c> and <c>RATE_LIMITED</c> (over a socket, an error message for the operation).
/// </summary>
public sealed class RateLimits
{
    /// <summary>Requests a client may send per second, on average; 0 turns the limit off.</summary>
    public double PermitsPerSecond { get; set; } = 20;

    /// <summary>Requests a client may send at once after a pause (a map opening loads several layers).</summary>
    public int Burst { get; set; } = 200;
}

/// <summary>One bucket per client, shared by both transports so that a socket is no way around the limit.</summary>
public sealed class ClientRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public ClientRateLimiter(RateLimits limits)
    {
        if (limits.PermitsPerSecond <= 0) return;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limits.Burst),
            // Refill in small steps (every 100 ms, or one token at a time below 10 per second) so Retry-After is short and exact.
            ReplenishmentPeriod = limits.PermitsPerSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1 / limits.PermitsPerSecond),
            TokensPerPeriod = limits.PermitsPerSecond >= 10 ? (int)Math.Round(limits.PermitsPerSecond / 10) : 1,
            QueueLimit = 0,
        }));
    }

    /// <summary>Null when the client may go on; else how long it should wait.</summary>
    public TimeSpan? Refuse(string client)
    {
        if (_limiter is null) return null;
        using var lease = _limiter.AttemptAcquire(client);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    /// <summary>Who is counted: the signed-in user, else the remote address.</summary>
    public static string ClientOf(System.Security.Claims.ClaimsPrincipal user, System.Net.IPAddress? address) =>
        user.Identity?.IsAuthenticated == true && user.FindFirst(Access.Caller.NameClaim)?.Value is { Length: > 0 } name
            ? "user:" + name
            : "address:" + address;

    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static ExecutionError Error(TimeSpan wait) =>
        new UserError(ErrorCodes.RateLimited, $"Too many requests from this client; try again in {RetryAfterSeconds(wait)} s.");

    /// <summary>Answers a refused HTTP request: 429, Retry-After and the error.</summary>
    public static async Task WriteRefusalAsync(HttpContext http, TimeSpan wait)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "application/json; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(Error(wait));
        await http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    public void Dispose() => _limiter?.Dispose();
}
