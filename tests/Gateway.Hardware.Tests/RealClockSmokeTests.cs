using System.Device.Gpio;
using Gateway.Hardware.Gpio;
using Gateway.Hardware.Simulated;

namespace Gateway.Hardware.Tests;

/// <summary>The same devices on the system clock, as on the bench board: real timers, thread-pool callbacks.</summary>
public sealed class RealClockSmokeTests
{
    [Fact]
    public async Task GpioHookSwitch_SystemClock_LiftFlashAndHangUpReported()
    {
        var sink = new ChannelHardwareEventSink(64);
        var driver = new SimulatedGpioDriver();
        using var controller = new GpioController(driver);
        // A wide flash window keeps the test stable on a loaded machine, where a 300 ms delay can overrun.
        var settings = new HookSwitchSettings { FlashMax = TimeSpan.FromSeconds(3) };
        using var hook = new GpioHookSwitch(controller, 17, activeLow: true, settings, sink, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        driver.SetInputLevel(17, PinValue.Low);
        Assert.True(Assert.IsType<HookChanged>(await sink.Reader.ReadAsync(timeout.Token)).OffHook);

        driver.SetInputLevel(17, PinValue.High);
        await Task.Delay(300, timeout.Token);
        driver.SetInputLevel(17, PinValue.Low);
        var flash = Assert.IsType<HookFlash>(await sink.Reader.ReadAsync(timeout.Token));
        Assert.InRange(flash.Duration.TotalMilliseconds, 250, 3000);

        driver.SetInputLevel(17, PinValue.High);
        Assert.False(Assert.IsType<HookChanged>(await sink.Reader.ReadAsync(timeout.Token)).OffHook);
        Assert.False(hook.IsOffHook);
    }

    [Fact]
    public async Task Ag1171Slic_SystemClock_RingsThenTripsOnLift()
    {
        var sink = new ChannelHardwareEventSink(64);
        var driver = new SimulatedGpioDriver();
        using var controller = new GpioController(driver);
        using var slic = new Ag1171Slic(controller, new Ag1171Options { ForwardReversePin = 23, RingModePin = 24, SwitchHookPin = 25 }, new HookSwitchSettings(), sink, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        slic.Ringer.Start(RingCadences.UsStandard);
        await Task.Delay(300, timeout.Token);
        Assert.Equal(PinValue.High, driver.GetOutputLevel(24));
        Assert.True(driver.OutputHistory.Count(h => h.Pin == 23) >= 3);

        driver.SetInputLevel(25, PinValue.High);
        Assert.True(Assert.IsType<HookChanged>(await sink.Reader.ReadAsync(timeout.Token)).OffHook);
        Assert.False(slic.Ringer.IsRinging);
        Assert.Equal(PinValue.Low, driver.GetOutputLevel(24));
    }
}
