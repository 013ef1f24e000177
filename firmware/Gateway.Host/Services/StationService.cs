using Gateway.Host.Board;

namespace Gateway.Host.Services;

/// <summary>Runs every station's event loop for the life of the host.</summary>
public sealed partial class StationService : BackgroundService
{
    private readonly GatewayRuntime _runtime;
    private readonly ILogger<StationService> _logger;

    /// <summary>Initializes a new instance of the <see cref="StationService"/> class.</summary>
    /// <param name="runtime">The running gateway.</param>
    /// <param name="logger">Logger.</param>
    public StationService(GatewayRuntime runtime, ILogger<StationService> logger)
    {
        _runtime = runtime;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stations = _runtime.Board.Stations;
        foreach (var station in stations)
        {
            station.Start();
        }

        LogStarted(stations.Count, _runtime.Board.Config.Board);
        await Task.WhenAll(stations.Select(s => s.RunAsync(stoppingToken)));
        LogStopped();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} station(s) running on board {Board}")]
    private partial void LogStarted(int count, string board);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stations stopped")]
    private partial void LogStopped();
}
