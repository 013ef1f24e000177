using System.Net;
using System.Text;
using Gateway.Sip.Dialogs;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;

namespace Gateway.Host.IntegrationTests;

/// <summary>Our own SIP UA on a free loopback port, calling straight at a URI (no proxy).</summary>
internal sealed class TestCaller : IAsyncDisposable
{
    private const string Offer = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private readonly SipStackHost _stack;

    private TestCaller(SipStackHost stack, SipUserAgent agent)
    {
        _stack = stack;
        Agent = agent;
    }

    public SipUserAgent Agent { get; }

    public static Task<TestCaller> StartAsync()
    {
        var udp = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        var agent = new SipUserAgent(new SipUserAgentOptions { Local = new SipEndPoint(SipTransportKind.Udp, udp.LocalEndPoint), User = "caller" });
        var stack = SipStackHost.Create([udp], agent, new SipStackOptions { Validator = SipUserAgent.CreateValidator() });
        agent.Attach(stack.Transactions);
        return Task.FromResult(new TestCaller(stack, agent));
    }

    /// <summary>Calls <paramref name="target"/> and returns how the call ended (hanging up if it connects).</summary>
    public async Task<SipCallEnd> CallAsync(string target, TimeSpan timeout)
    {
        var call = Agent.Call(target, new SipBodyContent(Encoding.ASCII.GetBytes(Offer), "application/sdp"));
        var first = await Task.WhenAny(call.Ended, call.Ringing, call.Connected).WaitAsync(timeout);
        if (first != call.Ended)
        {
            await call.HangUpAsync();
        }

        return await call.Ended.WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync() => await _stack.DisposeAsync();
}
