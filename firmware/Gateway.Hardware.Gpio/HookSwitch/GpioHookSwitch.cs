using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// A hook switch contact on one GPIO input. Both edges feed <see cref="HookSwitchBase"/>, which debounces and
/// decodes flashes and rotary pulses.
/// </summary>
public sealed class GpioHookSwitch : HookSwitchBase
{
    private readonly GpioInputLine? _line;

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
        try
        {
            _line = new GpioInputLine(controller, pin, activeLow, "Hook switch", shouldDispose);
            InitializeLevel(_line.IsActive);
            _line.Listen(bothEdges: true, OnRawLevelChanged);
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
            _line?.Dispose();
        }

        base.Dispose(disposing);
    }
}
