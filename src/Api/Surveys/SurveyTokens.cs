using System.Security.Cryptography;

namespace ResourceMap.Api.Surveys;

/// <summary>
/// The tokens of survey links: 32 random bytes (256 bits, unguessable), written base64url so they fit a URL; only their
/// SHA-256 is stored, so that a copy of the database opens no form.
/// </summary>
public static class SurveyTokens
{
    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
