using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>Alice (5060) and Bob (5080), two SipUserAgents on one loopback network and one fake clock.</summary>
internal sealed class UaPair
{
    public UaPair(Func<SipUserAgentOptions, SipUserAgentOptions>? aliceOptions = null)
    {
        Alice = new UaNode(Network, Time, 5060, "alice", aliceOptions);
        Bob = new UaNode(Network, Time, 5080, "bob");
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public LoopbackSipNetwork Network { get; } = new();

    public UaNode Alice { get; }

    public UaNode Bob { get; }

    public int Count(string startLine) => Network.Packets.Count(p => p.Text.StartsWith(startLine, StringComparison.Ordinal));

    public void Advance(int milliseconds)
    {
        for (var i = 0; i < milliseconds / 100; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Alice calls Bob, Bob rings and accepts: a connected call.</summary>
    public (SipOutgoingCall Caller, SipIncomingCall Callee) Connect()
    {
        var caller = Alice.Agent.Call(Bob.Uri, Sdp.Offer);
        var callee = Assert.Single(Bob.IncomingCalls);
        Assert.True(callee.Ring());
        Assert.True(callee.Accept(Sdp.Answer));
        Assert.Equal(SipCallState.Connected, caller.State);
        Assert.True(callee.IsAcknowledged);
        return (caller, callee);
    }
}
