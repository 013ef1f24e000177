using System.Net;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.IntegrationTests;

/// <summary>
/// Interop of the gateway's own transport + transaction layers (UDP on 127.0.0.1) with the real SIPp
/// acting as the far-end UAC. The TU is <see cref="InteropUser"/>, minimal test plumbing, so these tests
/// pin the transaction layer alone; <see cref="SippUserAgentTests"/> runs SIPp against the UA core.
/// </summary>
public class SippInteropTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BasicCall_SippUacAgainstStack_CompletesWithAckAndBye()
    {
        var user = new InteropUser();
        await using var stack = Start(user);

        var result = await SippRunner.RunAsync("basic-call.xml", Target(stack));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, user.CountRequests("INVITE"));
        Assert.Equal(1, user.CountRequests("BYE"));
        var ack = Assert.Single(user.Acks);
        Assert.Equal(user.Requests[0].Request.CallId, ack.CallId);
        var invite = Assert.IsType<ServerInviteTransaction>(user.Requests[0]);
        Assert.True(invite.IsAcknowledged);
    }

    [Fact]
    public async Task Invite_SentTwiceWithSameBranch_TransactionUserSeesOneInvite()
    {
        // The TU answers late so both copies arrive while the transaction is still Proceeding; the
        // long TryingDelay means the only 100 is the one the transaction sends for the retransmission.
        var timers = new SipTimerSettings { TryingDelay = TimeSpan.FromSeconds(30) };
        var user = new InteropUser { ProvisionalDelay = TimeSpan.FromMilliseconds(300), FinalDelay = TimeSpan.FromMilliseconds(300) };
        await using var stack = Start(user, timers);

        var result = await SippRunner.RunAsync("invite-retransmitted.xml", Target(stack));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, user.CountRequests("INVITE"));
        Assert.Equal(1, user.CountRequests("BYE"));
        Assert.Single(user.Acks);

        Assert.Equal(1, result.CountReceived("SIP/2.0 100", "INVITE"));
        Assert.Equal(1, result.CountReceived("SIP/2.0 180", "INVITE"));
    }

    [Fact]
    public async Task Invite_AckNeverSent_200RetransmittedAndAckTimeoutReported()
    {
        var timers = new SipTimerSettings { T1 = TimeSpan.FromMilliseconds(50), T2 = TimeSpan.FromMilliseconds(400) };
        var user = new InteropUser();
        await using var stack = Start(user, timers);

        var result = await SippRunner.RunAsync("ack-lost.xml", Target(stack));

        Assert.True(result.Succeeded, result.ToString());
        var timedOut = await user.AckTimeout.WaitAsync(s_wait);
        Assert.Same(user.Requests[0], timedOut);
        Assert.False(timedOut.IsAcknowledged);
        Assert.Empty(user.Acks);

        // Timer L is 64*T1 = 3.2 s; re-sent at 50, 100, 200, 400 ms, then every 400 ms: well over 4 copies.
        var oks = result.CountReceived("SIP/2.0 200", "INVITE");
        Assert.True(oks >= 4, $"200s received: {oks}\n{result}");
    }

    [Fact]
    public async Task UnknownMethod_Foo_501WithAllowListingInvite()
    {
        var user = new InteropUser();
        await using var stack = Start(user);

        var result = await SippRunner.RunAsync("unknown-method.xml", Target(stack));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(user.Requests);
    }

    [Fact]
    public async Task MalformedRequest_MissingFrom_400ThenOptionsAnswered200()
    {
        var user = new InteropUser();
        await using var stack = Start(user);

        var result = await SippRunner.RunAsync("malformed-then-options.xml", Target(stack));

        Assert.True(result.Succeeded, result.ToString());
        var options = Assert.Single(user.Requests);
        Assert.Equal("OPTIONS", options.Request.Method.ToString());
    }

    [Fact]
    public async Task Cancel_WhileRinging_200ForCancel487ForInviteAndAckAbsorbed()
    {
        var user = new InteropUser { Answer = InviteAnswer.RingOnly };
        await using var stack = Start(user);

        var result = await SippRunner.RunAsync("cancel-before-answer.xml", Target(stack));

        Assert.True(result.Succeeded, result.ToString());
        var invite = Assert.IsType<ServerInviteTransaction>(user.Requests.Single(t => t.Request.Method.ToString() == "INVITE"));
        var cancel = Assert.IsType<ServerNonInviteTransaction>(user.Requests.Single(t => t.Request.Method.ToString() == "CANCEL"));
        Assert.Same(invite, cancel.CancelTarget);
        Assert.Equal(487, invite.LastResponse?.StatusCode);

        // The ACK for the 487 belongs to the transaction (same branch): it is absorbed, not passed up.
        await WaitUntilAsync(() => invite.IsAcknowledged);
        Assert.Empty(user.Acks);
    }

    private static SipStackHost Start(InteropUser user, SipTimerSettings? timers = null)
    {
        var stack = SipStackHost.CreateSocketStack(new IPEndPoint(IPAddress.Loopback, 0), user,
            options: new SipStackOptions { Timers = timers });
        user.Contact = $"<sip:gw@127.0.0.1:{Target(stack).Port}>";
        return stack;
    }

    private static IPEndPoint Target(SipStackHost stack) => stack.GetLocalEndPoint(SipTransportKind.Udp)!;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Delay(20);
        }
    }
}
