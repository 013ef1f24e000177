using Gateway.Sip.Message;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>Alice (a SipUserAgent on 5060) and a raw peer on 5070.</summary>
internal sealed class RawPeerFixture
{
    public RawPeerFixture(Func<SipUserAgentOptions, SipUserAgentOptions>? aliceOptions = null)
    {
        Alice = new UaNode(Network, Time, 5060, "alice", aliceOptions);
        Peer = new RawPeer(Network, Time, 5070);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public LoopbackSipNetwork Network { get; } = new();

    public UaNode Alice { get; }

    public RawPeer Peer { get; }

    public string AliceUri => Alice.Uri;

    public void Send(string text) => Peer.Send(Alice.Address, text);

    public SipResponse LastResponse => Peer.Recorder.Messages.OfType<SipResponse>().Last();

    public List<SipRequest> Requests(string method) => Peer.Recorder.Requests(method);

    public void Respond(SipRequest request, int status, string toTag = "peer-tag", string extraHeaders = "", string body = "") =>
        Peer.Respond(Alice.Address, request, status, toTag, extraHeaders, body);

    /// <summary>The peer calls Alice, who accepts; returns the dialog's Call-ID and Alice's tag.</summary>
    public (SipIncomingCall Call, string AliceTag) PeerCallsAndAliceAccepts(string callId = "c1@peer", string extraHeaders = "", int cseq = 10)
    {
        Alice.OnCall = c => c.Accept(Sdp.Answer);
        Send(RawPeer.Request("INVITE", AliceUri, callId, cseq, extraHeaders: $"Contact: {Peer.Contact}\r\n" + extraHeaders));
        var ok = Peer.Recorder.Responses(200).Last();
        var tag = ok.To!.Tag!;
        Send(RawPeer.Request("ACK", AliceUri, callId, cseq, toTag: tag));
        return (Assert.Single(Alice.IncomingCalls), tag);
    }
}
