using System.Collections.Concurrent;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Schema;

public static class ResolveContextExtensions
{
    /// <summary>
    /// A service of the request's scope, resolved once per request: the container locks the scope on every lookup, and a
    /// list of 500 resources asks for its loaders thousands of times (the requests' threads then queued on those locks).
    /// </summary>
    public static T Service<T>(this IResolveFieldContext context) where T : notnull
    {
        var services = context.RequestServices ?? throw new InvalidOperationException("No request services.");
        return context.UserContext is RequestUserContext cache
            ? (T)cache.GetOrAdd(ServiceKey<T>.Name, static (_, s) => s.GetRequiredService<T>(), services)!
            : services.GetRequiredService<T>();
    }

    /// <summary>A value computed once per key for the request whose user context this is (the direct writer's plans).</summary>
    public static TValue Memo<TKey, TValue>(this IDictionary<string, object?> userContext, string name, TKey key, Func<TKey, TValue> create) where TKey : notnull
    {
        if (!userContext.TryGetValue(name, out var known) || known is not ConcurrentDictionary<TKey, TValue> memo)
            userContext[name] = memo = new ConcurrentDictionary<TKey, TValue>();
        return memo.TryGetValue(key, out var value) ? value : memo.GetOrAdd(key, create);
    }

    /// <summary>
    /// A fresh context for this resolver alone (GraphQL.NET may resolve sibling fields in parallel, and a DbContext is not
    /// thread-safe), reading what the caller may read and recording its changes in the history as theirs.
    /// </summary>
    public static ResourceMapDbContext Db(this IResolveFieldContext context) =>
        context.Service<IDbContextFactory<ResourceMapDbContext>>().CreateDbContext();

    private static class ServiceKey<T>
    {
        public static readonly string Name = "service:" + typeof(T).FullName;
    }
}

/// <summary>The user context of every execution (set in <see cref="ServiceSetup"/>): thread-safe, and holding the request's services once resolved.</summary>
public sealed class RequestUserContext(IDictionary<string, object?> given) : ConcurrentDictionary<string, object?>(given);
