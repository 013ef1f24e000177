using System.Net;
using System.Text;
using Gateway.Sip.Dialogs;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Telephony.Tests.Calls;

/// <summary>A real SipUserAgent on the in-process loopback network.</summary>
internal sealed class SipNode : IIncomingCallHandler
{
    public SipNode(LoopbackSipNetwork network, FakeTimeProvider time, int port, string user)
    {
        Address = new IPEndPoint(IPAddress.Loopback, port);
        User = user;
        var transports = new SipTransportLayer();
        transports.Add(network.CreateTransport(SipTransportKind.Udp, Address));
        Agent = new SipUserAgent(new SipUserAgentOptions { Local = new SipEndPoint(SipTransportKind.Udp, Address), User = user }, this);
        var layer = new SipTransactionLayer(transports, Agent, timeProvider: time, validator: SipUserAgent.CreateValidator());
        Agent.Attach(layer);
    }

    public IPEndPoint Address { get; }

    public string User { get; }

    public SipUserAgent Agent { get; }

    public List<SipIncomingCall> IncomingCalls { get; } = [];

    public Action<SipIncomingCall>? OnCall { get; set; }

    public static SipBodyContent Sdp(string text) => new(Encoding.UTF8.GetBytes(text), "application/sdp");

    public string UriFor(string user) => $"sip:{user}@127.0.0.1:{Address.Port}";

    public void OnIncomingCall(SipIncomingCall incomingCall)
    {
        lock (IncomingCalls)
        {
            IncomingCalls.Add(incomingCall);
        }

        OnCall?.Invoke(incomingCall);
    }
}
