using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>A pulse-output coin mechanism on one GPIO input; each active edge is one pulse.</summary>
public sealed class GpioCoinAcceptor : CoinAcceptorBase
{
    private readonly GpioInputLine? _line;

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
        try
        {
            _line = new GpioInputLine(controller, pin, activeLow, "Coin acceptor", shouldDispose);
            _line.Listen(bothEdges: false, _ => OnPulse());
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
