using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Gateway.Sip.Auth;
using Gateway.Sip.Dialogs;
using Gateway.Sip.Registration;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;

namespace Gateway.NetworkServer.IntegrationTests.Sip;

/// <summary>The gateway's SipUserAgent on a UDP socket on 127.0.0.1, with the network server as outbound proxy.</summary>
internal sealed class UaEndpoint : IIncomingCallHandler, ISipSessionHandler, IAsyncDisposable
{
    /// <summary>A minimal PCMU offer/answer; the UA treats it as opaque bytes.</summary>
    public static readonly SipBodyContent Sdp = WithDirection("sendrecv");

    private static int s_version;

    private readonly SipStackHost _host;
    private readonly TaskCompletionSource<SipIncomingCall> _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RegistrationClient? _registration;

    /// <summary>The same media with another direction attribute (sendonly = hold) and a new o= version.</summary>
    public static SipBodyContent WithDirection(string direction) => new(Encoding.ASCII.GetBytes(
        $"v=0\r\no=gateway 1 {Interlocked.Increment(ref s_version)} IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + $"m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na={direction}\r\n"),
        "application/sdp");

    public UaEndpoint(int serverPort, string realm, string user, string password)
    {
        var udp = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        Local = udp.LocalEndPoint;
        Server = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, serverPort));
        Realm = realm;
        Authenticator = new DigestAuthenticator(user, new PasswordDigestResponder(user, password));
        Agent = new SipUserAgent(new SipUserAgentOptions
        {
            Local = new SipEndPoint(SipTransportKind.Udp, Local),
            User = user,
            Domain = realm,
            OutboundProxy = Server,
            Authenticator = Authenticator,
            SessionHandler = this,
        }, this);
        _host = SipStackHost.Create([udp], Agent, new SipStackOptions { Validator = SipUserAgent.CreateValidator() });
        Agent.Attach(_host.Transactions);
    }

    public IPEndPoint Local { get; }

    public SipEndPoint Server { get; }

    public string Realm { get; }

    public DigestAuthenticator Authenticator { get; }

    public SipUserAgent Agent { get; }

    /// <summary>What to do with an incoming call; ring only when null.</summary>
    public Func<SipIncomingCall, bool>? Answer { get; set; }

    public ConcurrentQueue<SipIncomingCall> IncomingCalls { get; } = new();

    public Task<SipIncomingCall> FirstCall => _firstCall.Task;

    /// <summary>
    /// Registers the UA's Contact with the firmware's <see cref="RegistrationClient"/> on the same transaction layer
    /// the UA uses, as the gateway will: one stack, the UA core answering requests, registrations beside it.
    /// </summary>
    public async Task<RegistrationStatus> RegisterAsync()
    {
        _registration = new RegistrationClient(_host.Transactions, new RegistrationOptions
        {
            Aor = $"sip:{Agent.Options.User}@{Realm}",
            RegistrarUri = $"sip:{Realm}",
            Registrar = Server,
            ContactUri = Agent.Local.Contact.Trim('<', '>'),
            InstanceId = $"urn:uuid:{Guid.NewGuid()}",
            RequestedExpiry = TimeSpan.FromSeconds(300),
        }, Authenticator);
        _registration.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await _registration.WaitForAsync(s => s.State is RegistrationState.Registered or RegistrationState.Failed, timeout.Token);
    }

    /// <summary>Offers received in re-INVITEs, as text.</summary>
    public ConcurrentQueue<string> ReInviteOffers { get; } = new();

    /// <summary>Answers hold (sendonly) with recvonly, anything else with sendrecv.</summary>
    public SipBodyContent? AnswerReInvite(SipCall sipCall, SipBodyContent? offer)
    {
        var text = offer is null ? string.Empty : Encoding.ASCII.GetString(offer.Content.Span);
        ReInviteOffers.Enqueue(text);
        return WithDirection(text.Contains("a=sendonly", StringComparison.Ordinal) ? "recvonly" : "sendrecv");
    }

    public void OnIncomingCall(SipIncomingCall incomingCall)
    {
        IncomingCalls.Enqueue(incomingCall);
        incomingCall.Ring();
        Answer?.Invoke(incomingCall);
        _firstCall.TrySetResult(incomingCall);
    }

    public async ValueTask DisposeAsync()
    {
        if (_registration is not null)
        {
            await _registration.DisposeAsync();
        }

        await _host.DisposeAsync();
    }
}
