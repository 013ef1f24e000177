namespace Gateway.Media.Sessions;

/// <summary>The outcome of applying or answering an SDP body.</summary>
/// <param name="Succeeded">Whether the session can go on with it.</param>
/// <param name="Sdp">The answer to send (when answering), else null.</param>
/// <param name="Codec">The negotiated codec name (e.g. "PCMU"), when succeeded.</param>
/// <param name="Error">Why it failed, for logs and the 488's reason; null when succeeded.</param>
public sealed record CallMediaNegotiation(bool Succeeded, string? Sdp, string? Codec, string? Error)
{
    /// <summary>A failure with its reason.</summary>
    /// <param name="error">Why.</param>
    /// <returns>The outcome.</returns>
    public static CallMediaNegotiation Fail(string error) => new(false, null, null, error);
}
