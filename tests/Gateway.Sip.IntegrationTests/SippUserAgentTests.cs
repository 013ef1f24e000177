using Gateway.Sip.UserAgent;

namespace Gateway.Sip.IntegrationTests;

/// <summary>SIPp as the UAC against the gateway's UA core (<see cref="SipUserAgent"/>) on UDP 127.0.0.1.</summary>
public class SippUserAgentTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BasicCall_SippCallsUa_RingAcceptAckBye()
    {
        var handler = new CallHandler(accept: true);
        await using var ua = new UaStack(handler);

        var result = await SippRunner.RunAsync("basic-call.xml", ua.Local);

        Assert.True(result.Succeeded, result.ToString());
        var call = await handler.FirstCall.WaitAsync(s_wait);
        Assert.Equal(SipCallEndReason.RemoteHangUp, (await call.Ended.WaitAsync(s_wait)).Reason);
        Assert.True(call.IsAcknowledged);
        Assert.Equal(0, ua.Agent.Dialogs.Count);
    }

    [Fact]
    public async Task Cancel_WhileRinging_487AndCallEndsAsRemoteCancel()
    {
        var handler = new CallHandler(accept: false);
        await using var ua = new UaStack(handler);

        var result = await SippRunner.RunAsync("cancel-before-answer.xml", ua.Local);

        Assert.True(result.Succeeded, result.ToString());
        var call = await handler.FirstCall.WaitAsync(s_wait);
        Assert.Equal(new SipCallEnd(SipCallEndReason.RemoteCancel, 487), await call.Ended.WaitAsync(s_wait));
    }

    [Fact]
    public async Task Cancel_Racing200_CancelGetsOnly200_CallStaysUpUntilBye()
    {
        var handler = new CallHandler(accept: true);
        await using var ua = new UaStack(handler);

        var result = await SippRunner.RunAsync("ua-cancel-after-200.xml", ua.Local);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, result.CountReceived("SIP/2.0 200", "CANCEL"));
        Assert.Equal(0, result.CountReceived("SIP/2.0 487", "INVITE"));
        var call = await handler.FirstCall.WaitAsync(s_wait);
        Assert.Equal(SipCallEndReason.RemoteHangUp, (await call.Ended.WaitAsync(s_wait)).Reason);
    }

    [Fact]
    public async Task AckNeverSent_TimerL_UaSendsByeAndEndsTheCall()
    {
        var handler = new CallHandler(accept: true);
        var timers = new Gateway.Sip.Transactions.SipTimerSettings { T1 = TimeSpan.FromMilliseconds(50), T2 = TimeSpan.FromMilliseconds(400) };
        await using var ua = new UaStack(handler, timers);

        var result = await SippRunner.RunAsync("ua-ack-lost.xml", ua.Local);

        Assert.True(result.Succeeded, result.ToString());
        var call = await handler.FirstCall.WaitAsync(s_wait);
        Assert.Equal(SipCallEndReason.AckTimeout, (await call.Ended.WaitAsync(s_wait)).Reason);
        Assert.False(call.IsAcknowledged);
        Assert.True(result.CountReceived("SIP/2.0 200", "INVITE") >= 4, result.ToString());
    }

    [Fact]
    public async Task UnhandledMethods_501And405WithExactAllow_OptionsListsTheSame()
    {
        var handler = new CallHandler(accept: false);
        await using var ua = new UaStack(handler);

        var result = await SippRunner.RunAsync("ua-unhandled-methods.xml", ua.Local);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task Invite_SentTwiceWithSameBranch_UaSeesOneCall()
    {
        // The UA answers after 300 ms and the stack's own 100 timer is long, so the one 100 SIPp sees is the
        // server transaction answering the retransmitted copy, which never reaches the UA core.
        var handler = new CallHandler(accept: true, answerDelay: TimeSpan.FromMilliseconds(300));
        await using var ua = new UaStack(handler, new Gateway.Sip.Transactions.SipTimerSettings { TryingDelay = TimeSpan.FromSeconds(30) });

        var result = await SippRunner.RunAsync("invite-retransmitted.xml", ua.Local);

        Assert.True(result.Succeeded, result.ToString());
        await handler.Answered.WaitAsync(s_wait);
        var call = Assert.Single(handler.Calls);
        Assert.Equal(SipCallEndReason.RemoteHangUp, (await call.Ended.WaitAsync(s_wait)).Reason);
        Assert.Equal(1, result.CountReceived("SIP/2.0 100", "INVITE"));
        Assert.Equal(1, result.CountReceived("SIP/2.0 180", "INVITE"));
    }

    [Fact]
    public async Task MalformedRequest_MissingFrom_400ThenUaAnswersOptions200()
    {
        var handler = new CallHandler(accept: false);
        await using var ua = new UaStack(handler);

        var result = await SippRunner.RunAsync("malformed-then-options.xml", ua.Local);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(handler.Calls);
        Assert.Equal(0, ua.Agent.Dialogs.Count);
    }
}
