namespace Gateway.Media.Sessions;

/// <summary>
/// The media of one call: SDP offer/answer (RFC 3264) and the RTP stream it sets up, bridged to the station's audio
/// device. SDP crosses this boundary as text so the media layer needs no SIP types.
/// </summary>
/// <remarks>
/// Every SDP the peer sends arrives here as untrusted network input: a malformed or unacceptable body returns a
/// failed <see cref="CallMediaNegotiation"/> (the caller answers 488), never an exception.
/// </remarks>
public interface ICallMedia : IAsyncDisposable
{
    /// <summary>Raised for each digit the far end sends (RFC 4733 telephone-event), once per key press.</summary>
    event EventHandler<char>? DigitReceived;

    /// <summary>Creates the initial offer (outbound calls) with the local RTP address and codecs by preference.</summary>
    /// <returns>The SDP text.</returns>
    string CreateOffer();

    /// <summary>Applies the answer to our offer (from a 183 or the 2xx) and starts the stream.</summary>
    /// <param name="answerSdp">The SDP text from the peer.</param>
    /// <returns>The outcome; on failure the caller ends the call.</returns>
    CallMediaNegotiation ApplyAnswer(string answerSdp);

    /// <summary>Answers an initial offer (inbound calls). The stream starts with <see cref="Start"/>.</summary>
    /// <param name="offerSdp">The SDP text from the INVITE.</param>
    /// <returns>The outcome with the answer SDP, or a failure to answer with 488.</returns>
    CallMediaNegotiation AnswerOffer(string offerSdp);

    /// <summary>Answers a re-INVITE offer (hold, resume, address change), or an offerless re-INVITE with a new offer.</summary>
    /// <param name="offerSdp">The SDP text, or null.</param>
    /// <returns>The outcome; a failure means 488 and the current session stays as it was.</returns>
    CallMediaNegotiation AnswerReInvite(string? offerSdp);

    /// <summary>Starts sending and receiving audio (inbound calls, after the 200 is sent).</summary>
    void Start();

    /// <summary>Sends digits to the far end as RFC 4733 events (with the triple end packet).</summary>
    /// <param name="digits">0-9, *, #, A-D.</param>
    void SendDigits(string digits);

    /// <summary>Takes a snapshot for call status and the call-end event.</summary>
    /// <returns>The status.</returns>
    CallMediaStatus GetStatus();
}
