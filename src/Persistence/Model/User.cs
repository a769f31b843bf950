namespace ResourceMap.Persistence.Model;

/// <summary>
/// Someone who signs in with a password: a viewer, worker or admin, in their municipalities. Not part of the network's
/// data: saving a user neither records history nor moves the data version, and the password is kept only as a hash.
/// </summary>
public class User
{
    public int Id { get; set; }

    /// <summary>The name they sign in with; unique, compared as written (trimmed).</summary>
    public required string Name { get; set; }

    public string? Email { get; set; }

    /// <summary>viewer, worker or admin.</summary>
    public required string Role { get; set; }

    /// <summary>The municipalities (or cities) they work in, by area name.</summary>
    public List<string> Municipalities { get; set; } = [];

    /// <summary>ASP.NET Core Identity's PasswordHasher format (PBKDF2 with a salt, its version in the first byte).</summary>
    public string? PasswordHash { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Wrong passwords in a row since the last sign-in; at the limit the account is locked for a while.</summary>
    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One signed-in browser or client: its token names the session, so signing out or deactivating ends it.</summary>
public class Session
{
    /// <summary>A random identifier, the token's <c>sid</c>.</summary>
    public required string Id { get; set; }

    public int UserId { get; set; }
    public User? User { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was signed out or ended by an admin; null while it lasts.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
