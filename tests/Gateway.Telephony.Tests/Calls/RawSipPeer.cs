using System.Net;
using System.Text;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Telephony.Tests.Calls;

/// <summary>Sends hand-written SIP on the loopback network (requests a UA cannot be made to send) and records what comes back.</summary>
internal sealed class RawSipPeer : ISipTransportReceiver
{
    private readonly LoopbackSipTransport _transport;

    public RawSipPeer(LoopbackSipNetwork network, int port)
    {
        Address = new IPEndPoint(IPAddress.Loopback, port);
        _transport = network.CreateTransport(SipTransportKind.Udp, Address);
        _transport.Start(this);
    }

    public IPEndPoint Address { get; }

    public List<SipMessage> Received { get; } = [];

    public void Send(IPEndPoint to, string text) =>
        _transport.SendAsync(to, Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))).AsTask().GetAwaiter().GetResult();

    public void OnMessage(SipMessage message, in SipInboundContext context)
    {
        lock (Received)
        {
            Received.Add(message);
        }
    }

    public void OnInvalidMessage(ReadOnlySpan<byte> data, SipParseError parseError, bool looksLikeResponse, in SipInboundContext context)
    {
    }
}
