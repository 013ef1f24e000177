using System.Net;
using System.Text;
using Gateway.Sip.Auth;
using Gateway.Sip.Dialogs;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// Our own SIP UA on loopback: a caller (optionally a subscriber sending through Kamailio with digest) or a callee that
/// answers every call (the PSTN side of Kamailio).
/// </summary>
internal sealed class TestCaller : IAsyncDisposable, IIncomingCallHandler
{
    private const string Offer = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    private const string Answer = "v=0\r\no=callee 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private readonly Lock _gate = new();
    private readonly List<SipIncomingCall> _incoming = [];
    private SipStackHost? _stack;

    private TestCaller()
    {
    }

    public SipUserAgent Agent { get; private set; } = null!;

    public int Port { get; private set; }

    public IReadOnlyList<SipIncomingCall> Incoming
    {
        get
        {
            lock (_gate)
            {
                return [.. _incoming];
            }
        }
    }

    /// <summary>Starts a UA; with <paramref name="user"/> it is that subscriber of the Kamailio on <paramref name="proxyPort"/>.</summary>
    public static Task<TestCaller> StartAsync(string? user = null, string? password = null, int? proxyPort = null)
    {
        var caller = new TestCaller();
        var udp = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        caller.Port = udp.LocalEndPoint.Port;
        caller.Agent = new SipUserAgent(
            new SipUserAgentOptions
            {
                Local = new SipEndPoint(SipTransportKind.Udp, udp.LocalEndPoint),
                User = user ?? "caller",
                Domain = "127.0.0.1",
                OutboundProxy = proxyPort is { } port ? new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, port)) : null,
                Authenticator = user is null ? null : new DigestAuthenticator(user, new PasswordDigestResponder(user, password ?? string.Empty)),
            },
            caller);
        caller._stack = SipStackHost.Create([udp], caller.Agent, new SipStackOptions { Validator = SipUserAgent.CreateValidator() });
        caller.Agent.Attach(caller._stack.Transactions);
        return Task.FromResult(caller);
    }

    public SipOutgoingCall Call(string target) =>
        Agent.Call(target, new SipBodyContent(Encoding.ASCII.GetBytes(Offer), "application/sdp"));

    /// <summary>Calls <paramref name="target"/> and returns how the call ended (hanging up if it connects).</summary>
    public async Task<SipCallEnd> CallAsync(string target, TimeSpan timeout)
    {
        var call = Call(target);
        var first = await Task.WhenAny(call.Ended, call.Ringing, call.Connected).WaitAsync(timeout);
        if (first != call.Ended)
        {
            await call.HangUpAsync();
        }

        return await call.Ended.WaitAsync(timeout);
    }

    public void OnIncomingCall(SipIncomingCall incomingCall)
    {
        lock (_gate)
        {
            _incoming.Add(incomingCall);
        }

        incomingCall.Accept(new SipBodyContent(Encoding.ASCII.GetBytes(Answer), "application/sdp"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}
