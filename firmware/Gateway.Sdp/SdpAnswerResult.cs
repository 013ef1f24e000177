namespace Gateway.Sdp;

/// <summary>An answer to an offer and, if any audio was accepted, its negotiated parameters.</summary>
/// <param name="Answer">The answer to send (always has as many m= lines as the offer).</param>
/// <param name="Audio">The accepted audio stream, or null when nothing could be accepted: answer 488 instead.</param>
public sealed record SdpAnswerResult(SdpSessionDescription Answer, SdpNegotiatedAudio? Audio)
{
    /// <summary>Whether the answer accepts a stream; if not, the caller answers 488 Not Acceptable Here.</summary>
    public bool IsAcceptable => Audio is not null;
}
