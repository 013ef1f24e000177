using Gateway.Sip.Dialogs;
using Gateway.Sip.Message;
using Gateway.Sip.UserAgent;

namespace Gateway.Sip.Tests.UserAgent;

public class UserAgentCallTests
{
    [Fact]
    public async Task Call_RingAcceptHangUpByCaller_BothSidesEndAndForgetTheDialog()
    {
        var pair = new UaPair();
        var caller = pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);
        var callee = Assert.Single(pair.Bob.IncomingCalls);
        Assert.Equal(Sdp.Text(Sdp.Offer), Sdp.Text(callee.Offer));

        Assert.True(callee.Ring());
        Assert.Equal(SipCallState.Ringing, caller.State);
        Assert.Equal(DialogState.Early, caller.Dialog!.State);
        Assert.True(callee.Accept(Sdp.Answer));

        await caller.Connected;
        Assert.Equal(DialogState.Confirmed, caller.Dialog!.State);
        Assert.Equal(caller.Dialog.Id.LocalTag, callee.Dialog!.Id.RemoteTag);
        Assert.Equal(caller.Dialog.Id.RemoteTag, callee.Dialog.Id.LocalTag);
        Assert.Equal(Sdp.Text(Sdp.Answer), System.Text.Encoding.ASCII.GetString(caller.LastResponse!.Body.Span));
        Assert.True(callee.IsAcknowledged);

        var bye = await caller.HangUpAsync();

        Assert.Equal(200, bye!.StatusCode);
        Assert.Equal(new SipCallEnd(SipCallEndReason.LocalHangUp), await caller.Ended);
        Assert.Equal(new SipCallEnd(SipCallEndReason.RemoteHangUp), await callee.Ended);
        Assert.Equal(0, pair.Alice.Agent.Dialogs.Count);
        Assert.Equal(0, pair.Bob.Agent.Dialogs.Count);
        Assert.Equal(0, pair.Alice.Agent.ActiveCallCount + pair.Bob.Agent.ActiveCallCount);
    }

    [Fact]
    public async Task HangUp_ByCallee_CallerSeesRemoteHangUp()
    {
        var pair = new UaPair();
        var (caller, callee) = pair.Connect();

        var bye = await callee.HangUpAsync();

        Assert.Equal(200, bye!.StatusCode);
        Assert.Equal(SipCallEndReason.RemoteHangUp, (await caller.Ended).Reason);
        Assert.Equal(SipCallEndReason.LocalHangUp, (await callee.Ended).Reason);
    }

    [Fact]
    public void ProvisionalAndFinal_CarryTheSameToTagAndAContact()
    {
        var pair = new UaPair();
        pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);
        var callee = Assert.Single(pair.Bob.IncomingCalls);
        callee.Ring();
        callee.Accept(Sdp.Answer);

        var responses = pair.Network.Packets.Where(p => p.Text.StartsWith("SIP/2.0 180", StringComparison.Ordinal) || p.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal))
            .Select(p => (SipResponse)SipMessageReader.ParseDatagram(p.Data.Span).Message!).ToList();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.Equal("<sip:bob@127.0.0.1:5080>", Assert.Single(r.Contact!.Items).ToString()));
        Assert.Equal(responses[0].To!.Tag, responses[1].To!.Tag);
        Assert.NotNull(responses[0].To!.Tag);
    }

    [Fact]
    public async Task Cancel_BeforeAnswer_CalleeGets487AndBothEnd()
    {
        var pair = new UaPair();
        var caller = pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);
        var callee = Assert.Single(pair.Bob.IncomingCalls);
        callee.Ring();

        Assert.True(caller.Cancel());

        Assert.Equal(new SipCallEnd(SipCallEndReason.RemoteCancel, 487), await callee.Ended);
        Assert.Equal(new SipCallEnd(SipCallEndReason.LocalCancel, 487), await caller.Ended);
        Assert.False(callee.Accept(Sdp.Answer));
        Assert.Equal(1, pair.Count("SIP/2.0 487"));
        Assert.Equal(1, pair.Count("ACK "));
    }

    [Fact]
    public async Task Cancel_BeforeAnyProvisional_IsSentOnceTheFirstProvisionalArrives()
    {
        var pair = new UaPair();
        var caller = pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);
        Assert.True(caller.Cancel());
        Assert.Equal(0, pair.Count("CANCEL "));

        pair.Advance(300); // 100 Trying after the transaction's delay

        Assert.Equal(1, pair.Count("CANCEL "));
        Assert.Equal(SipCallEndReason.LocalCancel, (await caller.Ended).Reason);
    }

    [Fact]
    public async Task Cancel_Racing200_CancelGets200CallStaysUpThenCallerAcksAndByes()
    {
        var pair = new UaPair();
        var caller = pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);
        var callee = Assert.Single(pair.Bob.IncomingCalls);
        callee.Ring();
        var drop200 = true;
        pair.Network.Drop = p => drop200 && p.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && p.Text.Contains("CSeq: 1 INVITE", StringComparison.Ordinal);
        Assert.True(callee.Accept(Sdp.Answer));

        Assert.True(caller.Cancel());

        // Bob had already answered: the CANCEL gets 200, the INVITE no 487, Bob's call stays up.
        Assert.Equal(1, pair.Network.Packets.Count(p => p.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && p.Text.Contains("CSeq: 1 CANCEL", StringComparison.Ordinal)));
        Assert.Equal(0, pair.Count("SIP/2.0 487"));
        Assert.Equal(SipCallState.Connected, callee.State);

        drop200 = false;
        pair.Advance(600); // the 2xx retransmission reaches Alice, who still wants out: ACK, then BYE

        Assert.Equal(SipCallEndReason.LocalCancel, (await caller.Ended).Reason);
        Assert.Equal(SipCallEndReason.RemoteHangUp, (await callee.Ended).Reason);
        Assert.Equal(1, pair.Count("BYE "));
    }

    [Fact]
    public async Task AckLost_TimerL_CalleeSendsByeAndEnds()
    {
        var pair = new UaPair();
        pair.Network.Drop = p => p.Text.StartsWith("ACK ", StringComparison.Ordinal);
        pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);
        var callee = Assert.Single(pair.Bob.IncomingCalls);
        callee.Accept(Sdp.Answer);

        pair.Advance(33_000);

        Assert.Equal(SipCallEndReason.AckTimeout, (await callee.Ended).Reason);
        Assert.Equal(1, pair.Count("BYE "));
        Assert.True(pair.Count("ACK ") > 1); // Alice ACKed every retransmitted 2xx
    }

    [Fact]
    public void FirstAckLost_Retransmitted2xxIsAckedAgain_CalleeAcknowledged()
    {
        var pair = new UaPair();
        var dropped = 0;
        pair.Network.Drop = p => p.Text.StartsWith("ACK ", StringComparison.Ordinal) && dropped++ == 0;
        var caller = pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);
        var callee = Assert.Single(pair.Bob.IncomingCalls);
        callee.Accept(Sdp.Answer);
        Assert.False(callee.IsAcknowledged);

        pair.Advance(600);

        Assert.True(callee.IsAcknowledged);
        Assert.Equal(2, pair.Count("ACK "));
        Assert.Equal(SipCallState.Connected, caller.State);
    }

    [Fact]
    public async Task Reject_CallerEndsRejectedWithTheStatus()
    {
        var pair = new UaPair();
        pair.Bob.OnCall = c => c.Reject(486);

        var caller = pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);

        Assert.Equal(new SipCallEnd(SipCallEndReason.Rejected, 486), await caller.Ended);
        Assert.Equal(0, pair.Alice.Agent.Dialogs.Count);
    }

    [Fact]
    public async Task NoAnswer_TimerB_CallerFailsWith408()
    {
        var pair = new UaPair();
        pair.Network.Drop = p => p.Text.StartsWith("INVITE", StringComparison.Ordinal);

        var caller = pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);
        pair.Advance(33_000);

        Assert.Equal(new SipCallEnd(SipCallEndReason.Failed, 408), await caller.Ended);
    }
}
