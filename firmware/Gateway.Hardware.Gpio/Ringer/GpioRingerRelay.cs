using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// A relay that switches an external ring generator onto the bell, driven from one GPIO output following
/// the ring cadence. The relay is released at start-up, on Stop, on ring trip and on Dispose.
/// </summary>
public sealed class GpioRingerRelay : RingerBase
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly PinValue _active;
    private readonly PinValue _inactive;
    private readonly bool _shouldDispose;
    private readonly PinReservation _pins;

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
        ArgumentNullException.ThrowIfNull(controller);
        _controller = controller;
        _pin = pin;
        _active = activeLow ? PinValue.Low : PinValue.High;
        _inactive = activeLow ? PinValue.High : PinValue.Low;
        _shouldDispose = shouldDispose;
        _pins = new PinReservation(controller, "Ringer relay");
        try
        {
            _pins.OpenOutput(pin, _inactive);
        }
        catch (HardwareException)
        {
            base.Dispose(true);
            throw;
        }
    }

    /// <inheritdoc/>
    protected override void SetBell(bool energized) => _controller.Write(_pin, energized ? _active : _inactive);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _pins.ReleaseAll();
            if (_shouldDispose)
            {
                _controller.Dispose();
            }
        }
    }
}
