using Gateway.Sip.Auth;

namespace Gateway.NetworkServer;

/// <summary>
/// The HA1 values Kamailio's auth_db compares against: the hash of
/// <c>user:realm:password</c>, so the password itself never has to be stored.
/// </summary>
/// <remarks>The hashing is the SIP stack's, so the server side and the client side cannot disagree.</remarks>
public static class DigestHa1
{
    /// <summary>MD5 HA1 (RFC 2617), what SIP phones use by default.</summary>
    /// <param name="username">The digest username.</param>
    /// <param name="realm">The digest realm.</param>
    /// <param name="password">The clear-text password; it is not kept.</param>
    /// <returns>32 lower-case hex digits.</returns>
    public static string Md5(string username, string realm, string password) => Compute(DigestHashFunction.Md5, username, realm, password);

    /// <summary>SHA-256 HA1 (RFC 7616 / RFC 8760).</summary>
    /// <param name="username">The digest username.</param>
    /// <param name="realm">The digest realm.</param>
    /// <param name="password">The clear-text password; it is not kept.</param>
    /// <returns>64 lower-case hex digits.</returns>
    public static string Sha256(string username, string realm, string password) => Compute(DigestHashFunction.Sha256, username, realm, password);

    private static string Compute(DigestHashFunction hash, string username, string realm, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(realm);
        ArgumentNullException.ThrowIfNull(password);
        return DigestCalculator.Ha1(hash, username, realm, password);
    }
}
