using Gateway.BoardConfig;
using Gateway.Hardware.Simulated;
using Gateway.Telephony.Stations;

namespace Gateway.Host.Board;

/// <summary>The assembled board: its stations, and on the bench the simulated hands that drive them.</summary>
public sealed class BoardRuntime : IDisposable
{
    private readonly IReadOnlyDictionary<string, BenchStationControl> _benchControls;
    private readonly IReadOnlyList<IDisposable> _shared;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="BoardRuntime"/> class.</summary>
    /// <param name="config">The board file.</param>
    /// <param name="isSimulated">Whether the board is simulated (bench routes answer).</param>
    /// <param name="stations">The stations, which own their devices.</param>
    /// <param name="benchControls">Bench controls by station id; empty on a real board.</param>
    /// <param name="shared">Shared resources (the GPIO controller), disposed after the stations.</param>
    public BoardRuntime(
        BoardConfiguration config,
        bool isSimulated,
        IReadOnlyList<Station> stations,
        IReadOnlyDictionary<string, BenchStationControl> benchControls,
        IReadOnlyList<IDisposable> shared)
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
        IsSimulated = isSimulated;
        Stations = stations ?? throw new ArgumentNullException(nameof(stations));
        _benchControls = benchControls ?? throw new ArgumentNullException(nameof(benchControls));
        _shared = shared ?? throw new ArgumentNullException(nameof(shared));
    }

    /// <summary>Gets the board file.</summary>
    public BoardConfiguration Config { get; }

    /// <summary>Gets a value indicating whether the board is simulated.</summary>
    public bool IsSimulated { get; }

    /// <summary>Gets the simulated GPIO driver under a bench board, or <see langword="null"/> on real hardware.</summary>
    public SimulatedGpioDriver? SimulatedDriver { get; init; }

    /// <summary>Gets the stations in board-file order.</summary>
    public IReadOnlyList<Station> Stations { get; }

    /// <summary>Finds a station by id.</summary>
    /// <param name="id">The station id.</param>
    /// <returns>The station, or <see langword="null"/>.</returns>
    public Station? FindStation(string id) => Stations.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>Finds a station's bench control; always <see langword="null"/> on a real board.</summary>
    /// <param name="id">The station id.</param>
    /// <returns>The control, or <see langword="null"/>.</returns>
    public BenchStationControl? FindBenchControl(string id) =>
        IsSimulated && _benchControls.TryGetValue(id, out var control) ? control : null;

    /// <summary>Releases every device and pin, stations first so no bell is left energized.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var station in Stations)
        {
            station.Dispose();
        }

        foreach (var resource in _shared.Reverse())
        {
            resource.Dispose();
        }
    }
}
