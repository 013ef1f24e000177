using Gateway.Dsp.Tones;

namespace Gateway.Telephony.Tests.Calls;

/// <summary>A handset left off-hook after a failed or finished call hears the off-hook warning after the configured time.</summary>
public sealed class StationOffHookWarningTests
{
    private static readonly TimeSpan s_after = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BusyLeftOffHook_WarningToneAfterTheTimeout_NotBefore()
    {
        await using var h = await BusyCallAsync(s_after);

        h.Time.Advance(s_after - TimeSpan.FromSeconds(1));
        await h.SettleAsync();
        Assert.Equal(ToneKind.Busy, h.Audio.Tone);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        var warning = await h.NextAsync("offhook.warning");

        Assert.Equal(30_000, warning.Data!["afterMs"]!.GetValue<long>());
        await h.SettleAsync();
        Assert.Equal(ToneKind.OffHookWarning, h.Audio.Tone);
        Assert.Equal("Please hang up", h.Display.Lines[0]);

        // Hanging up silences it and the station is ready again.
        h.OnHook();
        await h.NextAsync("hook.on");
        await h.SettleAsync();
        Assert.Null(h.Audio.Tone);
        Assert.Equal("Alice", h.Display.Lines[0]);
    }

    [Fact]
    public async Task OnHookBeforeTheTimeout_NoWarningLater()
    {
        await using var h = await BusyCallAsync(s_after);
        h.OnHook();
        await h.NextAsync("hook.on");

        h.Time.Advance(TimeSpan.FromMinutes(2));
        await h.SettleAsync();

        Assert.Null(h.Audio.Tone);
        await Assert.ThrowsAsync<TimeoutException>(() => h.NextAsync("offhook.warning", TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task FlashStartsOverWithDialTone_WarningDisarmed()
    {
        await using var h = await BusyCallAsync(s_after);
        h.Flash();
        await h.NextAsync("flash");
        await h.SettleAsync();
        Assert.Equal(ToneKind.Dial, h.Audio.Tone);

        h.Time.Advance(TimeSpan.FromMinutes(2));
        await h.SettleAsync();

        Assert.Equal(ToneKind.Dial, h.Audio.Tone);
        await Assert.ThrowsAsync<TimeoutException>(() => h.NextAsync("offhook.warning", TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task InvalidNumber_ReorderThenWarning()
    {
        await using var h = new StationCallHarness(offHookWarningAfter: s_after);
        h.OffHook();
        await h.NextAsync("hook.off");
        h.Keys("00#");
        await h.NextAsync("dial.invalid");
        await h.SettleAsync();
        Assert.Equal(ToneKind.Reorder, h.Audio.Tone);

        h.Time.Advance(s_after);

        await h.NextAsync("offhook.warning");
        await h.SettleAsync();
        Assert.Equal(ToneKind.OffHookWarning, h.Audio.Tone);
    }

    [Fact]
    public async Task WarningTurnedOff_BusyStaysBusy()
    {
        await using var h = await BusyCallAsync(TimeSpan.Zero);

        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.SettleAsync();

        Assert.Equal(ToneKind.Busy, h.Audio.Tone);
        await Assert.ThrowsAsync<TimeoutException>(() => h.NextAsync("offhook.warning", TimeSpan.FromMilliseconds(300)));
    }

    private static async Task<StationCallHarness> BusyCallAsync(TimeSpan after)
    {
        var h = new StationCallHarness(offHookWarningAfter: after);
        h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        h.Far.OnCall = c => c.Reject(486);
        await h.DialAsync("5551234#");
        await h.NextAsync("call.ended");
        await h.SettleAsync();
        Assert.Equal(ToneKind.Busy, h.Audio.Tone);
        return h;
    }
}
