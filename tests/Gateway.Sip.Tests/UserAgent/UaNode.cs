using System.Net;
using Gateway.Sip.Dialogs;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>A SipUserAgent on the loopback network: transport, transaction layer (validator from the UA) and a recording call handler.</summary>
internal sealed class UaNode : IIncomingCallHandler, ISipSessionHandler
{
    public UaNode(LoopbackSipNetwork network, FakeTimeProvider time, int port, string user, Func<SipUserAgentOptions, SipUserAgentOptions>? customize = null)
    {
        Address = new IPEndPoint(IPAddress.Loopback, port);
        User = user;
        var transports = new SipTransportLayer();
        transports.Add(network.CreateTransport(SipTransportKind.Udp, Address));
        var options = new SipUserAgentOptions { Local = new SipEndPoint(SipTransportKind.Udp, Address), User = user, SessionHandler = this };
        Agent = new SipUserAgent(customize?.Invoke(options) ?? options, this);
        Layer = new SipTransactionLayer(transports, Agent, timeProvider: time, validator: SipUserAgent.CreateValidator());
        Agent.Attach(Layer);
    }

    public IPEndPoint Address { get; }

    public string User { get; }

    public string Uri => $"sip:{User}@127.0.0.1:{Address.Port}";

    public SipUserAgent Agent { get; }

    public SipTransactionLayer Layer { get; }

    public List<SipIncomingCall> IncomingCalls { get; } = [];

    /// <summary>What to do with a new call; nothing (leave it to the test) when null.</summary>
    public Action<SipIncomingCall>? OnCall { get; set; }

    public List<SipBodyContent?> Offers { get; } = [];

    /// <summary>The answer to re-INVITEs; null refuses (488).</summary>
    public SipBodyContent? ReInviteAnswer { get; set; } = Sdp.Answer;

    public void OnIncomingCall(SipIncomingCall incomingCall)
    {
        IncomingCalls.Add(incomingCall);
        OnCall?.Invoke(incomingCall);
    }

    public SipBodyContent? AnswerReInvite(SipCall sipCall, SipBodyContent? offer)
    {
        Offers.Add(offer);
        return ReInviteAnswer;
    }
}
