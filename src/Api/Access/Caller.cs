using System.Security.Claims;

namespace ResourceMap.Api.Access;

/// <summary>What a signed-in user may do; each role may do everything the ones before it may.</summary>
public enum Role
{
    /// <summary>Not signed in: public resources and aggregate analysis only.</summary>
    Anonymous,
    /// <summary>Reads everything in their municipalities.</summary>
    Viewer,
    /// <summary>Edits in their municipalities.</summary>
    Worker,
    /// <summary>Everything, everywhere.</summary>
    Admin,
}

/// <summary>
/// Who sends a request, from the claims of their token: <c>sub</c> (the user's name), <c>role</c> (viewer, worker or
/// admin) and one <c>municipality</c> claim per municipality (or city) they work in, by its area name.
/// </summary>
public sealed record Caller(string? Name, Role Role, IReadOnlySet<string> Municipalities)
{
    public const string NameClaim = "sub";
    public const string RoleClaim = "role";
    public const string MunicipalityClaim = "municipality";

    public static readonly Caller Anonymous = new(null, Role.Anonymous, new HashSet<string>());

    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Anonymous;
        var role = Enum.TryParse<Role>(user.FindFirst(RoleClaim)?.Value, ignoreCase: true, out var r) ? r : Role.Anonymous;
        return new Caller(user.FindFirst(NameClaim)?.Value, role,
            user.FindAll(MunicipalityClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The claims of a token for this caller.</summary>
    public IEnumerable<Claim> Claims() =>
        new[] { new Claim(NameClaim, Name ?? ""), new Claim(RoleClaim, Role.ToString().ToLowerInvariant()) }
            .Concat(Municipalities.Order(StringComparer.Ordinal).Select(m => new Claim(MunicipalityClaim, m)));
}
