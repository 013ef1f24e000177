using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// A matrix keypad that costs nothing while idle: rows are held low, columns are inputs with pull-ups and
/// edge callbacks. A falling column edge wakes it; it scans once to find the key and then re-scans on a timer
/// (every <see cref="HeldPollInterval"/>) only while a key is held, to see the release.
/// </summary>
/// <remarks>
/// While a key is held every scan toggles its column, which would trigger more edges; edges are therefore
/// ignored while scanning or while a key is held, and the poll timer takes over until all keys are up.
/// Wiring is the same as for <see cref="GpioKeypad"/> (no diodes needed); only the polarities differ.
/// </remarks>
public sealed class EdgeScanKeypad : KeypadBase
{
    /// <summary>Re-scan period while a key is held.</summary>
    public static readonly TimeSpan HeldPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private readonly GpioController _controller;
    private readonly int[] _rows;
    private readonly int[] _columns;
    private readonly IReadOnlyList<string> _layout;
    private readonly bool _shouldDispose;
    private readonly PinReservation _pins;
    private readonly ITimer _pollTimer;
    private readonly HashSet<char> _pressed = [];
    private bool _scanning;
    private bool _registered;
    private bool _disposed;

    /// <summary>Opens the matrix (rows low, columns pulled up) and waits for edges.</summary>
    /// <param name="controller">The GPIO controller.</param>
    /// <param name="rowPins">Row pins (outputs), top to bottom.</param>
    /// <param name="columnPins">Column pins (inputs with pull-up and edge detection), left to right.</param>
    /// <param name="layout">One string per row, one key per column.</param>
    /// <param name="sink">Receives <see cref="KeyPressed"/>.</param>
    /// <param name="timeProvider">Clock for debounce and the held-key poll.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="shouldDispose">Dispose <paramref name="controller"/> with this device.</param>
    /// <exception cref="HardwareException">A pin does not exist or cannot be opened; opened pins are released.</exception>
    public EdgeScanKeypad(GpioController controller, IReadOnlyList<int> rowPins, IReadOnlyList<int> columnPins, IReadOnlyList<string> layout, IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null, bool shouldDispose = false)
        : base(sink, timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(controller);
        KeyMatrixLayout.Validate(rowPins, columnPins, layout);
        _controller = controller;
        _rows = [.. rowPins];
        _columns = [.. columnPins];
        _layout = [.. layout];
        _shouldDispose = shouldDispose;
        _pins = new PinReservation(controller, "Keypad");
        _pollTimer = timeProvider.CreateTimer(_ => Scan(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var current = -1;
        try
        {
            foreach (var row in _rows)
            {
                _pins.OpenOutput(row, PinValue.Low);
            }

            foreach (var column in _columns)
            {
                _pins.OpenInput(column, PinMode.InputPullUp);
            }

            foreach (var column in _columns)
            {
                current = column;
                controller.RegisterCallbackForPinValueChangedEvent(column, PinEventTypes.Falling, OnColumnEdge);
            }

            _registered = true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var failure = ex as HardwareException ?? _pins.Fail(current, ex);
            UnregisterAll();
            _pins.ReleaseAll();
            _pollTimer.Dispose();
            base.Dispose(true);
            throw failure;
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                _disposed = true;
            }

            _pollTimer.Dispose();
            UnregisterAll();
            _pins.ReleaseAll();
            if (_shouldDispose)
            {
                _controller.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void UnregisterAll()
    {
        if (!_registered)
        {
            return;
        }

        _registered = false;
        foreach (var column in _columns)
        {
            try
            {
                _controller.UnregisterCallbackForPinValueChangedEvent(column, OnColumnEdge);
            }
            catch (InvalidOperationException)
            {
                // Not registered (construction failed part-way).
            }
        }
    }

    private void OnColumnEdge(object sender, PinValueChangedEventArgs e)
    {
        lock (_gate)
        {
            // Self-induced edges (our own scan) and edges while polling a held key carry no news.
            if (_scanning || _pressed.Count > 0)
            {
                return;
            }
        }

        Scan();
    }

    private void Scan()
    {
        lock (_gate)
        {
            if (_disposed || _scanning)
            {
                return;
            }

            _scanning = true;
            try
            {
                var now = ScanMatrix();
                foreach (var key in _pressed.Except(now).ToArray())
                {
                    _pressed.Remove(key);
                    OnKeyUp(key);
                }

                foreach (var key in now.Except(_pressed).ToArray())
                {
                    _pressed.Add(key);
                    OnKeyDown(key);
                }

                _pollTimer.Change(_pressed.Count > 0 ? HeldPollInterval : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
            {
                Logger.LogError(ex, "Keypad scan failed");
                _pollTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
            finally
            {
                _scanning = false;
            }
        }
    }

    // Selects one row at a time (low, the others high) and reads which columns it pulls down; ends with all
    // rows low again so any key press produces a falling column edge.
    private List<char> ScanMatrix()
    {
        var found = new List<char>();
        foreach (var row in _rows)
        {
            _controller.Write(row, PinValue.High);
        }

        for (var r = 0; r < _rows.Length; r++)
        {
            _controller.Write(_rows[r], PinValue.Low);
            for (var c = 0; c < _columns.Length; c++)
            {
                if (_controller.Read(_columns[c]) == PinValue.Low)
                {
                    found.Add(_layout[r][c]);
                }
            }

            _controller.Write(_rows[r], PinValue.High);
        }

        foreach (var row in _rows)
        {
            _controller.Write(row, PinValue.Low);
        }

        return found;
    }
}
