using System.Device.Gpio;
using Gateway.Hardware.Gpio;
using Gateway.Hardware.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hardware.Tests;

public sealed class Ag1171SlicTests : IDisposable
{
    private const int Fr = 5;
    private const int Rm = 6;
    private const int Shk = 13;
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ChannelHardwareEventSink _sink = new(256);
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _controller;
    private readonly DateTimeOffset _start;

    public Ag1171SlicTests()
    {
        _driver = new SimulatedGpioDriver(timeProvider: _time, historyCapacity: 10_000);
        _controller = new GpioController(_driver);
        _start = _time.GetUtcNow();
    }

    public void Dispose() => _controller.Dispose();

    private Ag1171Slic Create(int frequency = 20)
    {
        var slic = new Ag1171Slic(_controller, new Ag1171Options { ForwardReversePin = Fr, RingModePin = Rm, SwitchHookPin = Shk, RingFrequencyHz = frequency }, new HookSwitchSettings(), _sink, _time);

        // Opening F/R at its rest level (high) is recorded too; the tests look at ringing only.
        _driver.ClearHistory();
        return slic;
    }

    private List<double> Changes(int pin, double fromMs, double toMs) =>
        _driver.OutputHistory.Where(h => h.Pin == pin)
            .Select(h => (h.Timestamp - _start).TotalMilliseconds)
            .Where(t => t >= fromMs && t < toMs).ToList();

    [Fact]
    public void Ringer_UsStandard_RmAssertedAndFrToggledAt20HzDuringOnSegment()
    {
        using var slic = Create();
        Assert.Equal(PinValue.Low, _driver.GetOutputLevel(Rm));
        Assert.Equal(PinValue.High, _driver.GetOutputLevel(Fr));

        slic.Ringer.Start(RingCadences.UsStandard);
        _time.Step(1000);
        Assert.Equal(PinValue.High, _driver.GetOutputLevel(Rm));
        _time.Step(1500);

        // 2 s on-segment: a toggle every 25 ms is 20 full cycles per second.
        var toggles = Changes(Fr, 0, 2000);
        Assert.Equal(79, toggles.Count);
        Assert.All(toggles.Zip(toggles.Skip(1)), pair => Assert.Equal(25, pair.Second - pair.First));
        Assert.Equal(25, toggles[0]);

        // Off-segment: RM low, F/R at rest (high), nothing toggles.
        Assert.Equal(PinValue.Low, _driver.GetOutputLevel(Rm));
        Assert.Equal(PinValue.High, _driver.GetOutputLevel(Fr));
        _time.Step(3000);
        Assert.Empty(Changes(Fr, 2001, 6000));
        Assert.Equal([0.0, 2000.0], Changes(Rm, 0, 6000));
    }

    [Fact]
    public void Ringer_25Hz_ToggleEvery20Ms()
    {
        using var slic = Create(25);
        slic.Ringer.Start(RingCadences.UsStandard);
        _time.Step(1000);

        var toggles = Changes(Fr, 0, 1000);
        Assert.Equal(49, toggles.Count);
        Assert.All(toggles.Zip(toggles.Skip(1)), pair => Assert.Equal(20, pair.Second - pair.First));
    }

    [Fact]
    public void HookSwitch_OffHookWhileRinging_RingingStopsWithinOneDebounce()
    {
        using var slic = Create();
        slic.Ringer.Start(RingCadences.UsStandard);
        _time.Step(500);

        _driver.SetInputLevel(Shk, PinValue.High);
        _time.Step(29);
        Assert.True(slic.Ringer.IsRinging);
        _time.Step(1);

        Assert.False(slic.Ringer.IsRinging);
        Assert.Equal(PinValue.Low, _driver.GetOutputLevel(Rm));
        Assert.Equal(PinValue.High, _driver.GetOutputLevel(Fr));
        Assert.True(slic.HookSwitch.IsOffHook);
        Assert.True(Assert.IsType<HookChanged>(Assert.Single(_sink.Drain())).OffHook);
        Assert.Empty(Changes(Fr, 531, 10_000));
    }

    [Fact]
    public void Ringer_StartWhileOffHook_Refused()
    {
        using var slic = Create();
        _driver.SetInputLevel(Shk, PinValue.High);
        _time.Step(50);

        slic.Ringer.Start(RingCadences.UsStandard);
        _time.Step(1000);

        Assert.False(slic.Ringer.IsRinging);
        Assert.Empty(Changes(Rm, 0, 2000));
    }

    [Fact]
    public void HookSwitch_PulseDialOnShk_DigitDecoded()
    {
        using var slic = Create();
        _driver.SetInputLevel(Shk, PinValue.High);
        _time.Step(500);
        for (var i = 0; i < 2; i++)
        {
            _driver.SetInputLevel(Shk, PinValue.Low);
            _time.Step(60);
            _driver.SetInputLevel(Shk, PinValue.High);
            _time.Step(40);
        }

        _time.Step(500);
        var events = _sink.Drain();
        Assert.Equal(2, events.Count);
        Assert.Equal('2', Assert.IsType<PulseDigitDialed>(events[1]).Digit);
    }

    [Fact]
    public void Dispose_WhileRinging_PinsAtRestAndReleased()
    {
        var slic = Create();
        slic.Ringer.Start(RingCadences.UsStandard);
        _time.Step(100);
        slic.Dispose();

        Assert.Equal(PinValue.Low, _driver.GetOutputLevel(Rm));
        Assert.Equal(PinValue.High, _driver.GetOutputLevel(Fr));
        Assert.Empty(_driver.OpenPinNumbers);
    }

    [Fact]
    public void Ctor_SamePinTwice_ArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new Ag1171Slic(_controller, new Ag1171Options { ForwardReversePin = 5, RingModePin = 5, SwitchHookPin = 6 }, new HookSwitchSettings(), _sink, _time));
    }
}
