using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using ResourceMap.Api.Errors;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Access;

/// <summary>A signed-in session's token and when it ends.</summary>
public sealed record SignedIn(string Token, DateTimeOffset ExpiresAt, User User);

/// <summary>
/// Users who sign in with a password: hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2,
/// salted, rehashed when its defaults grow stronger), locked for a while after repeated wrong passwords, and given a
/// token that names a session, so that signing out, deactivation or a change of role ends it at once. Tokens made by
/// <c>token create</c> have no session and last until they expire, as before.
/// </summary>
public sealed class UserAccounts(ResourceMapDbContextFactory factory, AuthSettings settings, SecurityKey key)
{
    public const string SessionClaim = "sid";
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 200;

    private static readonly PasswordHasher<User> Hasher = new();

    /// <summary>Hashed once: an unknown name costs a hash too, so timing does not tell which names exist.</summary>
    private static readonly string UnknownUserHash = Hasher.HashPassword(new User { Name = "", Role = "" }, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    public async Task<SignedIn> SignInAsync(string name, string password, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var trimmed = name.Trim();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Name == trimmed, ct);
        var now = DateTimeOffset.UtcNow;
        if (user is null)
        {
            Hasher.VerifyHashedPassword(new User { Name = "", Role = "" }, UnknownUserHash, password);
            throw WrongPassword();
        }
        if (user.LockedUntil is { } until && until > now)
            throw new UserError(ErrorCodes.AccountLocked, $"Too many wrong passwords: the account is locked until {until:HH:mm} UTC. An admin can reset the password sooner.", "password");
        var verdict = user.PasswordHash is null ? PasswordVerificationResult.Failed : Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= settings.MaxFailedSignIns)
            {
                user.LockedUntil = now.AddMinutes(settings.LockoutMinutes);
                user.FailedSignIns = 0;
            }
            await db.SaveChangesAsync(ct);
            throw WrongPassword();
        }
        if (!user.Active) throw new UserError(ErrorCodes.AccountDeactivated, "This account has been deactivated; ask an admin.", "name");
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = Hasher.HashPassword(user, password);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        var session = new Session { Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), UserId = user.Id, CreatedAt = now, ExpiresAt = now.AddHours(settings.SessionHours) };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        var caller = new Caller(user.Name, Enum.Parse<Role>(user.Role, ignoreCase: true), user.Municipalities.ToHashSet(StringComparer.Ordinal));
        var token = Tokens.Create(caller, settings, key, session.ExpiresAt - now, [new Claim(SessionClaim, session.Id)]);
        return new SignedIn(token, session.ExpiresAt, user);
    }

    private static UserError WrongPassword() => new(ErrorCodes.SignInFailed, "Wrong name or password.", "password");

    /// <summary>Ends the session a token names; false when it named none (a token from <c>token create</c>).</summary>
    public async Task<bool> SignOutAsync(ClaimsPrincipal? user, CancellationToken ct)
    {
        if (user?.FindFirst(SessionClaim)?.Value is not { } id) return false;
        await using var db = factory.CreateDbContext();
        var ended = await db.Sessions.Where(s => s.Id == id && s.EndedAt == null).ToListAsync(ct);
        foreach (var session in ended) session.EndedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        return ended.Count > 0;
    }

    /// <summary>Whether a valid token may still be used: one without a session may; one with a session while it lasts and its user is active.</summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.FindFirst(SessionClaim)?.Value is not { } id) return true;
        await using var db = factory.CreateDbContext();
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.EndedAt, s.ExpiresAt, s.User!.Active }).SingleOrDefaultAsync(ct);
        return session is { EndedAt: null, Active: true } && session.ExpiresAt > DateTimeOffset.UtcNow;
    }

    /// <summary>Ends every session of a user (deactivated, role changed, password reset).</summary>
    public static async Task EndSessionsAsync(ResourceMapDbContext db, int userId, CancellationToken ct)
    {
        foreach (var session in await db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct)) session.EndedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>The password rules, checked before hashing; the message never repeats the password.</summary>
    public static string Hash(User user, string password)
    {
        if (password.Length < MinPasswordLength) throw UserError.BadInput($"A password needs at least {MinPasswordLength} characters.", "password");
        if (password.Length > MaxPasswordLength) throw UserError.BadInput($"A password may have at most {MaxPasswordLength} characters.", "password");
        return Hasher.HashPassword(user, password);
    }

    /// <summary>
    /// Adds a user after checking the name, role and municipalities (area names that exist). Used by the admin's
    /// createUser, the <c>user create</c> command and the first admin from configuration.
    /// </summary>
    public static async Task<User> CreateAsync(ResourceMapDbContext db, string name, string? email, Role role, IReadOnlyCollection<string> municipalities, string password, CancellationToken ct)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > ResourceMapDbContext.MaxNameLength) throw UserError.BadInput($"A name has 1 to {ResourceMapDbContext.MaxNameLength} characters.", "name");
        if (await db.Users.AnyAsync(u => u.Name == trimmed, ct)) throw new UserError(ErrorCodes.Conflict, $"There is already a user named '{trimmed}'.", "name");
        await CheckMunicipalitiesAsync(db, role, municipalities, ct);
        var user = new User { Name = trimmed, Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(), Role = role.ToString().ToLowerInvariant(), Municipalities = municipalities.Distinct().ToList(), CreatedAt = DateTimeOffset.UtcNow };
        user.PasswordHash = Hash(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    public static async Task CheckMunicipalitiesAsync(ResourceMapDbContext db, Role role, IReadOnlyCollection<string> municipalities, CancellationToken ct)
    {
        if (role == Role.Anonymous) throw UserError.BadInput("A user is a viewer, worker or admin.", "role");
        if (role != Role.Admin && municipalities.Count == 0) throw UserError.BadInput("A viewer or worker works in at least one municipality: give 'municipalities'.", "municipalities");
        var known = await db.Areas.AsNoTracking().Select(a => a.Name).ToListAsync(ct);
        if (municipalities.FirstOrDefault(m => !known.Contains(m)) is { } unknown) throw UserError.BadInput($"There is no area named '{unknown}'.", "municipalities");
    }

    /// <summary>Creates the configured first admin on a server that has no user yet.</summary>
    public static async Task CreateFirstAdminAsync(ResourceMapDbContextFactory factory, AuthSettings settings, CancellationToken ct)
    {
        if (settings.FirstAdmin is not { Name: { Length: > 0 } name, Password: { Length: > 0 } password } first) return;
        await using var db = factory.CreateDbContext();
        if (await db.Users.AnyAsync(ct)) return;
        await CreateAsync(db, name, first.Email, Role.Admin, [], password, ct);
    }
}
