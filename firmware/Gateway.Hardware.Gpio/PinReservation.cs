using System.Device.Gpio;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// Opens the pins of one device and remembers them, so a failure half-way releases everything already
/// opened and reports the missing pin as a <see cref="HardwareException"/> naming chip and pin.
/// </summary>
internal sealed class PinReservation
{
    private readonly GpioController _controller;
    private readonly string _device;
    private readonly List<int> _opened = [];

    public PinReservation(GpioController controller, string device)
    {
        ArgumentNullException.ThrowIfNull(controller);
        _controller = controller;
        _device = device;
    }

    public void OpenOutput(int pin, PinValue initialValue) =>
        Open(pin, () => _controller.OpenPin(pin, PinMode.Output, initialValue));

    /// <summary>Opens an input with the preferred pull, falling back to a plain input (external resistor) when the chip has no pulls.</summary>
    public void OpenInput(int pin, PinMode preferredMode) =>
        Open(pin, () =>
        {
            _controller.OpenPin(pin);
            var mode = _controller.IsPinModeSupported(pin, preferredMode) ? preferredMode : PinMode.Input;
            _controller.SetPinMode(pin, mode);
        });

    public HardwareException Fail(int pin, Exception cause)
    {
        ReleaseAll();
        var chip = GpioChipName.Of(_controller);
        return new HardwareException(
            $"{_device}: cannot use GPIO pin {pin} on {chip}: {cause.Message} Check the pin numbers in the board configuration.",
            chip,
            pin,
            cause);
    }

    public void ReleaseAll()
    {
        for (var i = _opened.Count - 1; i >= 0; i--)
        {
            try
            {
                if (_controller.IsPinOpen(_opened[i]))
                {
                    _controller.ClosePin(_opened[i]);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
            {
                // Releasing is best effort: the controller may already be gone during shutdown.
            }
        }

        _opened.Clear();
    }

    private void Open(int pin, Action open)
    {
        try
        {
            open();
            _opened.Add(pin);
        }
        catch (Exception ex) when (ex is not HardwareException and not OutOfMemoryException)
        {
            // The pin may be half-open (opened, mode refused): close it too.
            if (!_opened.Contains(pin))
            {
                _opened.Add(pin);
            }

            throw Fail(pin, ex);
        }
    }
}
