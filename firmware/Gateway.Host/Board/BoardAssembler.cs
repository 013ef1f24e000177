using System.Device.Gpio;
using Gateway.BoardConfig;
using Gateway.Hardware;
using Gateway.Hardware.Gpio;
using Gateway.Hardware.Simulated;
using Gateway.Telephony.Events;
using Gateway.Telephony.Stations;

namespace Gateway.Host.Board;

/// <summary>
/// Turns a validated board file into stations with concrete devices. This is the one place that
/// picks GPIO or simulated implementations.
/// </summary>
public static partial class BoardAssembler
{

    /// <summary>Tells whether a board is the simulated bench (its GPIO driver is <c>simulated</c>, or it has no GPIO at all).</summary>
    /// <param name="board">The board.</param>
    /// <returns><see langword="true"/> for a simulated board.</returns>
    public static bool IsSimulated(BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return board.Gpio is null || board.Gpio.Driver == DeviceKinds.Simulated;
    }

    /// <summary>Builds every station of <paramref name="board"/>. On failure, releases whatever it had opened.</summary>
    /// <param name="board">A validated board file.</param>
    /// <param name="timeProvider">Clock for every device timer.</param>
    /// <param name="loggerFactory">Loggers.</param>
    /// <param name="events">Where stations publish.</param>
    /// <returns>The running board.</returns>
    /// <exception cref="HardwareException">A GPIO chip, pin or bus is missing.</exception>
    public static BoardRuntime Assemble(BoardConfiguration board, TimeProvider timeProvider, ILoggerFactory loggerFactory, IEventPublisher events)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger(typeof(BoardAssembler));
        var shared = new List<IDisposable>();
        var stations = new List<Station>();
        var benchControls = new Dictionary<string, BenchStationControl>(StringComparer.Ordinal);
        try
        {
            SimulatedGpioDriver? simulatedDriver = null;
            GpioController? controller = null;
            if (board.Gpio is { } gpio)
            {
                if (gpio.Driver == DeviceKinds.Simulated)
                {
                    simulatedDriver = new SimulatedGpioDriver(timeProvider: timeProvider);
                    controller = new GpioController(simulatedDriver);
                }
                else
                {
                    controller = GpioControllerFactory.Create(gpio.Driver, gpio.Chip);
                }

                shared.Add(controller);
                LogGpio(logger, gpio.Driver, gpio.Chip);
            }

            var context = new AssemblyContext(board, controller, simulatedDriver, timeProvider, loggerFactory, events);
            foreach (var stationConfig in board.Stations)
            {
                var (station, bench) = StationFactory.Build(context, stationConfig);
                stations.Add(station);
                if (bench is not null)
                {
                    benchControls.Add(station.Id, bench);
                }
            }

            return new BoardRuntime(board, IsSimulated(board), stations, benchControls, shared) { SimulatedDriver = simulatedDriver };
        }
        catch
        {
            // Release in reverse: a half-built board must not keep a single pin.
            foreach (var station in Enumerable.Reverse(stations))
            {
                station.Dispose();
            }

            foreach (var resource in Enumerable.Reverse(shared))
            {
                resource.Dispose();
            }

            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GPIO driver {Driver}, chip {Chip}")]
    private static partial void LogGpio(ILogger logger, string driver, int chip);
}
