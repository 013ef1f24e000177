using System.Device.Gpio;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// One contact on a GPIO input, as the hook switch and the coin acceptor use it: opened with the pull that
/// suits its wiring, read as "active" or not, edges delivered as the new level, and released on dispose.
/// </summary>
internal sealed class GpioInputLine : IDisposable
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly bool _activeLow;
    private readonly bool _shouldDispose;
    private readonly PinReservation _pins;
    private Action<bool>? _onChange;

    /// <summary>Opens the pin; on failure every pin is released and a <see cref="HardwareException"/> names it.</summary>
    public GpioInputLine(GpioController controller, int pin, bool activeLow, string device, bool shouldDispose)
    {
        ArgumentNullException.ThrowIfNull(controller);
        _controller = controller;
        _pin = pin;
        _activeLow = activeLow;
        _shouldDispose = shouldDispose;
        _pins = new PinReservation(controller, device);

        // Active-low contacts close to ground, so they need the pull-up; active-high ones the pull-down.
        _pins.OpenInput(pin, activeLow ? PinMode.InputPullUp : PinMode.InputPullDown);
    }

    /// <summary>Gets a value indicating whether the contact is in its active state now.</summary>
    public bool IsActive => IsActiveLevel(_controller.Read(_pin));

    /// <summary>Starts delivering edges: both, or only the edge into the active state.</summary>
    public void Listen(bool bothEdges, Action<bool> onChange)
    {
        var activeEdge = _activeLow ? PinEventTypes.Falling : PinEventTypes.Rising;
        try
        {
            _controller.RegisterCallbackForPinValueChangedEvent(_pin, bothEdges ? PinEventTypes.Rising | PinEventTypes.Falling : activeEdge, OnPinChanged);
            _onChange = onChange;
        }
        catch (Exception ex) when (ex is not HardwareException and not OutOfMemoryException)
        {
            throw _pins.Fail(_pin, ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_onChange is not null)
        {
            _onChange = null;
            _controller.UnregisterCallbackForPinValueChangedEvent(_pin, OnPinChanged);
        }

        _pins.ReleaseAll();
        if (_shouldDispose)
        {
            _controller.Dispose();
        }
    }

    private bool IsActiveLevel(PinValue value) => (value == PinValue.Low) == _activeLow;

    private void OnPinChanged(object sender, PinValueChangedEventArgs e) =>
        _onChange?.Invoke(IsActiveLevel(e.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low));
}
