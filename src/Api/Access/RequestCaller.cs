using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Areas;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Access;

/// <summary>
/// Who this request reads for, and where they are an insider: an admin everywhere, a viewer or worker in the areas of
/// their municipalities (at any depth), anyone else nowhere. Insiders read sensitive resources and persons' contacts.
/// Set once per operation, before it runs (see <see cref="ServiceSetup"/>); anonymous until then.
/// </summary>
public sealed class RequestCaller
{
    private static readonly IReadOnlySet<int> Nowhere = new HashSet<int>();

    public Caller Caller { get; private set; } = Caller.Anonymous;

    /// <summary>The areas where the caller is an insider; null for everywhere (admins).</summary>
    public IReadOnlySet<int>? InsiderAreas { get; private set; } = Nowhere;

    public bool IsInsider(int? areaId) => InsiderAreas is null || (areaId is { } id && InsiderAreas.Contains(id));

    public async Task SignInAsync(ClaimsPrincipal? user, ResourceMapDbContextFactory factory, CancellationToken ct)
    {
        Caller = Caller.From(user);
        InsiderAreas = Caller.Role switch
        {
            Role.Admin => null,
            Role.Anonymous => Nowhere,
            _ => await AreasOfAsync(factory, Caller.Municipalities, ct),
        };
    }

    private static async Task<IReadOnlySet<int>> AreasOfAsync(ResourceMapDbContextFactory factory, IReadOnlySet<string> municipalities, CancellationToken ct)
    {
        if (municipalities.Count == 0) return Nowhere;
        await using var db = factory.CreateDbContext();
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.Name }).ToListAsync(ct);
        var pairs = areas.Select(a => (a.Id, a.ParentId)).ToList();
        return areas.Where(a => municipalities.Contains(a.Name)).SelectMany(a => AreaTree.SelfAndDescendants(pairs, a.Id)).ToHashSet();
    }
}

/// <summary>
/// The contexts of a request: they read only what its caller may (the model's query filters) and record changes as theirs.
/// Singletons that cache the whole network use <see cref="ResourceMapDbContextFactory"/> itself and filter per caller.
/// </summary>
public sealed class CallerDbContextFactory(ResourceMapDbContextFactory factory, RequestCaller caller) : IDbContextFactory<ResourceMapDbContext>
{
    public ResourceMapDbContext CreateDbContext()
    {
        var db = factory.CreateDbContext();
        db.Author = caller.Caller.Name;
        db.ReadsAllSensitive = caller.InsiderAreas is null;
        db.SensitiveAreasRead = caller.InsiderAreas?.ToArray() ?? [];
        return db;
    }
}
