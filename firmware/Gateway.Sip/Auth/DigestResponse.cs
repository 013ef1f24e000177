namespace Gateway.Sip.Auth;

/// <summary>What an <see cref="IDigestResponder"/> returns.</summary>
/// <param name="Response">The request-digest as lower-case hex (32 digits for MD5, 64 for the others).</param>
public sealed record DigestResponse(string Response);
