using Gateway.Hardware.Simulated;

namespace Gateway.Hardware.Tests;

/// <summary>
/// Timer callbacks that run after the next edge, as on a loaded machine: a level that outlasted the debounce
/// still counts. (Found as a flaky real-clock test in CI: a 300 ms flash was filtered as chatter.)
/// </summary>
public sealed class HookSwitchLateTimerTests : IDisposable
{
    private readonly LateTimerClock _clock = new();
    private readonly ChannelHardwareEventSink _sink = new(64);
    private readonly SimulatedHookSwitch _hook;

    public HookSwitchLateTimerTests()
    {
        _hook = new SimulatedHookSwitch(new HookSwitchSettings(), _sink, _clock);
        _hook.SetRawLevel(true);
        _clock.Advance(30);
        _clock.RunDueTimers();
        Assert.True(Assert.IsType<HookChanged>(Assert.Single(_sink.Drain())).OffHook);
    }

    public void Dispose() => _hook.Dispose();

    [Fact]
    public void OnRawLevelChanged_DebounceTimerLateForFlash_FlashStillReported()
    {
        _hook.SetRawLevel(false);
        _clock.Advance(300);
        _hook.SetRawLevel(true); // the on-hook debounce callback has not run yet
        _clock.Advance(30);
        _clock.RunDueTimers();

        var flash = Assert.IsType<HookFlash>(Assert.Single(_sink.Drain()));
        Assert.Equal(TimeSpan.FromMilliseconds(300), flash.Duration);
        Assert.True(_hook.IsOffHook);
    }

    [Fact]
    public void OnRawLevelChanged_DebounceTimerLateForHangUp_HangUpThenLiftReported()
    {
        _hook.SetRawLevel(false);
        _clock.Advance(2000); // longer than FlashMax: a hang-up, not a flash
        _hook.SetRawLevel(true);
        _clock.Advance(30);
        _clock.RunDueTimers();
        _clock.RunDueTimers();

        var events = _sink.Drain();
        Assert.Equal(2, events.Count);
        Assert.False(Assert.IsType<HookChanged>(events[0]).OffHook);
        Assert.True(Assert.IsType<HookChanged>(events[1]).OffHook);
        Assert.True(_hook.IsOffHook);
    }

    [Fact]
    public void OnRawLevelChanged_ChatterWithLateTimer_StillFiltered()
    {
        _hook.SetRawLevel(false);
        _clock.Advance(29);
        _hook.SetRawLevel(true);
        _clock.Advance(100);
        _clock.RunDueTimers();

        Assert.Empty(_sink.Drain());
        Assert.True(_hook.IsOffHook);
    }
}
