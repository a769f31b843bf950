using System.Globalization;
using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.RateLimiting;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Protection;

/// <summary>
/// The <c>RateLimit</c> configuration section: a token bucket per client — the signed-in user, else the remote address —
/// for the GraphQL endpoint, whatever the role. A client past it gets HTTP 429 with <c>Retry-After</c> and
/// <c>RATE_LIMITED</c>, before its request is read.
/// </summary>
public sealed class RateLimits
{
    /// <summary>Requests a client may send per second, on average; 0 turns the limit off.</summary>
    public double PermitsPerSecond { get; set; } = 20;

    /// <summary>Requests a client may send at once after a pause (a map opening loads several layers).</summary>
    public int Burst { get; set; } = 200;

    public const string Policy = "per-client";

    public static IServiceCollection AddRateLimits(IServiceCollection services, RateLimits limits) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http => limits.PermitsPerSecond <= 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetTokenBucketLimiter(ClientOf(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, limits.Burst),
                    // Refill in small steps (every 100 ms, or one token at a time below 10 per second) so Retry-After is short and exact.
                    ReplenishmentPeriod = limits.PermitsPerSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1 / limits.PermitsPerSecond),
                    TokensPerPeriod = limits.PermitsPerSecond >= 10 ? (int)Math.Round(limits.PermitsPerSecond / 10) : 1,
                    QueueLimit = 0,
                }));
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                http.Response.ContentType = "application/json; charset=utf-8";
                var result = new ExecutionResult { Executed = false };
                result.AddError(new ExecutionError($"Too many requests from this client; try again in {Math.Ceiling(wait.TotalSeconds)} s.") { Code = ErrorCodes.RateLimited });
                await http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(http.Response.Body, result, ct);
            };
        });

    private static string ClientOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(Access.Caller.NameClaim)?.Value is { Length: > 0 } user
            ? "user:" + user
            : "address:" + http.Connection.RemoteIpAddress;
}
