namespace Gateway.Sip.Auth;

/// <summary>
/// The hash function behind a digest algorithm; HA1 values are stored per hash function. Declared
/// weakest first: the client prefers the highest value a server offers.
/// </summary>
public enum DigestHashFunction
{
    /// <summary>MD5 (RFC 2617, RFC 3261).</summary>
    Md5,

    /// <summary>SHA-256 (RFC 7616, RFC 8760).</summary>
    Sha256,

    /// <summary>SHA-512/256 (RFC 7616, RFC 8760).</summary>
    Sha512T256,
}
