using Gateway.Dsp.Tones;

namespace Gateway.Telephony.Tests.Calls;

/// <summary>
/// A handset already off hook when telephony attaches (lifted before the box booted, or before SIP was up) raised no
/// hook event the calls saw: it must get dial tone then, like a handset lifted later, and exactly once.
/// </summary>
public sealed class StationOffHookAtStartTests
{
    [Fact]
    public async Task OffHookBeforeAttach_DialToneOnAttach_AndTheNumberIsPlaced()
    {
        await using var h = new StationCallHarness(attach: false);
        h.Hook.IsOffHook = true;

        h.Station.AttachTelephony(h.Telephony);
        await h.SettleAsync();

        Assert.Equal(ToneKind.Dial, h.Audio.Tone);
        Assert.True(h.Audio.OffHook);
        Assert.Single(h.Collectors);
        Assert.Equal("Dial number", h.Display.Lines[0]);

        // Without a card only the board's free and emergency numbers go out.
        h.Keys("18005550100#");
        var placed = await h.NextAsync("call.outgoing");
        Assert.Equal("18005550100", placed.Data!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task LiftedWhileNotAttached_ThenAttached_DiallingStartsOnce()
    {
        await using var h = new StationCallHarness(attach: false);
        h.OffHook();
        await h.NextAsync("hook.off");
        await h.SettleAsync();
        Assert.Null(h.Audio.Tone);

        h.Station.AttachTelephony(h.Telephony);
        await h.SettleAsync();

        Assert.Equal(ToneKind.Dial, h.Audio.Tone);
        Assert.Single(h.Collectors);
    }

    [Fact]
    public async Task LiftReportedRightAfterAttach_OneLiveDigitCollector()
    {
        // The attach's work and the lift's event both start dialling; the second replaces the first, never beside it.
        await using var h = new StationCallHarness(attach: false);
        h.Hook.IsOffHook = true;
        h.Station.AttachTelephony(h.Telephony);
        h.OffHook();
        await h.NextAsync("hook.off");
        await h.SettleAsync();

        Assert.Equal(ToneKind.Dial, h.Audio.Tone);
        Assert.True(h.Collectors.Count(c => !c.Disposed) == 1, $"{h.Collectors.Count(c => !c.Disposed)} live digit collectors");
    }

    [Fact]
    public async Task OnHookAtAttach_Silent()
    {
        await using var h = new StationCallHarness(attach: false);

        h.Station.AttachTelephony(h.Telephony);
        await h.SettleAsync();

        Assert.Null(h.Audio.Tone);
        Assert.False(h.Audio.OffHook);
        Assert.Empty(h.Collectors);
    }
}
