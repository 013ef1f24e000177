using System.Device.Gpio;
using Gateway.BoardConfig;
using Gateway.Hardware;
using Gateway.Hardware.Simulated;
using Gateway.Telephony.Events;

namespace Gateway.Host.Board;

/// <summary>What every station's devices are built from.</summary>
/// <param name="Board">The board file.</param>
/// <param name="Controller">The GPIO controller, or <see langword="null"/> on a board without GPIO.</param>
/// <param name="SimulatedDriver">The simulated driver under <paramref name="Controller"/> on the bench.</param>
/// <param name="TimeProvider">Clock.</param>
/// <param name="LoggerFactory">Loggers.</param>
/// <param name="Events">Where stations publish.</param>
public sealed record AssemblyContext(
    BoardConfiguration Board,
    GpioController? Controller,
    SimulatedGpioDriver? SimulatedDriver,
    TimeProvider TimeProvider,
    ILoggerFactory LoggerFactory,
    IEventPublisher Events)
{
    /// <summary>Gets the controller, or fails with a clear message when the board file has no GPIO section.</summary>
    /// <param name="device">The JSON path of the device that needs it.</param>
    /// <returns>The controller.</returns>
    public GpioController RequireController(string device) =>
        Controller ?? throw new HardwareException($"{device} uses GPIO but board '{Board.Board}' has no gpio section");
}
