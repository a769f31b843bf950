using System.Security.Cryptography;
using System.Text;

namespace ResourceMap.Api.Hsds;

/// <summary>
/// HSDS identifiers are UUIDs; ours are numbers. Each HSDS object gets a name-based UUID (version 5, SHA-1, RFC 9562
/// §5.5) of its kind and our key in ResourceMap's own namespace, so the same resource has the same organization,
/// service and location ids in every export and every API answer, and a directory that imports them twice finds the
/// records it has.
/// </summary>
public static class HsdsIds
{
    /// <summary>ResourceMap's namespace for name-based UUIDs (itself a version 5 UUID of "resourcemap" under the URL namespace).</summary>
    private static readonly Guid Namespace = NameBased(Guid.Parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://resourcemap/hsds");

    /// <summary>The UUID of an HSDS object: its kind (organization, service, location, …) and our key for it.</summary>
    public static string Of(string kind, object key) => NameBased(Namespace, $"{kind}/{key}").ToString();

    private static Guid NameBased(Guid space, string name)
    {
        var input = space.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = SHA1.HashData(input).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // the RFC's variant
        return new Guid(hash, bigEndian: true);
    }
}
