using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Hardware;

/// <summary>
/// Groups coin pulses into coins: pulses are counted until the line has been quiet for
/// <see cref="CoinAcceptorSettings.PulseGroupGap"/>, then one <see cref="CoinInserted"/> is published.
/// </summary>
public abstract class CoinAcceptorBase : ICoinAcceptor
{
    private readonly Lock _gate = new();
    private readonly CoinAcceptorSettings _settings;
    private readonly IHardwareEventSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ITimer _gapTimer;
    private int _pulses;
    private DateTimeOffset _lastPulse;
    private bool _disposed;

    /// <summary>Creates the logic.</summary>
    /// <param name="settings">Timing rules; validated here.</param>
    /// <param name="sink">Receives <see cref="CoinInserted"/>.</param>
    /// <param name="timeProvider">Clock and timers.</param>
    /// <param name="logger">Debug logging of bounce and discarded groups.</param>
    protected CoinAcceptorBase(CoinAcceptorSettings settings, IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        settings.Validate();
        _settings = settings;
        _sink = sink;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _gapTimer = timeProvider.CreateTimer(_ => OnGapTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Reports the leading edge of one pulse.</summary>
    protected void OnPulse()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            if (_pulses > 0 && now - _lastPulse < _settings.MinPulseSpacing)
            {
                _logger.LogDebug("Coin pulse bounce ignored ({Milliseconds} ms after the previous pulse)", (now - _lastPulse).TotalMilliseconds);
                return;
            }

            // The gap timer can run late on a busy machine; a group whose gap has already passed is the previous
            // coin and is closed first, or two coins would merge into one group (or be discarded as noise).
            if (_pulses > 0 && now - _lastPulse >= _settings.PulseGroupGap)
            {
                CompleteGroup(now);
            }

            _pulses++;
            _lastPulse = now;
            _gapTimer.Change(_settings.PulseGroupGap, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the timer; subclasses release their pins and call the base.</summary>
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
        }

        _gapTimer.Dispose();
    }

    private void OnGapTimer()
    {
        lock (_gate)
        {
            if (_disposed || _pulses == 0)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            var quiet = now - _lastPulse;
            if (quiet < _settings.PulseGroupGap)
            {
                _gapTimer.Change(_settings.PulseGroupGap - quiet, Timeout.InfiniteTimeSpan);
                return;
            }

            CompleteGroup(now);
        }
    }

    private void CompleteGroup(DateTimeOffset now)
    {
        var pulses = _pulses;
        _pulses = 0;
        if (pulses > _settings.MaxPulsesPerCoin)
        {
            _logger.LogDebug("Coin pulse group of {Pulses} pulses discarded as noise", pulses);
            return;
        }

        _sink.Publish(new CoinInserted(now, pulses));
    }
}
