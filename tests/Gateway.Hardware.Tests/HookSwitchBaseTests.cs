using Gateway.Hardware.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hardware.Tests;

public sealed class HookSwitchBaseTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ChannelHardwareEventSink _sink = new(256);
    private readonly SimulatedHookSwitch _hook;

    public HookSwitchBaseTests()
    {
        _hook = new SimulatedHookSwitch(new HookSwitchSettings(), _sink, _time);
    }

    public void Dispose() => _hook.Dispose();

    private void Hold(bool offHook, int milliseconds)
    {
        _hook.SetRawLevel(offHook);
        _time.Step(milliseconds);
    }

    private void LiftAndSettle()
    {
        Hold(true, 1000);
        Assert.Equal([new HookChanged(_time.GetUtcNow().AddMilliseconds(-970), true)], _sink.Drain());
    }

    private void DialPulses(int pulses, int breakMs = 60, int makeMs = 40)
    {
        for (var i = 0; i < pulses; i++)
        {
            Hold(false, breakMs);
            Hold(true, makeMs);
        }
    }

    [Fact]
    public void OnRawLevelChanged_StableOffHook_ReportedOnceAfterDebounce()
    {
        var start = _time.GetUtcNow();
        Hold(true, 29);
        Assert.Empty(_sink.Drain());
        Assert.False(_hook.IsOffHook);

        _time.Step(1);
        Assert.Equal([new HookChanged(start.AddMilliseconds(30), true)], _sink.Drain());

        _time.Step(2000);
        Assert.Empty(_sink.Drain());
        Assert.True(_hook.IsOffHook);
    }

    [Fact]
    public void OnRawLevelChanged_ChatterShorterThanDebounceWhileOffHook_Ignored()
    {
        LiftAndSettle();
        for (var i = 0; i < 20; i++)
        {
            Hold(false, 29);
            Hold(true, 10);
        }

        _time.Step(2000);
        Assert.Empty(_sink.Drain());
        Assert.True(_hook.IsOffHook);
    }

    [Fact]
    public void OnRawLevelChanged_ChatterWhileLifting_OneHookChanged()
    {
        Hold(true, 10);
        Hold(false, 5);
        Hold(true, 20);
        Hold(false, 3);
        Hold(true, 500);

        var events = _sink.Drain();
        Assert.Single(events);
        Assert.True(Assert.IsType<HookChanged>(events[0]).OffHook);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(300)]
    [InlineData(800)]
    public void OnRawLevelChanged_OnHookWithinFlashWindow_OneHookFlash(int onHookMs)
    {
        LiftAndSettle();
        Hold(false, onHookMs);
        Hold(true, 2000);

        var events = _sink.Drain();
        var flash = Assert.IsType<HookFlash>(Assert.Single(events));
        Assert.Equal(TimeSpan.FromMilliseconds(onHookMs), flash.Duration);
        Assert.True(_hook.IsOffHook);
    }

    [Fact]
    public void OnRawLevelChanged_OnHookJustBelowFlashMin_NoEvent()
    {
        LiftAndSettle();
        Hold(false, 79);
        Hold(true, 2000);

        Assert.Empty(_sink.Drain());
        Assert.True(_hook.IsOffHook);
    }

    [Fact]
    public void OnRawLevelChanged_OnHookJustAboveFlashMax_HangUpThenOffHook()
    {
        LiftAndSettle();
        Hold(false, 801);
        Hold(true, 100);

        var events = _sink.Drain();
        Assert.Equal(2, events.Count);
        Assert.False(Assert.IsType<HookChanged>(events[0]).OffHook);
        Assert.True(Assert.IsType<HookChanged>(events[1]).OffHook);
    }

    [Fact]
    public void OnRawLevelChanged_HangUp_ReportedOnceOnHookExceedsFlashMax()
    {
        LiftAndSettle();
        var hangUp = _time.GetUtcNow();
        Hold(false, 800);
        Assert.Empty(_sink.Drain());
        Assert.True(_hook.IsOffHook);

        _time.Step(1);
        var events = _sink.Drain();
        Assert.Equal([new HookChanged(hangUp.AddMilliseconds(801), false)], events);
        Assert.False(_hook.IsOffHook);

        _time.Step(5000);
        Assert.Empty(_sink.Drain());
    }

    [Theory]
    [InlineData(1, '1')]
    [InlineData(5, '5')]
    [InlineData(10, '0')]
    public void OnRawLevelChanged_PulseTrainAt10Pps_DecodesDigit(int pulses, char digit)
    {
        LiftAndSettle();
        DialPulses(pulses);
        Hold(true, 1000);

        var events = _sink.Drain();
        Assert.Equal(digit, Assert.IsType<PulseDigitDialed>(Assert.Single(events)).Digit);
        Assert.True(_hook.IsOffHook);
    }

    [Fact]
    public void OnRawLevelChanged_PulseTrain_DigitEmittedExactlyAfterInterDigitGap()
    {
        LiftAndSettle();
        for (var i = 0; i < 3; i++)
        {
            Hold(false, 60);
            _hook.SetRawLevel(true);
            if (i < 2)
            {
                _time.Step(40);
            }
        }

        var lastMake = _time.GetUtcNow();
        _time.Step(299);
        Assert.Empty(_sink.Drain());

        _time.Step(1);
        Assert.Equal([new PulseDigitDialed(lastMake.AddMilliseconds(300), '3')], _sink.Drain());
    }

    [Fact]
    public void OnRawLevelChanged_Sequence305_ThreeDigitsInOrder()
    {
        LiftAndSettle();
        foreach (var pulses in new[] { 3, 10, 5 })
        {
            DialPulses(pulses);
            Hold(true, 600);
        }

        var digits = _sink.Drain().Select(e => Assert.IsType<PulseDigitDialed>(e).Digit);
        Assert.Equal("305", string.Concat(digits));
    }

    [Theory]
    [InlineData(62, 38)]
    [InlineData(70, 55)]
    [InlineData(45, 30)]
    public void OnRawLevelChanged_PulsesWithinTolerance_Decoded(int breakMs, int makeMs)
    {
        LiftAndSettle();
        DialPulses(4, breakMs, makeMs);
        Hold(true, 1000);

        Assert.Equal('4', Assert.IsType<PulseDigitDialed>(Assert.Single(_sink.Drain())).Digit);
    }

    [Fact]
    public void OnRawLevelChanged_BreakShorterThanPulseMin_TrainDiscardedWithoutException()
    {
        LiftAndSettle();
        DialPulses(2);
        DialPulses(1, breakMs: 35);
        DialPulses(2);
        Hold(true, 1000);

        Assert.Empty(_sink.Drain());
        Assert.True(_hook.IsOffHook);
    }

    [Fact]
    public void OnRawLevelChanged_MoreThanTenPulses_TrainDiscarded()
    {
        LiftAndSettle();
        DialPulses(11);
        Hold(true, 1000);

        Assert.Empty(_sink.Drain());
    }

    [Fact]
    public void OnRawLevelChanged_MakeTooShortBetweenPulses_TrainDiscarded()
    {
        LiftAndSettle();
        DialPulses(2);
        Hold(false, 60);
        Hold(true, 30);
        Hold(false, 60);
        Hold(true, 1000);

        // A 30 ms make is on the limit and valid; prove the rule with a make that passes debounce but not PulseMakeMin.
        Assert.Equal('4', Assert.IsType<PulseDigitDialed>(Assert.Single(_sink.Drain())).Digit);

        using var strict = new SimulatedHookSwitch(new HookSwitchSettings { PulseMakeMin = TimeSpan.FromMilliseconds(35) }, _sink, _time);
        strict.SetRawLevel(true);
        _time.Step(1000);
        _sink.Drain();
        foreach (var make in new[] { 40, 32, 40 })
        {
            strict.SetRawLevel(false);
            _time.Step(60);
            strict.SetRawLevel(true);
            _time.Step(make);
        }

        _time.Step(1000);
        Assert.Empty(_sink.Drain());
    }

    [Fact]
    public void OnRawLevelChanged_DigitAfterDiscardedTrain_StillDecoded()
    {
        LiftAndSettle();
        DialPulses(12);
        Hold(true, 600);
        DialPulses(7);
        Hold(true, 600);

        Assert.Equal('7', Assert.IsType<PulseDigitDialed>(Assert.Single(_sink.Drain())).Digit);
    }

    [Fact]
    public void OnRawLevelChanged_NextTrainBeforeInterDigitGap_SecondTrainDiscarded()
    {
        LiftAndSettle();
        DialPulses(2);
        Hold(true, 150);
        DialPulses(3);
        Hold(true, 1000);

        Assert.Equal('2', Assert.IsType<PulseDigitDialed>(Assert.Single(_sink.Drain())).Digit);
    }

    [Fact]
    public void OnRawLevelChanged_PulseDialingDisabled_ShortBreaksIgnored()
    {
        using var hook = new SimulatedHookSwitch(new HookSwitchSettings { PulseDialing = false }, _sink, _time);
        hook.SetRawLevel(true);
        _time.Step(1000);
        _sink.Drain();
        for (var i = 0; i < 5; i++)
        {
            hook.SetRawLevel(false);
            _time.Step(60);
            hook.SetRawLevel(true);
            _time.Step(40);
        }

        _time.Step(1000);
        Assert.Empty(_sink.Drain());
        Assert.True(hook.IsOffHook);
    }

    [Fact]
    public void OnRawLevelChanged_HangUpDuringPulseTrain_OnlyHangUpReported()
    {
        LiftAndSettle();
        DialPulses(3);
        Hold(false, 1500);

        var events = _sink.Drain();
        Assert.False(Assert.IsType<HookChanged>(Assert.Single(events)).OffHook);
    }

    [Fact]
    public void Ctor_InvalidSettings_ThrowsArgumentExceptionNamingSetting()
    {
        var settings = new HookSwitchSettings { FlashMin = TimeSpan.FromMilliseconds(900) };
        var ex = Assert.Throws<ArgumentException>(() => new SimulatedHookSwitch(settings, _sink, _time));
        Assert.Equal(nameof(HookSwitchSettings.FlashMax), ex.ParamName);
        Assert.Contains("FlashMin", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 80, 800, 40, 75, 30, 60, 300, nameof(HookSwitchSettings.Debounce))]
    [InlineData(30, 80, 800, 20, 75, 30, 60, 300, nameof(HookSwitchSettings.PulseBreakMin))]
    [InlineData(30, 80, 800, 40, 90, 30, 60, 300, nameof(HookSwitchSettings.PulseBreakMax))]
    [InlineData(30, 80, 800, 40, 75, 30, 25, 300, nameof(HookSwitchSettings.PulseMakeMax))]
    [InlineData(30, 80, 800, 40, 75, 30, 60, 50, nameof(HookSwitchSettings.InterDigitGap))]
    public void Validate_InconsistentValues_ThrowsNamingSetting(int debounce, int flashMin, int flashMax, int breakMin, int breakMax, int makeMin, int makeMax, int gap, string expected)
    {
        var settings = new HookSwitchSettings
        {
            Debounce = TimeSpan.FromMilliseconds(debounce),
            FlashMin = TimeSpan.FromMilliseconds(flashMin),
            FlashMax = TimeSpan.FromMilliseconds(flashMax),
            PulseBreakMin = TimeSpan.FromMilliseconds(breakMin),
            PulseBreakMax = TimeSpan.FromMilliseconds(breakMax),
            PulseMakeMin = TimeSpan.FromMilliseconds(makeMin),
            PulseMakeMax = TimeSpan.FromMilliseconds(makeMax),
            InterDigitGap = TimeSpan.FromMilliseconds(gap),
        };

        Assert.Equal(expected, Assert.Throws<ArgumentException>(settings.Validate).ParamName);
    }

    [Fact]
    public void Validate_Defaults_Accepted()
    {
        var settings = new HookSwitchSettings();
        settings.Validate();
        Assert.Equal(TimeSpan.FromMilliseconds(30), settings.Debounce);
        Assert.Equal(TimeSpan.FromMilliseconds(800), settings.FlashMax);
    }
}
