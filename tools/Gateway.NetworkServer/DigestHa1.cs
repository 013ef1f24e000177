using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.NetworkServer;

/// <summary>
/// The HA1 values Kamailio's auth_db compares against: the hash of
/// <c>user:realm:password</c>, so the password itself never has to be stored.
/// </summary>
public static class DigestHa1
{
    /// <summary>MD5 HA1 (RFC 2617), what SIP phones use by default.</summary>
    /// <param name="username">The digest username.</param>
    /// <param name="realm">The digest realm.</param>
    /// <param name="password">The clear-text password; it is not kept.</param>
    /// <returns>32 lower-case hex digits.</returns>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms",
        Justification = "SIP digest authentication (RFC 2617/3261) is defined over MD5; phones know nothing else.")]
    public static string Md5(string username, string realm, string password) =>
        Convert.ToHexStringLower(MD5.HashData(Credentials(username, realm, password)));

    /// <summary>SHA-256 HA1 (RFC 7616 / RFC 8760).</summary>
    /// <param name="username">The digest username.</param>
    /// <param name="realm">The digest realm.</param>
    /// <param name="password">The clear-text password; it is not kept.</param>
    /// <returns>64 lower-case hex digits.</returns>
    public static string Sha256(string username, string realm, string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Credentials(username, realm, password)));

    private static byte[] Credentials(string username, string realm, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(realm);
        ArgumentNullException.ThrowIfNull(password);
        return Encoding.UTF8.GetBytes($"{username}:{realm}:{password}");
    }
}
