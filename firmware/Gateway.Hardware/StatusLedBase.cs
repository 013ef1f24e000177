namespace Gateway.Hardware;

/// <summary>Blinks a LED on the <see cref="TimeProvider"/> by calling <see cref="SetLed"/>.</summary>
public abstract class StatusLedBase : IStatusLed
{
    /// <summary>Half period of <see cref="LedPattern.BlinkSlow"/>.</summary>
    public static readonly TimeSpan SlowHalfPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>Half period of <see cref="LedPattern.BlinkFast"/>.</summary>
    public static readonly TimeSpan FastHalfPeriod = TimeSpan.FromMilliseconds(125);

    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private LedPattern _pattern;
    private bool _lit;
    private bool _disposed;

    /// <summary>Creates the blinker; the LED starts <see cref="LedPattern.Off"/>.</summary>
    /// <param name="timeProvider">Timers for blinking.</param>
    protected StatusLedBase(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timer = timeProvider.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc/>
    public LedPattern Pattern
    {
        get
        {
            lock (_gate)
            {
                return _pattern;
            }
        }

        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown LED pattern.");
            }

            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _pattern = value;
                var half = value switch
                {
                    LedPattern.BlinkSlow => SlowHalfPeriod,
                    LedPattern.BlinkFast => FastHalfPeriod,
                    _ => Timeout.InfiniteTimeSpan,
                };
                Light(value != LedPattern.Off);
                _timer.Change(half, half);
            }
        }
    }

    /// <summary>Whether the LED is lit right now.</summary>
    public bool IsLit
    {
        get
        {
            lock (_gate)
            {
                return _lit;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Drives the LED. Called under the blinker's lock.</summary>
    /// <param name="lit">Lit when true.</param>
    protected abstract void SetLed(bool lit);

    /// <summary>Stops blinking and turns the LED off; subclasses release their pin afterwards.</summary>
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

            _disposed = true;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Light(false);
        }

        _timer.Dispose();
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (!_disposed && _pattern is LedPattern.BlinkSlow or LedPattern.BlinkFast)
            {
                Light(!_lit);
            }
        }
    }

    private void Light(bool on)
    {
        if (_lit != on)
        {
            SetLed(on);
            _lit = on;
        }
    }
}
