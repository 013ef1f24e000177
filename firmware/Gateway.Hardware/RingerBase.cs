using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Hardware;

/// <summary>
/// Plays a <see cref="RingCadence"/> on the <see cref="TimeProvider"/> by calling <see cref="SetBell"/>.
/// Never rings while off-hook: <see cref="Start"/> is refused and each on-segment re-checks the hook (ring trip).
/// </summary>
/// <remarks>
/// Segment boundaries are computed from the previous boundary, not from when the timer fired, so timer
/// latency does not accumulate over a long ring.
/// </remarks>
public abstract class RingerBase : IRinger
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Func<bool> _isOffHook;
    private readonly ITimer _timer;
    private RingCadence? _cadence;
    private int _segment;
    private DateTimeOffset _segmentEnd;
    private bool _bellOn;
    private bool _disposed;

    /// <summary>Creates the sequencer.</summary>
    /// <param name="timeProvider">Clock and timers.</param>
    /// <param name="isOffHook">Reads the hook state; null means the ringer cannot know (always allowed).</param>
    /// <param name="logger">Logs refused starts and ring trips.</param>
    protected RingerBase(TimeProvider timeProvider, Func<bool>? isOffHook, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _isOffHook = isOffHook ?? (() => false);
        Logger = logger ?? NullLogger.Instance;
        _timer = timeProvider.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc/>
    public bool IsRinging
    {
        get
        {
            lock (_gate)
            {
                return _cadence is not null;
            }
        }
    }

    /// <inheritdoc/>
    public RingCadence? Cadence
    {
        get
        {
            lock (_gate)
            {
                return _cadence;
            }
        }
    }

    /// <summary>Whether the bell is energised right now (an on-segment).</summary>
    public bool IsBellOn
    {
        get
        {
            lock (_gate)
            {
                return _bellOn;
            }
        }
    }

    /// <summary>The logger.</summary>
    protected ILogger Logger { get; }

    /// <summary>
    /// Raised when the bell is energised (<see langword="true"/>) or released, so a status page can follow the cadence.
    /// Raised under the ringer's lock: a handler must be quick and must not call back into the ringer.
    /// </summary>
    public event EventHandler<bool>? BellChanged;

    /// <summary>The clock in use.</summary>
    protected TimeProvider TimeProvider => _timeProvider;

    /// <inheritdoc/>
    public void Start(RingCadence cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_isOffHook())
            {
                Logger.LogWarning("Ring start with cadence {Cadence} refused: the handset is off-hook", cadence.Name);
                return;
            }

            StopCore();
            _cadence = cadence;
            _segment = 0;
            _segmentEnd = _timeProvider.GetUtcNow();
            EnterSegment(_segmentEnd + cadence.Pattern[0]);
        }
    }

    /// <inheritdoc/>
    public void Stop()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                StopCore();
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Energises (true) or releases (false) the bell. Called under the ringer's lock.</summary>
    /// <param name="energized">The bell state.</param>
    protected abstract void SetBell(bool energized);

    /// <summary>Stops ringing and the timer; subclasses release their pins afterwards.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            StopCore();
            _disposed = true;
        }

        _timer.Dispose();
    }

    private void EnterSegment(DateTimeOffset segmentEnd)
    {
        var on = _segment % 2 == 0;
        if (on && _isOffHook())
        {
            Logger.LogInformation("Ring trip: handset off-hook, ringing stopped");
            StopCore();
            return;
        }

        _segmentEnd = segmentEnd;
        Bell(on);
        var due = segmentEnd - _timeProvider.GetUtcNow();
        _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_disposed || _cadence is null)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            if (now < _segmentEnd)
            {
                _timer.Change(_segmentEnd - now, Timeout.InfiniteTimeSpan);
                return;
            }

            _segment = (_segment + 1) % _cadence.Pattern.Count;
            try
            {
                EnterSegment(_segmentEnd + _cadence.Pattern[_segment]);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failing bell driver must not kill the timer thread; stop ringing and say why.
                Logger.LogError(ex, "Ringer failed; ringing stopped");
                _cadence = null;
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void StopCore()
    {
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _cadence = null;
        Bell(false);
    }

    private void Bell(bool on)
    {
        if (_bellOn == on)
        {
            return;
        }

        SetBell(on);
        _bellOn = on;
        BellChanged?.Invoke(this, on);
    }
}
