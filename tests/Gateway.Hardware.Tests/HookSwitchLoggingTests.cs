using Gateway.Hardware.Simulated;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hardware.Tests;

public sealed class HookSwitchLoggingTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ChannelHardwareEventSink _sink = new(64);
    private readonly ListLogger _logger = new();
    private readonly SimulatedHookSwitch _hook;

    public HookSwitchLoggingTests()
    {
        _hook = new SimulatedHookSwitch(new HookSwitchSettings(), _sink, _time, _logger);
        _hook.SetRawLevel(true);
        _time.Step(1000);
        _sink.Drain();
    }

    public void Dispose() => _hook.Dispose();

    private void Hold(bool offHook, int ms)
    {
        _hook.SetRawLevel(offHook);
        _time.Step(ms);
    }

    [Fact]
    public void OnRawLevelChanged_Chatter_DebugLogged()
    {
        Hold(false, 12);
        Hold(true, 500);

        var entry = Assert.Single(_logger.Entries, e => e.Message.Contains("chatter", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains("12 ms", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnRawLevelChanged_ElevenPulses_DiscardDebugLoggedWithReason()
    {
        for (var i = 0; i < 11; i++)
        {
            Hold(false, 60);
            Hold(true, 40);
        }

        _time.Step(500);
        Assert.Empty(_sink.Drain());
        var entry = Assert.Single(_logger.Entries, e => e.Message.Contains("discarded", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains("more than 10 pulses", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnRawLevelChanged_FlashRightAfterPulses_TrainDiscardedFlashReported()
    {
        for (var i = 0; i < 3; i++)
        {
            Hold(false, 60);
            Hold(true, 40);
        }

        Hold(false, 200);
        Hold(true, 1000);

        var flash = Assert.IsType<HookFlash>(Assert.Single(_sink.Drain()));
        Assert.Equal(TimeSpan.FromMilliseconds(200), flash.Duration);
        Assert.Contains(_logger.Entries, e => e.Message.Contains("hook flash", StringComparison.Ordinal));
    }
}
