using System.Device.Gpio;
using Gateway.Hardware.Gpio;
using Gateway.Hardware.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hardware.Tests;

public sealed class GpioDeviceTests : IDisposable
{
    private const int HookPin = 17;
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ChannelHardwareEventSink _sink = new(256);
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _controller;

    public GpioDeviceTests()
    {
        _driver = new SimulatedGpioDriver(timeProvider: _time);
        _controller = new GpioController(_driver);
    }

    public void Dispose() => _controller.Dispose();

    [Fact]
    public void GpioHookSwitch_PinPulledLow_HookChangedAfterDebounce()
    {
        using var hook = new GpioHookSwitch(_controller, HookPin, activeLow: true, new HookSwitchSettings(), _sink, _time);
        Assert.False(hook.IsOffHook);
        Assert.Equal(PinMode.InputPullUp, _controller.GetPinMode(HookPin));

        _driver.SetInputLevel(HookPin, PinValue.Low);
        _time.Step(30);
        Assert.True(Assert.IsType<HookChanged>(Assert.Single(_sink.Drain())).OffHook);

        _driver.SetInputLevel(HookPin, PinValue.High);
        _time.Step(1000);
        Assert.False(Assert.IsType<HookChanged>(Assert.Single(_sink.Drain())).OffHook);
        Assert.False(hook.IsOffHook);
    }

    [Fact]
    public void GpioHookSwitch_PulseDialedOnPin_DigitDecoded()
    {
        _driver.SetInputLevel(HookPin, PinValue.Low);
        using var hook = new GpioHookSwitch(_controller, HookPin, activeLow: true, new HookSwitchSettings(), _sink, _time);
        Assert.True(hook.IsOffHook);

        for (var i = 0; i < 6; i++)
        {
            _driver.SetInputLevel(HookPin, PinValue.High);
            _time.Step(60);
            _driver.SetInputLevel(HookPin, PinValue.Low);
            _time.Step(40);
        }

        _time.Step(500);
        Assert.Equal('6', Assert.IsType<PulseDigitDialed>(Assert.Single(_sink.Drain())).Digit);
    }

    [Fact]
    public void GpioHookSwitch_Dispose_PinClosedAndEdgesIgnored()
    {
        var hook = new GpioHookSwitch(_controller, HookPin, activeLow: true, new HookSwitchSettings(), _sink, _time);
        hook.Dispose();

        Assert.False(_controller.IsPinOpen(HookPin));
        _driver.SetInputLevel(HookPin, PinValue.Low);
        _time.Step(100);
        Assert.Empty(_sink.Drain());
    }

    [Fact]
    public void GpioRingerRelay_UsStandard_PinFollowsCadence()
    {
        const int relay = 22;
        var start = _time.GetUtcNow();
        using var ringer = new GpioRingerRelay(_controller, relay, activeLow: true, _time);
        Assert.Equal(PinValue.High, _driver.GetOutputLevel(relay));
        _driver.ClearHistory();

        ringer.Start(RingCadences.UsStandard);
        Assert.Equal(PinValue.Low, _driver.GetOutputLevel(relay));
        _time.Step(6500);
        ringer.Stop();

        var history = _driver.OutputHistory.Where(h => h.Pin == relay)
            .Select(h => ((h.Timestamp - start).TotalMilliseconds, h.Value == PinValue.Low)).ToList();
        Assert.Equal([(0.0, true), (2000.0, false), (6000.0, true), (6500.0, false)], history);
        Assert.Equal(PinValue.High, _driver.GetOutputLevel(relay));
    }

    [Fact]
    public void GpioCoinAcceptor_FallingEdges_GroupedIntoCoin()
    {
        const int coinPin = 23;
        using var coin = new GpioCoinAcceptor(_controller, coinPin, activeLow: true, new CoinAcceptorSettings(), _sink, _time);
        for (var i = 0; i < 4; i++)
        {
            _driver.SetInputLevel(coinPin, PinValue.Low);
            _time.Step(30);
            _driver.SetInputLevel(coinPin, PinValue.High);
            _time.Step(70);
        }

        _time.Step(300);
        Assert.Equal(4, Assert.IsType<CoinInserted>(Assert.Single(_sink.Drain())).Pulses);
    }

    [Fact]
    public void GpioStatusLed_BlinkFast_PinToggles()
    {
        const int ledPin = 24;
        using var led = new GpioStatusLed(_controller, ledPin, activeLow: false, _time);
        led.Pattern = LedPattern.BlinkFast;
        _time.Step(1000);

        // On at 0 ms, then a change every 125 ms up to and including 1000 ms.
        Assert.Equal(9, _driver.OutputHistory.Count(h => h.Pin == ledPin));
        led.Pattern = LedPattern.Off;
        Assert.Equal(PinValue.Low, _driver.GetOutputLevel(ledPin));
    }

    [Fact]
    public void GpioHookSwitch_MissingPin_HardwareExceptionNamingChipAndPin()
    {
        var ex = Assert.Throws<HardwareException>(() =>
            new GpioHookSwitch(_controller, 60, activeLow: true, new HookSwitchSettings(), _sink, _time));

        Assert.Equal(60, ex.Pin);
        Assert.Equal("simchip0", ex.Chip);
        Assert.Contains("pin 60", ex.Message, StringComparison.Ordinal);
        Assert.Contains("simchip0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ag1171Slic_MissingShkPin_OpenedPinsReleased()
    {
        var options = new Ag1171Options { ForwardReversePin = 5, RingModePin = 6, SwitchHookPin = 99 };
        var ex = Assert.Throws<HardwareException>(() =>
            new Ag1171Slic(_controller, options, new HookSwitchSettings(), _sink, _time));

        Assert.Equal(99, ex.Pin);
        Assert.False(_controller.IsPinOpen(5));
        Assert.False(_controller.IsPinOpen(6));
        Assert.Empty(_driver.OpenPinNumbers);
    }

    [Fact]
    public void EdgeScanKeypad_MissingColumnPin_RowsReleased()
    {
        var ex = Assert.Throws<HardwareException>(() =>
            new EdgeScanKeypad(_controller, [5, 6, 13, 19], [26, 16, 77], KeyMatrixLayout.Telephone3x4, _sink, _time));

        Assert.Equal(77, ex.Pin);
        Assert.Empty(_driver.OpenPinNumbers);
    }

    [Fact]
    public void GpioKeypad_MissingRowPin_NothingLeftOpen()
    {
        var ex = Assert.Throws<HardwareException>(() =>
            new GpioKeypad(_controller, [5, 6, 13, 88], [26, 16, 20], KeyMatrixLayout.Telephone3x4, _sink, _time));

        Assert.Equal(88, ex.Pin);
        Assert.Empty(_driver.OpenPinNumbers);
    }

    [Fact]
    public void GpioControllerFactory_MissingChip_HardwareExceptionNamingChip()
    {
        var ex = Assert.Throws<HardwareException>(() => GpioControllerFactory.Create("libgpiod", 97));

        Assert.Equal("gpiochip97", ex.Chip);
        Assert.Contains("/dev/gpiochip97", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GpioControllerFactory_SysfsMissing_HardwareException()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        var ex = Assert.Throws<HardwareException>(() => GpioControllerFactory.Create("sysfs", 0, missing, missing));
        Assert.Contains("sysfs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GpioControllerFactory_UnknownDriver_ArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => GpioControllerFactory.Create("pigpio", 0));
        Assert.Contains("libgpiod", ex.Message, StringComparison.Ordinal);
    }
}
