using System.Device.Gpio;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// One GPIO output driving a relay or a LED: opened inactive, switched between its active and inactive
/// levels, and released on dispose.
/// </summary>
internal sealed class GpioOutputLine : IDisposable
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly PinValue _active;
    private readonly PinValue _inactive;
    private readonly bool _shouldDispose;
    private readonly PinReservation _pins;

    /// <summary>Opens the pin inactive; on failure a <see cref="HardwareException"/> names it.</summary>
    public GpioOutputLine(GpioController controller, int pin, bool activeLow, string device, bool shouldDispose)
    {
        ArgumentNullException.ThrowIfNull(controller);
        _controller = controller;
        _pin = pin;
        _active = activeLow ? PinValue.Low : PinValue.High;
        _inactive = activeLow ? PinValue.High : PinValue.Low;
        _shouldDispose = shouldDispose;
        _pins = new PinReservation(controller, device);
        _pins.OpenOutput(pin, _inactive);
    }

    /// <summary>Drives the output to its active or inactive level.</summary>
    public void Set(bool active) => _controller.Write(_pin, active ? _active : _inactive);

    /// <inheritdoc/>
    public void Dispose()
    {
        _pins.ReleaseAll();
        if (_shouldDispose)
        {
            _controller.Dispose();
        }
    }
}
