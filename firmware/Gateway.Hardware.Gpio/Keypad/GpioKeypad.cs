using System.Device.Gpio;
using Iot.Device.KeyMatrix;
using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// A matrix keypad scanned by Iot.Device.Bindings' <see cref="KeyMatrix"/>: rows are driven high one at a
/// time every scan interval on a background thread and columns (inputs with pull-downs) are read.
/// </summary>
/// <remarks>
/// The scanning thread wakes every <c>scanInterval</c> even when nobody touches the phone; see the README for
/// its measured cost and <see cref="EdgeScanKeypad"/> for the edge-triggered alternative (same wiring).
/// KeyMatrix runs a foreground thread that cannot be joined and lets GPIO exceptions escape it (ending the
/// process), so this class must be disposed, and Dispose blocks for about two scan intervals.
/// </remarks>
public sealed class GpioKeypad : KeypadBase
{
    /// <summary>Default scan interval: 15 ms keeps a 40 ms press from being missed.</summary>
    public static readonly TimeSpan DefaultScanInterval = TimeSpan.FromMilliseconds(15);

    private readonly GpioController _controller;
    private readonly bool _shouldDispose;
    private readonly IReadOnlyList<string> _layout;
    private readonly KeyMatrix _matrix;
    private readonly TimeSpan _interval;

    /// <summary>Opens the matrix and starts scanning.</summary>
    /// <param name="controller">The GPIO controller.</param>
    /// <param name="rowPins">Row pins (outputs), top to bottom.</param>
    /// <param name="columnPins">Column pins (inputs with pull-down), left to right.</param>
    /// <param name="layout">One string per row, one key per column, e.g. <see cref="KeyMatrixLayout.Telephone3x4"/>.</param>
    /// <param name="sink">Receives <see cref="KeyPressed"/>.</param>
    /// <param name="timeProvider">Clock for key debounce.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="scanInterval">Sleep between row scans; default <see cref="DefaultScanInterval"/>.</param>
    /// <param name="shouldDispose">Dispose <paramref name="controller"/> with this device.</param>
    /// <exception cref="HardwareException">A pin does not exist or cannot be opened.</exception>
    public GpioKeypad(GpioController controller, IReadOnlyList<int> rowPins, IReadOnlyList<int> columnPins, IReadOnlyList<string> layout, IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null, TimeSpan? scanInterval = null, bool shouldDispose = false)
        : base(sink, timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(controller);
        KeyMatrixLayout.Validate(rowPins, columnPins, layout);
        var interval = scanInterval ?? DefaultScanInterval;
        if (interval < TimeSpan.FromMilliseconds(1) || interval > TimeSpan.FromMilliseconds(100))
        {
            throw new ArgumentException($"Keypad scan interval must be 1–100 ms (was {interval.TotalMilliseconds} ms).", nameof(scanInterval));
        }

        _controller = controller;
        _shouldDispose = shouldDispose;
        _layout = [.. layout];
        _interval = interval;

        // KeyMatrix opens the pins itself and would leave earlier ones open on failure, so check that every
        // pin can be opened first; this gives the clear chip/pin error and releases what was opened.
        var probe = new PinReservation(controller, "Keypad");
        foreach (var pin in rowPins.Concat(columnPins))
        {
            probe.OpenInput(pin, PinMode.Input);
        }

        probe.ReleaseAll();
        _matrix = new KeyMatrix(rowPins, columnPins, interval, PinMode.InputPullDown, controller, false);
        _matrix.KeyEvent += OnKeyEvent;
        _matrix.StartListeningKeyEvent();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _matrix.KeyEvent -= OnKeyEvent;
            _matrix.StopListeningKeyEvent();

            // KeyMatrix's scan thread cannot be joined and finishes its current sleep and scan after Stop;
            // closing the pins under it throws on that thread and kills the process. Give it time to exit.
            Thread.Sleep((2 * _interval) + TimeSpan.FromMilliseconds(50));
            _matrix.Dispose();
            if (_shouldDispose)
            {
                _controller.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void OnKeyEvent(object sender, KeyMatrixEvent keyMatrixEvent)
    {
        var key = _layout[keyMatrixEvent.Output][keyMatrixEvent.Input];
        if (keyMatrixEvent.EventType == PinEventTypes.Rising)
        {
            OnKeyDown(key);
        }
        else
        {
            OnKeyUp(key);
        }
    }
}
