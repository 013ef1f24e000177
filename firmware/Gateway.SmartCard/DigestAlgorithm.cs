namespace Gateway.SmartCard;

/// <summary>The HTTP/SIP digest algorithms of RFC 7616 the follow-me card supports.</summary>
public enum DigestAlgorithm
{
    /// <summary>MD5 (RFC 2617 compatibility; still what most SIP registrars use).</summary>
    Md5,

    /// <summary>SHA-256.</summary>
    Sha256,

    /// <summary>SHA-512/256 (FIPS 180-4).</summary>
    Sha512T256,
}
