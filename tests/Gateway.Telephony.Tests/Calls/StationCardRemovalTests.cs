using Gateway.Dsp.Tones;
using Gateway.Sip.UserAgent;
using Gateway.SmartCard;
using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Tests.Calls;

public sealed class StationCardRemovalTests
{
    [Fact]
    public async Task RemovedWhileRinging_StopsRinging_Caller480()
    {
        await using var h = new StationCallHarness();
        var alice = h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        var caller = h.CallFromFar(alice);
        await h.NextAsync("call.ringing");

        alice.Wipe();
        var ended = await h.NextAsync("call.ended");

        Assert.Equal("card-removed", ended.Data!["cause"]!.GetValue<string>());
        Assert.Equal(480, (await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        await h.SettleAsync();
        Assert.False(h.Ringer.IsRinging);
        Assert.Equal(["Insert card", "Emergency 911"], h.Display.Lines);
    }

    [Fact]
    public async Task RemovedWhileRinging_AwayVoicemail_302()
    {
        await using var h = new StationCallHarness();
        var profile = new AccountProfile { AwayVoicemailUri = "sip:vm@127.0.0.1" };
        var alice = h.Insert(StationCallHarness.Account("Alice", "+15557770001", profile));
        var caller = h.CallFromFar(alice);
        await h.NextAsync("call.ringing");

        Assert.True(h.Station.SetAccount("Reader A", null));

        Assert.Equal(302, (await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        Assert.Equal("<sip:vm@127.0.0.1>", caller.LastResponse!.GetValues("Contact")[0].ToString());
        await h.NextAsync("ring.stop");
    }

    [Fact]
    public async Task RemovedWhileRinging_AwayForwardNumber_302InUsersDomain()
    {
        await using var h = new StationCallHarness();
        var alice = h.Insert(StationCallHarness.Account("Alice", "+15557770001", new AccountProfile { AwayForwardNumber = "+15550003333" }));
        var caller = h.CallFromFar(alice);
        await h.NextAsync("call.ringing");

        alice.Wipe();

        Assert.Equal(302, (await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        Assert.Equal("<sip:+15550003333@127.0.0.1>", caller.LastResponse!.GetValues("Contact")[0].ToString());
    }

    [Fact]
    public async Task CallAfterRemoval_DoesNotRing()
    {
        await using var h = new StationCallHarness();
        var alice = h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        alice.Wipe();
        await h.SettleAsync();

        var caller = h.CallFromFar(alice);

        Assert.Equal(480, (await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        var refused = await h.NextAsync("call.refused");
        Assert.Equal("no-card", refused.Data!["reason"]!.GetValue<string>());
        Assert.False(h.Ringer.IsRinging);
    }

    [Fact]
    public async Task KeepUntilHangup_CallContinues_NoNewCallForUser_EndsAtOnHook()
    {
        await using var h = new StationCallHarness(CardRemovalPolicy.KeepUntilHangup);
        var alice = h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        h.Far.OnCall = c => c.Accept(SipNode.Sdp(FakeCallMedia.AnswerSdp));
        await h.DialAsync("5551234#");
        await h.NextAsync("call.answered");

        alice.Wipe();
        await h.SettleAsync();
        Assert.Equal(StationCallState.Connected, h.Station.Snapshot().Call!.State);

        var second = h.CallFromFar(alice);
        Assert.Equal(480, (await second.Ended.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        Assert.Equal(StationCallState.Connected, h.Station.Snapshot().Call!.State);

        h.OnHook();
        var ended = await h.NextAsync("call.ended");
        Assert.Equal("local-hangup", ended.Data!["cause"]!.GetValue<string>());
        var farEnd = await h.Far.IncomingCalls[0].Ended.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipCallEndReason.RemoteHangUp, farEnd.Reason);
        await h.SettleAsync();
        Assert.Equal(["Insert card", "Emergency 911"], h.Display.Lines);
    }

    [Fact]
    public async Task EndCallPolicy_EndsAtOnce()
    {
        await using var h = new StationCallHarness(CardRemovalPolicy.EndCall);
        var alice = h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        h.Far.OnCall = c => c.Accept(SipNode.Sdp(FakeCallMedia.AnswerSdp));
        await h.DialAsync("5551234#");
        await h.NextAsync("call.answered");

        alice.Wipe();
        var ended = await h.NextAsync("call.ended");

        Assert.Equal("card-removed", ended.Data!["cause"]!.GetValue<string>());
        var farEnd = await h.Far.IncomingCalls[0].Ended.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipCallEndReason.RemoteHangUp, farEnd.Reason);
        await h.SettleAsync();
        Assert.Equal(ToneKind.Reorder, h.Audio.Tone);
        Assert.Equal("Card removed", h.Display.Lines[0]);
    }

    [Fact]
    public async Task OtherUsersCardRemoved_CallUnaffected()
    {
        await using var h = new StationCallHarness(CardRemovalPolicy.EndCall);
        var alice = h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        var bob = h.Insert(StationCallHarness.Account("Bob", "+15557770002", reader: "Reader B"));
        h.CallFromFar(alice);
        await h.NextAsync("call.ringing");

        bob.Wipe();
        await h.SettleAsync();

        Assert.True(h.Ringer.IsRinging);
        Assert.Equal(StationCallState.Alerting, h.Station.Snapshot().Call!.State);
    }

    [Fact]
    public async Task SetAccount_UnknownReader_False()
    {
        await using var h = new StationCallHarness();

        Assert.False(h.Station.SetAccount("Reader Z", StationCallHarness.Account("Alice", "+15557770001")));
    }
}
