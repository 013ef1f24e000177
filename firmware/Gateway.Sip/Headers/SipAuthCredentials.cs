using Gateway.Sip.Message;

namespace Gateway.Sip.Headers;

/// <summary>Authorization or Proxy-Authorization credentials (RFC 3261 §20.7). Unknown schemes parse generically.</summary>
public sealed class SipAuthCredentials
{
    private SipAuthCredentials(SipText scheme, SipParameters parameters)
    {
        Scheme = scheme;
        Parameters = parameters;
    }

    /// <summary>The auth scheme, e.g. "Digest".</summary>
    public SipText Scheme { get; }

    /// <summary>All auth-params; quoted values are given without quotes.</summary>
    public SipParameters Parameters { get; }

    /// <summary>True for the Digest scheme.</summary>
    public bool IsDigest => Scheme.EqualsIgnoreCase("Digest");

    /// <summary>The username, or null.</summary>
    public string? Username => Parameters.GetString("username");

    /// <summary>The realm, or null.</summary>
    public string? Realm => Parameters.GetString("realm");

    /// <summary>The nonce, or null.</summary>
    public string? Nonce => Parameters.GetString("nonce");

    /// <summary>The digest-uri, or null.</summary>
    public string? Uri => Parameters.GetString("uri");

    /// <summary>The response digest, or null.</summary>
    public string? Response => Parameters.GetString("response");

    /// <summary>The algorithm, or null.</summary>
    public string? Algorithm => Parameters.GetString("algorithm");

    /// <summary>The cnonce, or null.</summary>
    public string? CNonce => Parameters.GetString("cnonce");

    /// <summary>The opaque value, or null.</summary>
    public string? Opaque => Parameters.GetString("opaque");

    /// <summary>The chosen qop, or null.</summary>
    public string? Qop => Parameters.GetString("qop");

    /// <summary>The nonce count, or null.</summary>
    public string? NonceCount => Parameters.GetString("nc");

    /// <summary>Parses credentials.</summary>
    /// <param name="value">The header value.</param>
    /// <param name="baseOffset">Offset in the message.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="SipParseException">The value is malformed.</exception>
    public static SipAuthCredentials Parse(ReadOnlyMemory<byte> value, long baseOffset)
    {
        var (scheme, parameters) = SipAuthParams.Parse(value, baseOffset);
        return new SipAuthCredentials(scheme, parameters);
    }
}
