using Gateway.Sip.Message;

namespace Gateway.Sip.Transport;

/// <summary>The one consumer of inbound messages of a set of transports (the transaction layer).</summary>
public interface ISipTransportReceiver
{
    /// <summary>A framed, parsed message arrived. Requests already carry received/rport (RFC 3581, §18.2.1).</summary>
    /// <param name="message">The message.</param>
    /// <param name="context">Where it came from.</param>
    void OnMessage(SipMessage message, in SipInboundContext context);

    /// <summary>
    /// A datagram did not parse. Only datagram transports report this; a stream transport closes the
    /// connection instead, because framing is lost.
    /// </summary>
    /// <param name="data">The datagram (valid during the call only).</param>
    /// <param name="parseError">Why it did not parse.</param>
    /// <param name="looksLikeResponse">True when it starts like a Status-Line (drop, never answer).</param>
    /// <param name="context">Where it came from.</param>
    void OnInvalidMessage(ReadOnlySpan<byte> data, SipParseError parseError, bool looksLikeResponse, in SipInboundContext context);
}
