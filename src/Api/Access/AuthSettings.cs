using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ResourceMap.Api.Access;

/// <summary>
/// The section "Auth". Tokens are JWTs signed with HMAC-SHA256 by <see cref="SigningKey"/> — or, when it is not set, by
/// a random key the server creates once in its data folder (never in the repository), which the <c>token create</c>
/// command reads too — or come from an OpenID Connect <see cref="Authority"/>.
/// </summary>
public sealed class AuthSettings
{
    /// <summary>At least 32 characters; used as UTF-8 bytes.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect issuer (https://…) whose tokens are accepted instead of our own.</summary>
    public string? Authority { get; set; }

    public string Issuer { get; set; } = "resourcemap";
    public string Audience { get; set; } = "resourcemap";

    /// <summary>How long a password sign-in lasts before the user signs in again.</summary>
    public double SessionHours { get; set; } = 12;

    /// <summary>Wrong passwords in a row after which an account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public double LockoutMinutes { get; set; } = 15;

    /// <summary>The first admin, created on start while there is no user at all; no default: both must be given.</summary>
    public FirstAdminSettings? FirstAdmin { get; set; }

    public const string KeyFileName = "signing-key";

    /// <summary>The configured key, or the data folder's (created on first use).</summary>
    public SymmetricSecurityKey Key(string dataFolder)
    {
        if (!string.IsNullOrEmpty(SigningKey))
        {
            if (Encoding.UTF8.GetByteCount(SigningKey) < 32) throw new InvalidOperationException("Auth:SigningKey must be at least 32 characters long.");
            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
        }
        var path = Path.Combine(Path.GetFullPath(dataFolder), KeyFileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var file = new StreamWriter(path, Encoding.ASCII, options);
                file.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process (the server or the command) created it first: use theirs.
            }
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}

/// <summary>The section "Auth:FirstAdmin".</summary>
public sealed class FirstAdminSettings
{
    public string? Name { get; set; }
    public string? Password { get; set; }
    public string? Email { get; set; }
}
