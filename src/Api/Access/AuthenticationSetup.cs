using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ResourceMap.Api.Access;

public static class AuthenticationSetup
{
    /// <summary>Bearer tokens: from the OpenID Connect authority when one is configured, else our own (see <see cref="AuthSettings"/>).</summary>
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services, AuthSettings settings, string dataFolder)
    {
        // Read (or create) the key now, so that a bad key stops the start instead of failing every request.
        var key = string.IsNullOrEmpty(settings.Authority) ? settings.Key(dataFolder) : null;
        services.AddSingleton(settings);
        if (key is not null) services.AddSingleton(s => new UserAccounts(s.GetRequiredService<Persistence.ResourceMapDbContextFactory>(), settings, key));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false; // keep 'sub', 'role' and 'municipality' as they are
            if (key is null)
            {
                options.Authority = settings.Authority;
                options.Audience = settings.Audience;
                options.TokenValidationParameters.NameClaimType = Caller.NameClaim;
                options.TokenValidationParameters.RoleClaimType = Caller.RoleClaim;
            }
            else
            {
                options.TokenValidationParameters = Tokens.Validation(settings, key);
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        if (!await context.HttpContext.RequestServices.GetRequiredService<UserAccounts>().IsLiveAsync(context.Principal!, context.HttpContext.RequestAborted))
                            context.Fail(new SessionEndedException());
                    },
                };
            }
        });
        return services;
    }

    /// <summary>The token in a graphql-transport-ws connection_init payload (<c>Authorization: "Bearer …"</c>), if any.</summary>
    public static string? BearerOf(System.Text.Json.JsonElement connectionInit)
    {
        if (!connectionInit.TryGetProperty("payload", out var payload) || payload.ValueKind != System.Text.Json.JsonValueKind.Object) return null;
        foreach (var property in payload.EnumerateObject())
            if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == System.Text.Json.JsonValueKind.String)
                return property.Value.GetString() is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : "";
        return null;
    }

    /// <summary>The user of a token checked as the bearer handler checks a header's, or null when it is refused.</summary>
    public static async Task<System.Security.Claims.ClaimsPrincipal?> ValidateAsync(HttpContext http, string token)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is { } authority)
        {
            var configuration = await authority.GetConfigurationAsync(http.RequestAborted);
            parameters.ValidIssuer ??= configuration.Issuer;
            parameters.IssuerSigningKeys = configuration.SigningKeys;
        }
        var result = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, parameters);
        if (!result.IsValid) return null;
        var user = new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity);
        return http.RequestServices.GetService<UserAccounts>() is not { } accounts || await accounts.IsLiveAsync(user, http.RequestAborted) ? user : null;
    }

    /// <summary>Why the request's bearer token was refused, or null when it sent none or a valid one.</summary>
    public static async Task<string?> RefusedTokenAsync(HttpContext http)
    {
        if (!http.Request.Headers.Authorization.Any()) return null;
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Succeeded) return null;
        return result.Failure switch
        {
            Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException => "The token has expired; ask for a new one.",
            SessionEndedException => "The session has ended (signed out, or the account was changed); sign in again.",
            null => "The Authorization header must be 'Bearer <token>'.",
            _ => "The token is not valid here (wrong signature, issuer or audience, or not a JWT).",
        };
    }
}

/// <summary>A valid token whose session was signed out or ended by an admin.</summary>
public sealed class SessionEndedException() : Exception("The session has ended.");
