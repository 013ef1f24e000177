using Gateway.Sip.UserAgent;

namespace Gateway.Sip.Tests.UserAgent;

public class UserAgentReInviteTests
{
    [Fact]
    public async Task ReInvite_HoldFromCallerThenResumeFromCallee_AnsweredByTheHandlers()
    {
        var pair = new UaPair();
        var (caller, callee) = pair.Connect();

        var hold = await caller.ReInviteAsync(Sdp.Hold);
        Assert.Equal(200, hold.StatusCode);
        Assert.Equal(Sdp.Text(Sdp.Hold), Sdp.Text(Assert.Single(pair.Bob.Offers)));

        var resume = await callee.ReInviteAsync(Sdp.Resume);
        Assert.Equal(200, resume.StatusCode);
        Assert.Equal(Sdp.Text(Sdp.Resume), Sdp.Text(Assert.Single(pair.Alice.Offers)));

        Assert.Equal(3, pair.Count("ACK ")); // the call's 2xx and each re-INVITE's 2xx
        Assert.Equal(SipCallState.Connected, caller.State);
        Assert.Equal(SipCallState.Connected, callee.State);
        Assert.Equal(200, (await caller.HangUpAsync())!.StatusCode);
    }

    [Fact]
    public async Task ReInvite_Glare_491ThenTheFirstCompletesOnRetransmission()
    {
        var pair = new UaPair();
        var (caller, callee) = pair.Connect();
        var dropped = 0;
        pair.Network.Drop = p => p.Text.StartsWith("INVITE", StringComparison.Ordinal) && dropped++ == 0;

        var aliceReInvite = caller.ReInviteAsync(Sdp.Hold);
        var bobReInvite = await callee.ReInviteAsync(Sdp.Resume);

        Assert.Equal(491, bobReInvite.StatusCode);
        Assert.False(aliceReInvite.IsCompleted);

        pair.Advance(600);

        Assert.Equal(200, (await aliceReInvite).StatusCode);
        Assert.Equal(200, (await callee.ReInviteAsync(Sdp.Resume)).StatusCode);
    }

    [Fact]
    public async Task ReInvite_WhileTheLastOneAwaitsItsAck_500WithRetryAfter()
    {
        var pair = new UaPair();
        var (caller, _) = pair.Connect();
        pair.Network.Drop = p => p.Text.StartsWith("ACK ", StringComparison.Ordinal);
        Assert.Equal(200, (await caller.ReInviteAsync(Sdp.Hold)).StatusCode);

        var second = await caller.ReInviteAsync(Sdp.Resume);

        Assert.Equal(500, second.StatusCode);
        Assert.Single(second.GetValues("Retry-After"));
        Assert.Single(pair.Bob.Offers);
    }

    [Fact]
    public async Task ReInvite_HandlerRefuses_488AndCallStaysUp()
    {
        var pair = new UaPair();
        var (caller, _) = pair.Connect();
        pair.Bob.ReInviteAnswer = null;

        Assert.Equal(488, (await caller.ReInviteAsync(Sdp.Hold)).StatusCode);
        Assert.Equal(SipCallState.Connected, caller.State);
        pair.Bob.ReInviteAnswer = Sdp.Answer;
        Assert.Equal(200, (await caller.ReInviteAsync(Sdp.Hold)).StatusCode);
    }

    [Fact]
    public async Task Options_InDialog_Answered200WithAllow()
    {
        var pair = new UaPair();
        var (caller, _) = pair.Connect();

        var response = await caller.SendOptionsAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(["ACK", "BYE", "CANCEL", "INVITE", "OPTIONS"], response.Allow.Select(a => a.ToString()));
    }

    [Fact]
    public void ReInvite_WhenNotConnected_Throws()
    {
        var pair = new UaPair();
        var caller = pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);

        Assert.Throws<InvalidOperationException>(() => { _ = caller.ReInviteAsync(Sdp.Hold); });
    }
}
