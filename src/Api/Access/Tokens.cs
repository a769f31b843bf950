using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ResourceMap.Api.Access;

/// <summary>Issues and checks our own tokens.</summary>
public static class Tokens
{
    public static string Create(Caller caller, AuthSettings settings, SecurityKey key, TimeSpan lifetime, IEnumerable<System.Security.Claims.Claim>? extra = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new System.Security.Claims.ClaimsIdentity(caller.Claims().Concat(extra ?? [])),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public static TokenValidationParameters Validation(AuthSettings settings, SecurityKey key) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromMinutes(1),
        NameClaimType = Caller.NameClaim,
        RoleClaimType = Caller.RoleClaim,
    };
}
