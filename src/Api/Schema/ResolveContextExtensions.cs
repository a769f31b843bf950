using GraphQL;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Schema;

public static class ResolveContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("No request services.")).GetRequiredService<T>();

    /// <summary>A fresh context for this resolver alone: GraphQL.NET resolves sibling fields in parallel, and a DbContext is not thread-safe.</summary>
    public static ResourceMapDbContext Db(this IResolveFieldContext context) =>
        context.Service<IDbContextFactory<ResourceMapDbContext>>().CreateDbContext();
}
