using System.Text;
using Gateway.Hardware;
using Gateway.SmartCard;
using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Tests.Calls;

public sealed class StationInboundCallTests : IAsyncDisposable
{
    private readonly StationCallHarness _h = new();

    [Fact]
    public async Task Incoming_RingsWithCardCadence_ShowsCallerAndUser_OffHookAnswers()
    {
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001", new AccountProfile { RingCadence = "distinctive-2" }));
        await _h.SettleAsync();

        var caller = _h.CallFromFar(alice);
        var incoming = await _h.NextAsync("call.incoming");

        Assert.Equal(StationCallHarness.FarUser, incoming.Data!["from"]!.GetValue<string>());
        Assert.Equal("Alice", incoming.Data!["forUser"]!.GetValue<string>());
        Assert.Equal("+15557770001", incoming.Data!["forNumber"]!.GetValue<string>());
        var ring = await _h.NextAsync("ring.start");
        Assert.Equal("distinctive-2", ring.Data!["cadence"]!.GetValue<string>());
        await _h.NextAsync("call.ringing");
        await caller.Ringing.WaitAsync(TimeSpan.FromSeconds(5));
        await _h.SettleAsync();
        // A 16-column display cuts the line; the event carries what was shown.
        Assert.Equal([StationCallHarness.FarUser, "Alice +155577700"], _h.Display.Lines);
        Assert.Equal((StationCallHarness.FarUser, (string?)null), Assert.Single(_h.Audio.CallerIds));
        Assert.Equal(StationCallState.Alerting, _h.Station.Snapshot().Call!.State);

        _h.OffHook();
        await _h.NextAsync("ring.stop");
        var answered = await _h.NextAsync("call.answered");

        Assert.Equal("inbound", answered.Data!["direction"]!.GetValue<string>());
        await caller.Connected.WaitAsync(TimeSpan.FromSeconds(5));
        var media = Assert.Single(_h.Audio.Medias);
        Assert.True(media.Started);
        Assert.Equal(FakeCallMedia.OfferSdp, media.AnsweredOffer);
        Assert.Equal(FakeCallMedia.AnswerSdp, Encoding.UTF8.GetString(caller.LastResponse!.Body.Span));
        Assert.False(_h.Ringer.IsRinging);
        Assert.Equal(CallDirection.Inbound, _h.Station.Snapshot().Call!.Direction);

        await caller.HangUpAsync();
        var ended = await _h.NextAsync("call.ended");
        Assert.Equal("remote-hangup", ended.Data!["cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task Incoming_NoCardCadence_BoardDefault()
    {
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001", new AccountProfile { RingCadence = "no-such-ring" }));

        _h.CallFromFar(alice);
        var ring = await _h.NextAsync("ring.start");

        Assert.Equal(RingCadences.UsStandard.Name, ring.Data!["cadence"]!.GetValue<string>());
    }

    [Fact]
    public async Task SecondInviteWhileBusy_486()
    {
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.CallFromFar(alice);
        await _h.NextAsync("call.incoming");

        var second = _h.CallFromFar(alice);
        var end = await second.Ended.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(486, end.StatusCode);
        var refused = await _h.NextAsync("call.refused");
        Assert.Equal("busy", refused.Data!["reason"]!.GetValue<string>());
        Assert.True(_h.Ringer.IsRinging);
    }

    [Fact]
    public async Task InviteWhileDialling_486()
    {
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _h.OffHook();
        await _h.NextAsync("hook.off");

        var caller = _h.CallFromFar(alice);

        Assert.Equal(486, (await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Fact]
    public async Task Glare_OffHookAndInviteAtOnce_DoesNotCrash()
    {
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        await _h.SettleAsync();

        // The switch is already up when the INVITE is handled, before the hook event reaches the loop.
        _h.Hook.IsOffHook = true;
        var caller = _h.CallFromFar(alice);
        _h.OffHook();

        var end = await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(486, end.StatusCode);
        await _h.NextAsync("hook.off");
        await _h.SettleAsync();
        Assert.False(_h.Ringer.IsRinging);
        Assert.Equal(Gateway.Dsp.Tones.ToneKind.Dial, _h.Audio.Tone);

        // The station still works: dial out.
        _h.Keys("5551234#");
        await _h.NextAsync("call.outgoing");
    }

    [Fact]
    public async Task Cancel_WhileRinging_StopsRinging()
    {
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        var caller = _h.CallFromFar(alice);
        await _h.NextAsync("call.ringing");
        await caller.Ringing.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(caller.Cancel());
        var ended = await _h.NextAsync("call.ended");

        Assert.Equal("remote-cancel", ended.Data!["cause"]!.GetValue<string>());
        await _h.SettleAsync();
        Assert.False(_h.Ringer.IsRinging);
        Assert.True(_h.Audio.Medias[0].Disposed);
        Assert.Null(_h.Station.Snapshot().Call);
        Assert.Equal(["Alice", "+15557770001"], _h.Display.Lines);
        Assert.Equal(487, (await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Fact]
    public async Task OfferWithUnusableSdp_488()
    {
        _h.Audio.Configure = m => m.FailNegotiation = true;
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));

        var caller = _h.CallFromFar(alice);

        Assert.Equal(488, (await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        await _h.SettleAsync();
        Assert.False(_h.Ringer.IsRinging);
        Assert.True(_h.Audio.Medias[0].Disposed);
    }

    [Theory]
    [InlineData(FilterAction.Reject, 603, null)]
    [InlineData(FilterAction.RejectBusy, 486, null)]
    [InlineData(FilterAction.Forward, 302, "sip:+15550009999@127.0.0.1")]
    [InlineData(FilterAction.Voicemail, 302, "sip:vm-alice@127.0.0.1")]
    public async Task Filter_RejectForwardVoicemail(FilterAction action, int status, string? contact)
    {
        var profile = new AccountProfile
        {
            CallFilters = [new CallFilterRule { CallerPattern = "+1555*", Action = action, ForwardNumber = action == FilterAction.Forward ? "+15550009999" : null }],
            AwayVoicemailUri = "sip:vm-alice@127.0.0.1",
        };
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001", profile));

        var caller = _h.CallFromFar(alice);
        var end = await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(status, end.StatusCode);
        if (contact is not null)
        {
            Assert.Equal($"<{contact}>", caller.LastResponse!.GetValues("Contact")[0].ToString());
        }

        var filtered = await _h.NextAsync("call.filtered");
        Assert.Equal(action == FilterAction.RejectBusy ? "reject-busy" : action.ToString().ToLowerInvariant(), filtered.Data!["action"]!.GetValue<string>());
        Assert.False(_h.Ringer.IsRinging);
        Assert.Empty(_h.Audio.Medias);
    }

    [Fact]
    public async Task Filter_ForwardWithoutUsableNumber_480()
    {
        var profile = new AccountProfile { DefaultFilterAction = FilterAction.Forward, DefaultForwardNumber = "<sip:evil>" };
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001", profile));

        var caller = _h.CallFromFar(alice);

        Assert.Equal(480, (await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Fact]
    public async Task TwoUsersOnOneBox_CallShowsItsUserAndCadence()
    {
        _h.Insert(StationCallHarness.Account("Alice", "+15557770001", new AccountProfile { RingCadence = "distinctive-1" }));
        var bob = _h.Insert(StationCallHarness.Account("Bob", "+15557770002", new AccountProfile { RingCadence = "short-short" }, reader: "Reader B"));

        _h.CallFromFar(bob);
        var incoming = await _h.NextAsync("call.incoming");
        var ring = await _h.NextAsync("ring.start");

        Assert.Equal("Bob", incoming.Data!["forUser"]!.GetValue<string>());
        Assert.Equal("+15557770002", incoming.Data!["forNumber"]!.GetValue<string>());
        Assert.Equal("short-short", ring.Data!["cadence"]!.GetValue<string>());
        await _h.SettleAsync();
        Assert.Equal("Bob +15557770002", _h.Display.Lines[1]);
    }

    [Fact]
    public async Task NoTelephonyAttached_480()
    {
        await using var bare = new StationCallHarness(attach: false);
        var alice = bare.Insert(StationCallHarness.Account("Alice", "+15557770001"));

        var caller = bare.CallFromFar(alice);

        Assert.Equal(480, (await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Fact]
    public async Task ReInvite_AnsweredByMedia()
    {
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        var caller = _h.CallFromFar(alice);
        await _h.NextAsync("call.ringing");
        _h.OffHook();
        await caller.Connected.WaitAsync(TimeSpan.FromSeconds(5));

        var response = await caller.ReInviteAsync(SipNode.Sdp("v=0 hold")).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(["v=0 hold"], _h.Audio.Medias[0].ReInviteOffers);
        _h.Audio.Medias[0].FailNegotiation = true;
        var refused = await caller.ReInviteAsync(SipNode.Sdp("v=0 bad")).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(488, refused.StatusCode);
    }

    public ValueTask DisposeAsync() => _h.DisposeAsync();
}
