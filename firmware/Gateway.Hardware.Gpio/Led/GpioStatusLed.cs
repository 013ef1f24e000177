using System.Device.Gpio;

namespace Gateway.Hardware.Gpio;

/// <summary>The status LED on one GPIO output.</summary>
public sealed class GpioStatusLed : StatusLedBase
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly PinValue _litLevel;
    private readonly PinValue _darkLevel;
    private readonly bool _shouldDispose;
    private readonly PinReservation _pins;

    /// <summary>Opens the LED pin (dark).</summary>
    /// <param name="controller">The GPIO controller.</param>
    /// <param name="pin">The LED output pin.</param>
    /// <param name="activeLow">True when the LED is wired from 3V3 to the pin (lit on low).</param>
    /// <param name="timeProvider">Timers for blinking.</param>
    /// <param name="shouldDispose">Dispose <paramref name="controller"/> with this device.</param>
    /// <exception cref="HardwareException">The pin does not exist or cannot be opened.</exception>
    public GpioStatusLed(GpioController controller, int pin, bool activeLow, TimeProvider timeProvider, bool shouldDispose = false)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(controller);
        _controller = controller;
        _pin = pin;
        _litLevel = activeLow ? PinValue.Low : PinValue.High;
        _darkLevel = activeLow ? PinValue.High : PinValue.Low;
        _shouldDispose = shouldDispose;
        _pins = new PinReservation(controller, "Status LED");
        try
        {
            _pins.OpenOutput(pin, _darkLevel);
        }
        catch (HardwareException)
        {
            base.Dispose(true);
            throw;
        }
    }

    /// <inheritdoc/>
    protected override void SetLed(bool lit) => _controller.Write(_pin, lit ? _litLevel : _darkLevel);

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
