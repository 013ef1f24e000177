namespace Gateway.SmartCard;

/// <summary>
/// Everything the card needs to answer one digest challenge (RFC 7616 §3.4). Values are exactly as they appear in
/// the challenge and request; <see cref="Qop"/> null means RFC 2069 compatibility (then <see cref="Nc"/> and
/// <see cref="Cnonce"/> are ignored).
/// </summary>
/// <param name="Algorithm">Algorithm token: <c>MD5</c>, <c>SHA-256</c>, <c>SHA-512-256</c>.</param>
/// <param name="Realm">The challenge realm.</param>
/// <param name="Nonce">The server nonce.</param>
/// <param name="Method">The request method, e.g. REGISTER.</param>
/// <param name="DigestUri">The digest-uri (request URI).</param>
/// <param name="Qop">The chosen qop (<c>auth</c>) or null.</param>
/// <param name="Nc">Nonce count, 8 hex digits.</param>
/// <param name="Cnonce">Client nonce.</param>
public sealed record DigestChallengeInput(
    string Algorithm,
    string Realm,
    string Nonce,
    string Method,
    string DigestUri,
    string? Qop,
    string? Nc,
    string? Cnonce);
