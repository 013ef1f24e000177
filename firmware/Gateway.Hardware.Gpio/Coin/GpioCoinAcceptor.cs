using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>A pulse-output coin mechanism on one GPIO input; each active edge is one pulse.</summary>
public sealed class GpioCoinAcceptor : CoinAcceptorBase
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly bool _shouldDispose;
    private readonly PinReservation _pins;
    private bool _registered;

    /// <summary>Opens the pin and starts counting.</summary>
    /// <param name="controller">The GPIO controller.</param>
    /// <param name="pin">The coin pulse input pin.</param>
    /// <param name="activeLow">True for open-collector outputs that pull low during a pulse (internal pull-up used).</param>
    /// <param name="settings">Pulse grouping rules.</param>
    /// <param name="sink">Receives <see cref="CoinInserted"/>.</param>
    /// <param name="timeProvider">Clock and timers.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="shouldDispose">Dispose <paramref name="controller"/> with this device.</param>
    /// <exception cref="HardwareException">The pin does not exist or cannot be opened.</exception>
    public GpioCoinAcceptor(GpioController controller, int pin, bool activeLow, CoinAcceptorSettings settings, IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null, bool shouldDispose = false)
        : base(settings, sink, timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(controller);
        _controller = controller;
        _pin = pin;
        _shouldDispose = shouldDispose;
        _pins = new PinReservation(controller, "Coin acceptor");
        try
        {
            _pins.OpenInput(pin, activeLow ? PinMode.InputPullUp : PinMode.InputPullDown);
            controller.RegisterCallbackForPinValueChangedEvent(pin, activeLow ? PinEventTypes.Falling : PinEventTypes.Rising, OnPinChanged);
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

    private void OnPinChanged(object sender, PinValueChangedEventArgs e) => OnPulse();
}
