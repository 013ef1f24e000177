using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// A relay that switches an external ring generator onto the bell, driven from one GPIO output following
/// the ring cadence. The relay is released at start-up, on Stop, on ring trip and on Dispose.
/// </summary>
public sealed class GpioRingerRelay : RingerBase
{
    private readonly GpioOutputLine _relay;

    /// <summary>Opens the relay pin (released).</summary>
    /// <param name="controller">The GPIO controller.</param>
    /// <param name="pin">The relay driver output pin.</param>
    /// <param name="activeLow">True for relay boards that energise on a low input (most opto-isolated modules).</param>
    /// <param name="timeProvider">Clock and timers for the cadence.</param>
    /// <param name="isOffHook">Hook state so the relay never rings off-hook (e.g. <c>() =&gt; hookSwitch.IsOffHook</c>).</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="shouldDispose">Dispose <paramref name="controller"/> with this device.</param>
    /// <exception cref="HardwareException">The pin does not exist or cannot be opened.</exception>
    public GpioRingerRelay(GpioController controller, int pin, bool activeLow, TimeProvider timeProvider, Func<bool>? isOffHook = null, ILogger? logger = null, bool shouldDispose = false)
        : base(timeProvider, isOffHook, logger)
    {
        try
        {
            _relay = new GpioOutputLine(controller, pin, activeLow, "Ringer relay", shouldDispose);
        }
        catch (HardwareException)
        {
            base.Dispose(true);
            throw;
        }
    }

    /// <inheritdoc/>
    protected override void SetBell(bool energized) => _relay.Set(energized);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _relay.Dispose();
        }
    }
}
