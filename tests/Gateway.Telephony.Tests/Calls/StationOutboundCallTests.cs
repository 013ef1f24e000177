using Gateway.Dsp.Tones;
using Gateway.Sip.UserAgent;
using Gateway.SmartCard;
using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Tests.Calls;

public sealed class StationOutboundCallTests : IAsyncDisposable
{
    private readonly StationCallHarness _h = new();

    [Fact]
    public async Task OffHook_DialTone_FirstDigitStopsIt()
    {
        _h.OffHook();
        await _h.NextAsync("hook.off");
        await _h.SettleAsync();
        Assert.Equal(ToneKind.Dial, _h.Audio.Tone);

        _h.Keys("5");
        await _h.NextAsync("key");
        await _h.SettleAsync();

        Assert.Null(_h.Audio.Tone);
        Assert.Equal("5", _h.Collector.Digits);
        Assert.Null(_h.Collector.Account);
    }

    [Fact]
    public async Task PayPhone_OrdinaryNumber_ReorderAndInsertCard()
    {
        _h.OffHook();
        await _h.NextAsync("hook.off");
        _h.Keys("5551234#");

        var refused = await _h.NextAsync("call.refused");

        Assert.Equal("no-card", refused.Data!["reason"]!.GetValue<string>());
        await _h.SettleAsync();
        Assert.Equal(ToneKind.Reorder, _h.Audio.Tone);
        Assert.Equal("Insert card", _h.Display.Lines[0]);
        Assert.Empty(_h.Placed);
        Assert.Empty(_h.Far.IncomingCalls);
    }

    [Fact]
    public async Task PayPhone_EmergencyNumber_PlacedAsTheBox()
    {
        await _h.DialAsync("911#");

        Assert.Equal([("911", (Gateway.Telephony.Accounts.FollowMeAccount?)null)], _h.Placed);
        Assert.Single(_h.Far.IncomingCalls);
    }

    [Fact]
    public async Task WithCard_AnsweredCall_BridgesMedia_OnHookSendsBye()
    {
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.Far.OnCall = c => c.Ring();

        await _h.DialAsync("5551234#");
        await _h.NextAsync("call.ringing");
        await _h.SettleAsync();
        Assert.Equal(ToneKind.Ringback, _h.Audio.Tone);
        Assert.Equal([("5551234", alice)], _h.Placed.Select(p => (p.Dialled, p.Account)));

        var callee = Assert.Single(_h.Far.IncomingCalls);
        Assert.True(callee.Accept(SipNode.Sdp(FakeCallMedia.AnswerSdp)));
        var answered = await _h.NextAsync("call.answered");

        Assert.Equal("PCMU", answered.Data!["codec"]!.GetValue<string>());
        var media = Assert.Single(_h.Audio.Medias);
        Assert.Equal(FakeCallMedia.AnswerSdp, media.AppliedAnswer);
        Assert.Null(_h.Audio.Tone);
        _h.Time.Advance(TimeSpan.FromSeconds(3));
        var snapshot = _h.Station.Snapshot().Call;
        Assert.NotNull(snapshot);
        Assert.Equal(CallDirection.Outbound, snapshot.Direction);
        Assert.Equal(StationCallState.Connected, snapshot.State);
        Assert.Equal("5551234", snapshot.RemoteParty);
        Assert.Equal("Alice", snapshot.ForUser);
        Assert.Equal(3000, snapshot.DurationMs);
        Assert.Equal(2, snapshot.Media!.PacketsLost);

        _h.Keys("12#");
        await _h.SettleAsync();
        Assert.Equal("12#", media.SentDigits);

        _h.OnHook();
        var ended = await _h.NextAsync("call.ended");

        Assert.Equal("local-hangup", ended.Data!["cause"]!.GetValue<string>());
        Assert.Equal(3000, ended.Data!["durationMs"]!.GetValue<long>());
        Assert.Equal(2, ended.Data!["packetsLost"]!.GetValue<long>());
        Assert.Equal(160, ended.Data!["concealedSamples"]!.GetValue<long>());
        var farEnd = await callee.Ended.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipCallEndReason.RemoteHangUp, farEnd.Reason);
        await _h.SettleAsync();
        Assert.True(media.Disposed);
        Assert.Null(_h.Station.Snapshot().Call);
        Assert.Equal(["Alice", "+15557770001"], _h.Display.Lines);
    }

    [Theory]
    [InlineData(486, "busy", ToneKind.Busy)]
    [InlineData(600, "busy", ToneKind.Busy)]
    [InlineData(404, "rejected", ToneKind.Reorder)]
    [InlineData(408, "rejected", ToneKind.Reorder)]
    [InlineData(480, "rejected", ToneKind.Reorder)]
    [InlineData(500, "rejected", ToneKind.Reorder)]
    [InlineData(503, "rejected", ToneKind.Reorder)]
    public async Task FarEndFailure_BusyOrReorder(int status, string cause, ToneKind tone)
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.Far.OnCall = c => c.Reject(status);

        await _h.DialAsync("5551234#");
        var ended = await _h.NextAsync("call.ended");

        Assert.Equal(cause, ended.Data!["cause"]!.GetValue<string>());
        Assert.Equal(status, ended.Data!["status"]!.GetValue<int>());
        await _h.SettleAsync();
        Assert.Equal(tone, _h.Audio.Tone);
        Assert.True(_h.Audio.Medias[0].Disposed);

        // On-hook after the failure: silence and the ready display.
        _h.OnHook();
        await _h.NextAsync("hook.on");
        await _h.SettleAsync();
        Assert.Null(_h.Audio.Tone);
        Assert.Equal("Alice", _h.Display.Lines[0]);
    }

    [Fact]
    public async Task FarEndByeDuringRingback_Reorder()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.Far.OnCall = c => c.Ring();
        await _h.DialAsync("5551234#");
        await _h.NextAsync("call.ringing");
        var callee = Assert.Single(_h.Far.IncomingCalls);
        var dialog = callee.Dialog!;
        var raw = new RawSipPeer(_h.Network, 5090);

        // A BYE on the early dialog (RFC 3261 §15), which the SIP stack's UAS never sends itself.
        raw.Send(_h.Gateway.Address, $"""
            BYE sip:gateway@127.0.0.1:5060 SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-early-bye
            From: <sip:{StationCallHarness.FarUser}@127.0.0.1>;tag={dialog.Id.LocalTag}
            To: <sip:5551234@127.0.0.1:5080>;tag={dialog.Id.RemoteTag}
            Call-ID: {dialog.Id.CallId}
            CSeq: 1 BYE
            Max-Forwards: 70
            Content-Length: 0


            """);
        var ended = await _h.NextAsync("call.ended");

        Assert.Equal("remote-hangup", ended.Data!["cause"]!.GetValue<string>());
        await _h.SettleAsync();
        Assert.Equal(ToneKind.Reorder, _h.Audio.Tone);
    }

    [Fact]
    public async Task RemoteHangUpWhenConnected_BusyTone()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.Far.OnCall = c => c.Accept(SipNode.Sdp(FakeCallMedia.AnswerSdp));
        await _h.DialAsync("5551234#");
        await _h.NextAsync("call.answered");

        await Assert.Single(_h.Far.IncomingCalls).HangUpAsync();
        var ended = await _h.NextAsync("call.ended");

        Assert.Equal("remote-hangup", ended.Data!["cause"]!.GetValue<string>());
        await _h.SettleAsync();
        Assert.Equal(ToneKind.Busy, _h.Audio.Tone);
        Assert.Equal("Call ended", _h.Display.Lines[0]);
    }

    [Fact]
    public async Task FlashInConnectedCall_KeepsCallAndDisplay()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.Far.OnCall = c => c.Accept(SipNode.Sdp(FakeCallMedia.AnswerSdp));
        await _h.DialAsync("5551234#");
        await _h.NextAsync("call.answered");

        _h.Flash();
        await _h.NextAsync("flash");
        await _h.SettleAsync();

        Assert.Equal(["Connected", "5551234"], _h.Display.Lines);
        Assert.Equal(StationCallState.Connected, _h.Station.Snapshot().Call!.State);
        Assert.True(Assert.Single(_h.Collectors).Disposed);
    }

    [Fact]
    public async Task OnHookDuringRingback_Cancels()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.Far.OnCall = c => c.Ring();
        await _h.DialAsync("5551234#");
        await _h.NextAsync("call.ringing");

        _h.OnHook();
        var ended = await _h.NextAsync("call.ended");

        Assert.Equal("local-hangup", ended.Data!["cause"]!.GetValue<string>());
        var farEnd = await Assert.Single(_h.Far.IncomingCalls).Ended.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipCallEndReason.RemoteCancel, farEnd.Reason);
    }

    [Fact]
    public async Task UnusableAnswerSdp_ByeAndReorder()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.Far.OnCall = c => c.Accept(SipNode.Sdp("not sdp at all"));
        await _h.DialAsync("5551234#");

        var ended = await _h.NextAsync("call.ended");

        Assert.Equal("media-failed", ended.Data!["cause"]!.GetValue<string>());
        await _h.SettleAsync();
        Assert.Equal(ToneKind.Reorder, _h.Audio.Tone);
        var farEnd = await Assert.Single(_h.Far.IncomingCalls).Ended.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipCallEndReason.RemoteHangUp, farEnd.Reason);
    }

    [Fact]
    public async Task PlacerThrows_ReorderNotCrash()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.PlacerThrows = true;
        _h.OffHook();
        await _h.NextAsync("hook.off");
        _h.Keys("5551234#");

        var refused = await _h.NextAsync("call.refused");

        Assert.Equal("failed", refused.Data!["reason"]!.GetValue<string>());
        await _h.SettleAsync();
        Assert.Equal(ToneKind.Reorder, _h.Audio.Tone);
        Assert.True(_h.Audio.Medias[0].Disposed);
    }

    [Theory]
    [InlineData("00#")]
    [InlineData("#")]
    [InlineData("12A#")]
    public async Task BadKeySequence_NoMatch_Reorder_FlashStartsOver(string keys)
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.OffHook();
        await _h.NextAsync("hook.off");
        _h.Keys(keys);

        await _h.NextAsync("dial.invalid");
        await _h.SettleAsync();
        Assert.Equal(ToneKind.Reorder, _h.Audio.Tone);
        Assert.Equal("Invalid number", _h.Display.Lines[0]);
        Assert.Empty(_h.Placed);

        // Keys after the failure are ignored, a flash gives dial tone and a new attempt.
        _h.Keys("5#");
        await _h.SettleAsync();
        Assert.Empty(_h.Placed);
        _h.Flash();
        await _h.NextAsync("flash");
        await _h.SettleAsync();
        Assert.Equal(ToneKind.Dial, _h.Audio.Tone);
        _h.Keys("5551234#");
        await _h.NextAsync("call.outgoing");
    }

    [Fact]
    public async Task DigitCompletedOnTimerThread_AfterOnHook_IsIgnored()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.OffHook();
        await _h.NextAsync("hook.off");
        _h.Keys("555");
        await _h.SettleAsync();
        var collector = _h.Collector;
        _h.OnHook();
        await _h.NextAsync("hook.on");

        collector.TimeOut();
        await _h.SettleAsync();

        Assert.True(collector.Disposed);
        Assert.Empty(_h.Placed);
    }

    [Fact]
    public async Task DigitCompletedOnTimerThread_PlacesCall()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.OffHook();
        await _h.NextAsync("hook.off");
        _h.Pulse('4');
        _h.Pulse('2');
        await _h.SettleAsync();

        _h.Collector.TimeOut();

        var outgoing = await _h.NextAsync("call.outgoing");
        Assert.Equal("42", outgoing.Data!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task InBandDtmf_DialsOnFxs()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.OffHook();
        await _h.NextAsync("hook.off");
        await _h.SettleAsync();

        foreach (var digit in "77#")
        {
            _h.Audio.DetectDigit(digit);
        }

        var outgoing = await _h.NextAsync("call.outgoing");
        Assert.Equal("77", outgoing.Data!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task CardInsertedWhileOffHook_DialsAsTheUser()
    {
        _h.OffHook();
        await _h.NextAsync("hook.off");
        await _h.SettleAsync();
        Assert.Null(_h.Collector.Account);

        var bob = _h.Insert(StationCallHarness.Account("Bob", "+15557770002", new AccountProfile { SpeedDials = [new SpeedDial("Home", "5550123")] }));
        await _h.SettleAsync();
        Assert.Same(bob, _h.Collector.Account);
        Assert.Equal(ToneKind.Dial, _h.Audio.Tone);

        _h.Keys("*1#");
        var outgoing = await _h.NextAsync("call.outgoing");

        Assert.Equal("5550123", outgoing.Data!["to"]!.GetValue<string>());
        Assert.Equal("Bob", outgoing.Data!["forUser"]!.GetValue<string>());
        Assert.Same(bob, _h.Placed[0].Account);
    }

    [Fact]
    public async Task CardCodecs_ComeFirst()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001", new AccountProfile { PreferredCodecs = ["G722", "pcma"] }));

        await _h.DialAsync("5551234#");

        Assert.Equal(["G722", "pcma", "PCMU"], _h.Audio.Medias[0].Codecs);
    }

    public ValueTask DisposeAsync() => _h.DisposeAsync();
}
