using GraphQL;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Errors;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Access;

/// <summary>The checks resolvers make before they read or write what a role may not.</summary>
public static class Permissions
{
    public static Caller Caller(this IResolveFieldContext context) => Access.Caller.From(context.User);

    /// <summary>The caller, or <c>UNAUTHENTICATED</c> / <c>FORBIDDEN</c> unless they are signed in with at least <paramref name="role"/>.</summary>
    public static Caller Require(this IResolveFieldContext context, Role role, string action)
    {
        var caller = context.Caller();
        if (caller.Role == Role.Anonymous)
            throw new UserError(ErrorCodes.Unauthenticated, $"Sign in to {action}: send 'Authorization: Bearer <token>' (see README, 'Signing in').");
        if (caller.Role < role)
            throw new UserError(ErrorCodes.Forbidden, $"Only a {Name(role)} or above may {action}; you are signed in as a {Name(caller.Role)}.");
        return caller;
    }

    /// <summary>
    /// <c>FORBIDDEN</c> unless the caller is an admin or works in a municipality holding one of these areas (a tie
    /// between two municipalities belongs to either side). Resources with no area are the admins'.
    /// </summary>
    public static async Task RequireWithinAsync(Caller caller, ResourceMapDbContext db, IReadOnlyCollection<int?> areaIds, string what, CancellationToken ct)
    {
        if (caller.Role == Role.Admin) return;
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var places = new List<string>();
        foreach (var areaId in areaIds.OfType<int>().Distinct())
        {
            // The area and every area above it: a worker of a municipality edits its parishes and neighbourhoods too.
            if (areas.TryGetValue(areaId, out var own)) places.Add(own.Name);
            for (var id = (int?)areaId; id is { } current && areas.TryGetValue(current, out var area); id = area.ParentId)
                if (caller.Municipalities.Contains(area.Name)) return;
        }
        throw new UserError(ErrorCodes.Forbidden, places.Count == 0
            ? $"{what}: in no area, so only an admin may."
            : $"{what}: in {string.Join(" and ", places.Distinct())}, outside your municipalities ({(caller.Municipalities.Count == 0 ? "none" : string.Join(", ", caller.Municipalities.Order()))}).");
    }

    /// <summary>The areas of these resources, for <see cref="RequireWithinAsync"/>.</summary>
    public static async Task<List<int?>> AreasOfAsync(ResourceMapDbContext db, IEnumerable<int> resourceIds, CancellationToken ct)
    {
        var ids = resourceIds.ToList();
        return await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.AreaId).ToListAsync(ct);
    }

    private static string Name(Role role) => role.ToString().ToLowerInvariant();
}
