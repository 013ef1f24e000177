using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// A hook switch contact on one GPIO input. Both edges feed <see cref="HookSwitchBase"/>, which debounces and
/// decodes flashes and rotary pulses.
/// </summary>
public sealed class GpioHookSwitch : HookSwitchBase
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly bool _activeLow;
    private readonly bool _shouldDispose;
    private readonly PinReservation _pins;
    private bool _registered;

    /// <summary>Opens the pin and starts listening.</summary>
    /// <param name="controller">The GPIO controller.</param>
    /// <param name="pin">The input pin (logical numbering of the controller).</param>
    /// <param name="activeLow">True when off-hook pulls the pin low (contact to ground, internal pull-up used).</param>
    /// <param name="settings">Timing rules.</param>
    /// <param name="sink">Receives hook events.</param>
    /// <param name="timeProvider">Clock and timers.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="shouldDispose">Dispose <paramref name="controller"/> with this device.</param>
    /// <exception cref="HardwareException">The pin does not exist or cannot be opened.</exception>
    public GpioHookSwitch(GpioController controller, int pin, bool activeLow, HookSwitchSettings settings, IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null, bool shouldDispose = false)
        : base(settings, sink, timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(controller);
        _controller = controller;
        _pin = pin;
        _activeLow = activeLow;
        _shouldDispose = shouldDispose;
        _pins = new PinReservation(controller, "Hook switch");
        try
        {
            _pins.OpenInput(pin, activeLow ? PinMode.InputPullUp : PinMode.InputPullDown);
            InitializeLevel(IsOffHookLevel(controller.Read(pin)));
            controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnPinChanged);
            _registered = true;
        }
        catch (Exception ex) when (ex is not HardwareException and not OutOfMemoryException)
        {
            var failure = _pins.Fail(pin, ex);
            base.Dispose(true);
            throw failure;
        }
        catch (HardwareException)
        {
            base.Dispose(true);
            throw;
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_registered)
            {
                _registered = false;
                _controller.UnregisterCallbackForPinValueChangedEvent(_pin, OnPinChanged);
            }

            _pins.ReleaseAll();
            if (_shouldDispose)
            {
                _controller.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private bool IsOffHookLevel(PinValue value) => (value == PinValue.Low) == _activeLow;

    private void OnPinChanged(object sender, PinValueChangedEventArgs e) =>
        OnRawLevelChanged(IsOffHookLevel(e.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low));
}
