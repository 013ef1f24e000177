using System.Net;
using System.Text;
using Gateway.Sip.Auth;
using Gateway.Sip.Message;
using Gateway.Sip.Registration;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;
using Gateway.SmartCard;
using Gateway.Telephony.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Telephony.Tests.Sip;

/// <summary>The box's UA on 127.0.0.1:5060 of a loopback network, and a raw peer on 5070 that records and answers.</summary>
internal sealed class SipTestNetwork : ISipTransportReceiver
{
    public static readonly IPEndPoint BoxAddress = new(IPAddress.Loopback, 5060);
    public static readonly IPEndPoint PeerAddress = new(IPAddress.Loopback, 5070);
    private readonly LoopbackSipTransport _peer;
    private readonly Lock _gate = new();
    private readonly List<SipMessage> _received = [];

    public SipTestNetwork(IIncomingCallHandler? handler = null)
    {
        var transports = new SipTransportLayer();
        transports.Add(Network.CreateTransport(SipTransportKind.Udp, BoxAddress));
        Agent = new SipUserAgent(new SipUserAgentOptions { Local = new SipEndPoint(SipTransportKind.Udp, BoxAddress), OutboundProxy = new SipEndPoint(SipTransportKind.Udp, PeerAddress) }, handler);
        Layer = new SipTransactionLayer(transports, Agent, timeProvider: Time, validator: SipUserAgent.CreateValidator());
        Agent.Attach(Layer);
        Registrations = new RegistrationSet(Layer);
        _peer = Network.CreateTransport(SipTransportKind.Udp, PeerAddress);
        _peer.Start(this);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public LoopbackSipNetwork Network { get; } = new();

    public SipUserAgent Agent { get; }

    public SipTransactionLayer Layer { get; }

    public RegistrationSet Registrations { get; }

    /// <summary>How the peer answers a request; null sends nothing.</summary>
    public Func<SipRequest, string?> Answer { get; set; } = _ => null;

    public IReadOnlyList<SipRequest> Requests(string method)
    {
        lock (_gate)
        {
            return [.. _received.OfType<SipRequest>().Where(r => r.Method.ToString() == method)];
        }
    }

    public IReadOnlyList<SipResponse> Responses
    {
        get
        {
            lock (_gate)
            {
                return [.. _received.OfType<SipResponse>()];
            }
        }
    }

    public static string Response(SipRequest request, int status, params string[] headers)
    {
        var builder = SipResponseFactory.CreateResponse(request, status, toTag: "peer-tag");
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            builder.AddHeader(header[..colon], header[(colon + 1)..].Trim());
        }

        return Encoding.UTF8.GetString(builder.ToArray());
    }

    /// <summary>A registrar that needs no digest and grants what is asked, echoing the Contact.</summary>
    public static string? Registrar(SipRequest request) => request.Method.ToString() != "REGISTER" ? null
        : Response(request, 200, $"Contact: <{request.Contact!.Items[0].Uri.Text}>;expires={request.Expires ?? 600}");

    public void Send(string raw) => _peer.SendAsync(BoxAddress, Encoding.UTF8.GetBytes(raw)).AsTask().GetAwaiter().GetResult();

    public static string Invite(string requestUri, string callId = "call-1@peer") =>
        $"INVITE {requestUri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-{callId.GetHashCode(StringComparison.Ordinal):x}\r\nMax-Forwards: 70\r\n"
        + $"From: <sip:caller@127.0.0.1:5070>;tag=caller\r\nTo: <{requestUri}>\r\nCall-ID: {callId}\r\nCSeq: 1 INVITE\r\n"
        + "Contact: <sip:caller@127.0.0.1:5070>\r\nContent-Length: 0\r\n\r\n";

    public void OnMessage(SipMessage message, in SipInboundContext context)
    {
        lock (_gate)
        {
            _received.Add(message);
        }

        if (message is SipRequest request && Answer(request) is { } raw)
        {
            _peer.SendAsync(context.Remote, Encoding.UTF8.GetBytes(raw)).AsTask().GetAwaiter().GetResult();
        }
    }

    public void OnInvalidMessage(ReadOnlySpan<byte> data, SipParseError parseError, bool looksLikeResponse, in SipInboundContext context)
    {
    }

    public static FollowMeAccount Account(string reader = "reader-0", string station = "station-1", string user = "alice", AccountProfile? profile = null) => new()
    {
        Reader = reader,
        StationId = station,
        DisplayName = "T. " + user,
        FollowMeNumber = "+15551230001",
        Aor = $"sip:{user}@127.0.0.1",
        ContactUser = FollowMeAccountFactory.NewContactUser(),
        Profile = profile ?? new AccountProfile { FollowMeNumber = "+15551230001", SipAor = $"sip:{user}@127.0.0.1", AuthUser = user, Realm = "127.0.0.1" },
        Authenticator = new DigestAuthenticator(user, new PasswordDigestResponder(user, "secret")),
    };
}
