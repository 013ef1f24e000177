using System.Net;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;

namespace Gateway.Sip.IntegrationTests;

/// <summary>A SipUserAgent on a real UDP socket on 127.0.0.1 with an ephemeral port.</summary>
internal sealed class UaStack : IAsyncDisposable
{
    private readonly SipStackHost _host;

    public UaStack(IIncomingCallHandler handler, SipTimerSettings? timers = null)
    {
        var udp = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        Local = udp.LocalEndPoint;
        Agent = new SipUserAgent(new SipUserAgentOptions { Local = new SipEndPoint(SipTransportKind.Udp, Local), User = "gw" }, handler);
        _host = SipStackHost.Create([udp], Agent, new SipStackOptions { Timers = timers, Validator = SipUserAgent.CreateValidator() });
        Agent.Attach(_host.Transactions);
    }

    public IPEndPoint Local { get; }

    public SipUserAgent Agent { get; }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
