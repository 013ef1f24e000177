using System.Device.Gpio;

namespace Gateway.Hardware.Gpio;

/// <summary>The status LED on one GPIO output.</summary>
public sealed class GpioStatusLed : StatusLedBase
{
    private readonly GpioOutputLine _led;

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
        try
        {
            _led = new GpioOutputLine(controller, pin, activeLow, "Status LED", shouldDispose);
        }
        catch (HardwareException)
        {
            base.Dispose(true);
            throw;
        }
    }

    /// <inheritdoc/>
    protected override void SetLed(bool lit) => _led.Set(lit);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _led.Dispose();
        }
    }
}
