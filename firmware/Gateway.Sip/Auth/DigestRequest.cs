namespace Gateway.Sip.Auth;

/// <summary>
/// Everything needed to compute a digest response except the secret (RFC 7616 §3.4.1). Values are
/// unquoted (quoted-pairs resolved), as the hash is computed over them.
/// </summary>
public sealed record DigestRequest
{
    /// <summary>The algorithm chosen from the challenge.</summary>
    public required DigestAlgorithm Algorithm { get; init; }

    /// <summary>The plain username (the HA1 is always over the plain name, even with userhash).</summary>
    public required string Username { get; init; }

    /// <summary>The realm of the challenge.</summary>
    public required string Realm { get; init; }

    /// <summary>The server nonce.</summary>
    public required string Nonce { get; init; }

    /// <summary>The request method, e.g. "REGISTER".</summary>
    public required string Method { get; init; }

    /// <summary>The digest-uri: the Request-URI of the request being authorized.</summary>
    public required string DigestUri { get; init; }

    /// <summary>"auth", or null for the RFC 2069 compatibility response (no qop in the challenge).</summary>
    public string? Qop { get; init; }

    /// <summary>The nonce count as 8 lower-case hex digits; null when <see cref="Qop"/> is null.</summary>
    public string? NonceCount { get; init; }

    /// <summary>The client nonce; null when <see cref="Qop"/> is null and the algorithm is not a -sess one.</summary>
    public string? Cnonce { get; init; }

    /// <summary>True when the header carries H(username:realm) instead of the username (RFC 7616 §3.4.4).</summary>
    public bool UserHash { get; init; }
}
