using System.Net;
using System.Text;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Sip.Tests.Transactions;

/// <summary>A transaction layer on a loopback network, a raw peer that records what it receives, and a fake clock.</summary>
internal sealed class TransactionHarness
{
    public static readonly IPEndPoint LayerAddress = new(IPAddress.Loopback, 5060);
    public static readonly IPEndPoint PeerAddress = new(IPAddress.Loopback, 5070);

    public TransactionHarness(SipTransportKind kind = SipTransportKind.Udp, SipTimerSettings? timers = null)
    {
        Kind = kind;
        LayerTransport = Network.CreateTransport(kind, LayerAddress);
        var transports = new SipTransportLayer();
        transports.Add(LayerTransport);
        Layer = new SipTransactionLayer(transports, User, timers, Time, logger: Logger);
        PeerTransport = Network.CreateTransport(kind, PeerAddress);
        PeerTransport.Start(Peer);
    }

    public SipTransportKind Kind { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public LoopbackSipNetwork Network { get; } = new();

    public LoopbackSipTransport LayerTransport { get; }

    public LoopbackSipTransport PeerTransport { get; }

    public RecordingUser User { get; } = new();

    public RecordingLogger Logger { get; } = new();

    public SipTransactionLayer Layer { get; }

    public RecordingPeer Peer => _peer ??= new RecordingPeer(Time);

    public SipEndPoint PeerEndPoint => new(Kind, PeerAddress);

    private RecordingPeer? _peer;

    public void PeerSends(string text) => PeerTransport.SendAsync(LayerAddress, Encoding.UTF8.GetBytes(text)).AsTask().GetAwaiter().GetResult();

    public void Advance(int milliseconds) => Time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Advances in 10 ms steps so every timer fires at its own time.</summary>
    public void AdvanceStepwise(int milliseconds)
    {
        for (var i = 0; i < milliseconds / 10; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(10));
        }
    }

    public static string Request(string method, string branch, string cseqMethod = "", int cseq = 1, string toTag = "", string via = "", string callId = "call-1@peer")
    {
        via = via.Length > 0 ? via : $"SIP/2.0/UDP 127.0.0.1:5070;branch={branch}";
        cseqMethod = cseqMethod.Length > 0 ? cseqMethod : method;
        var to = toTag.Length > 0 ? $"<sip:gw@127.0.0.1>;tag={toTag}" : "<sip:gw@127.0.0.1>";
        return $"{method} sip:gw@127.0.0.1 SIP/2.0\r\n"
            + $"Via: {via}\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:peer@127.0.0.1>;tag=peer-tag\r\n"
            + $"To: {to}\r\n"
            + $"Call-ID: {callId}\r\n"
            + $"CSeq: {cseq} {cseqMethod}\r\n"
            + "Content-Length: 0\r\n\r\n";
    }

    public static SipRequest OutgoingRequest(string method, string branch = "z9hG4bKclient1") =>
        (SipRequest)SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes(
            $"{method} sip:peer@127.0.0.1:5070 SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch={branch}\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:gw@127.0.0.1>;tag=gw-tag\r\n"
            + "To: <sip:peer@127.0.0.1>\r\n"
            + "Call-ID: out-1@gw\r\n"
            + $"CSeq: 1 {method}\r\n"
            + "Content-Length: 0\r\n\r\n")).Message!;

    /// <summary>A response to a request the peer received, as the peer would send it.</summary>
    public static string ResponseTo(SipRequest request, int status, string toTag = "peer-to")
    {
        var builder = SipResponseFactory.CreateResponse(request, status, toTag: toTag);
        return Encoding.UTF8.GetString(builder.ToArray());
    }
}
