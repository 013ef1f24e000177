using Gateway.Sip.Headers;

namespace Gateway.Sip.Auth;

/// <summary>A Digest challenge this client can answer, with its parsed algorithm and qop.</summary>
/// <param name="Challenge">The challenge as parsed.</param>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="Qop">"auth", or null for an RFC 2069 challenge.</param>
internal sealed record DigestCandidate(SipAuthChallenge Challenge, DigestAlgorithm Algorithm, string? Qop)
{
    /// <summary>The raw realm (quoted-pairs intact), as echoed in the header.</summary>
    public string RawRealm => Challenge.Realm!;

    /// <summary>The raw nonce.</summary>
    public string RawNonce => Challenge.Nonce!;
}
