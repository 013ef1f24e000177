using Gateway.Sip.Message;
using Microsoft.Extensions.Logging;

namespace Gateway.Sip.Transport;

/// <summary>Frames one datagram (RFC 3261 §18.3) and hands the result to the receiver; shared by UDP and the loopback network.</summary>
internal static class SipDatagramDispatcher
{
    public static void Dispatch(ReadOnlySpan<byte> datagram, ISipTransportReceiver receiver, in SipInboundContext context, SipParserOptions options, ILogger logger)
    {
        // A datagram of only CRLFs is a keep-alive (RFC 5626 §3.5.1 style double CRLF); nothing to answer.
        if (datagram.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0)
        {
            return;
        }

        try
        {
            var result = SipMessageReader.ParseDatagram(datagram, options);
            if (!result.IsSuccess)
            {
                receiver.OnInvalidMessage(datagram, result.Error, result.LooksLikeResponse, context);
                return;
            }

            var message = result.Message is SipRequest request ? SipReceivedStamp.Apply(request, context.Remote) : result.Message;
            receiver.OnMessage(message, context);
        }
        catch (Exception ex)
        {
            // The receive loop must survive whatever the layer above does with one message.
            logger.LogError(ex, "SIP: processing a datagram from {Remote} failed", context.Remote);
        }
    }
}
