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
            throw new UserError(ErrorCodes.Forbidden, (role, caller.Role) switch
            {
                (Role.Worker, Role.Viewer) => Languages.Message.WithValues("Only a worker or above may {0}; you are signed in as a viewer.", action),
                (Role.Admin, Role.Viewer) => Languages.Message.WithValues("Only a admin or above may {0}; you are signed in as a viewer.", action),
                (Role.Admin, Role.Worker) => Languages.Message.WithValues("Only a admin or above may {0}; you are signed in as a worker.", action),
                _ => Languages.Message.WithValues("Only a {1} or above may {0}; you are signed in as a {2}.", action, Name(role), Name(caller.Role)),
            });
        return caller;
    }

    /// <summary>
    /// <c>FORBIDDEN</c> unless the caller is an admin or works in a municipality holding one of these areas (a tie
    /// between two municipalities belongs to either side), as <see cref="RequestCaller"/> has worked out once for the
    /// request. Resources with no area are the admins'.
    /// </summary>
    public static Task RequireWithinAsync(RequestCaller caller, ResourceMapDbContext db, IReadOnlyCollection<int?> areaIds, string what, CancellationToken ct) =>
        RequireWithinAsync(caller, db, areaIds, Languages.Message.Of(what), ct);

    /// <summary>The same, naming the object with an interpolated text (its template is translated, its values kept).</summary>
    public static Task RequireWithinAsync(RequestCaller caller, ResourceMapDbContext db, IReadOnlyCollection<int?> areaIds, ref Languages.MessageHandler what, CancellationToken ct) =>
        RequireWithinAsync(caller, db, areaIds, what.ToMessage(), ct);

    /// <summary>The same, naming the object with a message in the request's language.</summary>
    public static async Task RequireWithinAsync(RequestCaller caller, ResourceMapDbContext db, IReadOnlyCollection<int?> areaIds, Languages.Message what, CancellationToken ct)
    {
        if (caller.InsiderAreas is null || areaIds.Any(caller.IsInsider)) return;
        var ids = areaIds.OfType<int>().Distinct().ToList();
        var names = await db.Areas.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var places = ids.Where(names.ContainsKey).Select(id => names[id]).Distinct().ToList();
        var municipalities = caller.Caller.Municipalities;
        if (places.Count == 0)
            throw new UserError(ErrorCodes.Forbidden, $"{what}: in no area, so only an admin may; give 'areaId', or a 'latitude' and 'longitude' inside your municipality.");
        if (municipalities.Count == 0)
            throw new UserError(ErrorCodes.Forbidden, $"{what}: in {And(places)}, outside your municipalities (none).");
        throw new UserError(ErrorCodes.Forbidden, $"{what}: in {And(places)}, outside your municipalities ({string.Join(", ", municipalities.Order())}).");
    }

    /// <summary>"A", "A and B", "A and B and C", with "and" in the message's language.</summary>
    private static Languages.Message And(IReadOnlyList<string> names) => names.Count == 1
        ? Languages.Message.Of(names[0])
        : Languages.Message.WithValues("{0} and {1}", And(names.Take(names.Count - 1).ToList()), names[^1]);

    /// <summary>The areas of these resources, for <c>RequireWithinAsync</c>.</summary>
    public static async Task<List<int?>> AreasOfAsync(ResourceMapDbContext db, IEnumerable<int> resourceIds, CancellationToken ct)
    {
        var ids = resourceIds.ToList();
        return await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.AreaId).ToListAsync(ct);
    }

    private static string Name(Role role) => role.ToString().ToLowerInvariant();
}
