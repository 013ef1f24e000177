using Gateway.Sip.Message;

namespace Gateway.Sip.Headers;

/// <summary>A WWW-Authenticate or Proxy-Authenticate challenge (RFC 3261 §20.44, RFC 8760 for userhash).</summary>
public sealed class SipAuthChallenge
{
    private SipAuthChallenge(SipText scheme, SipParameters parameters)
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

    /// <summary>The realm, or null.</summary>
    public string? Realm => Parameters.GetString("realm");

    /// <summary>The nonce, or null.</summary>
    public string? Nonce => Parameters.GetString("nonce");

    /// <summary>The opaque value, or null.</summary>
    public string? Opaque => Parameters.GetString("opaque");

    /// <summary>The algorithm; RFC 3261 defaults it to MD5 when absent.</summary>
    public string Algorithm => Parameters.GetString("algorithm") ?? "MD5";

    /// <summary>The qop options, split from their quoted comma list (e.g. "auth,auth-int").</summary>
    public IReadOnlyList<string> Qop =>
        Parameters.GetString("qop") is { } qop
            ? qop.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    /// <summary>True when stale=true (the nonce expired but the credentials were right).</summary>
    public bool Stale => string.Equals(Parameters.GetString("stale"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when userhash=true (RFC 7616 / RFC 8760).</summary>
    public bool UserHash => string.Equals(Parameters.GetString("userhash"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a challenge.</summary>
    /// <param name="value">The header value.</param>
    /// <param name="baseOffset">Offset in the message.</param>
    /// <returns>The challenge.</returns>
    /// <exception cref="SipParseException">The value is malformed.</exception>
    public static SipAuthChallenge Parse(ReadOnlyMemory<byte> value, long baseOffset)
    {
        var (scheme, parameters) = SipAuthParams.Parse(value, baseOffset);
        return new SipAuthChallenge(scheme, parameters);
    }
}
