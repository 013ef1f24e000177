using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Hardware;

/// <summary>
/// Hook switch logic independent of how the contact is read: debounce, hook flash, hang-up and rotary pulse
/// decoding. Subclasses feed every raw edge to <see cref="OnRawLevelChanged"/>.
/// </summary>
/// <remarks>
/// <para>A raw level counts once it has been stable for <see cref="HookSwitchSettings.Debounce"/>; durations
/// are then measured between the raw edges that started each stable level, so debounce adds latency but no
/// error.</para>
/// <para>An on-hook interval is classified when it ends: up to PulseBreakMax it is a dial pulse, from
/// FlashMin to FlashMax (inclusive) a <see cref="HookFlash"/>. <see cref="HookChanged"/>(false) is published
/// as soon as the hook has been down longer than FlashMax, i.e. a hang-up is reported FlashMax after it
/// happened; a shorter report delay would turn every flash into a hang-up.</para>
/// <para>Event timestamps are the time of recognition on the <see cref="TimeProvider"/>.</para>
/// </remarks>
public abstract class HookSwitchBase : IHookSwitch
{
    private static readonly TimeSpan s_tick = TimeSpan.FromTicks(1);

    private readonly Lock _gate = new();
    private readonly HookSwitchSettings _settings;
    private readonly IHardwareEventSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ITimer _debounceTimer;
    private readonly ITimer _onHookTimer;
    private readonly ITimer _gapTimer;
    private readonly PulseTrain _train = new();

    private bool _rawOffHook;
    private DateTimeOffset _rawSince;
    private bool _stableOffHook;
    private volatile bool _reportedOffHook;
    private bool _breakInProgress;
    private DateTimeOffset _breakStart;
    private bool _nextTrainTooEarly;
    private bool _disposed;

    /// <summary>Creates the logic; the hook is assumed on-hook until <see cref="InitializeLevel"/> says otherwise.</summary>
    /// <param name="settings">Timing rules; validated here.</param>
    /// <param name="sink">Receives the events.</param>
    /// <param name="timeProvider">Clock and timers.</param>
    /// <param name="logger">Debug logging of filtered chatter and discarded pulse trains.</param>
    protected HookSwitchBase(HookSwitchSettings settings, IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        settings.Validate();
        _settings = settings;
        _sink = sink;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _rawSince = timeProvider.GetUtcNow();
        _debounceTimer = timeProvider.CreateTimer(_ => OnDebounceTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _onHookTimer = timeProvider.CreateTimer(_ => OnOnHookTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _gapTimer = timeProvider.CreateTimer(_ => OnGapTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc/>
    public bool IsOffHook => _reportedOffHook;

    /// <summary>The settings in use.</summary>
    public HookSwitchSettings Settings => _settings;

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Sets the starting level without publishing anything (call once the pin has been read).</summary>
    /// <param name="offHook">The level read from the hardware.</param>
    protected void InitializeLevel(bool offHook)
    {
        lock (_gate)
        {
            _rawOffHook = offHook;
            _stableOffHook = offHook;
            _reportedOffHook = offHook;
            _rawSince = _timeProvider.GetUtcNow();
        }
    }

    /// <summary>Feeds one raw edge of the hook contact. Repeated levels are ignored. Never throws on timing.</summary>
    /// <param name="offHook">The new raw level: true when the loop is closed (handset lifted).</param>
    protected void OnRawLevelChanged(bool offHook)
    {
        lock (_gate)
        {
            if (_disposed || offHook == _rawOffHook)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();

            // On a busy machine the debounce timer can run after the next edge. A level that has already
            // outlasted the debounce counts before the new edge is applied; otherwise a 300 ms flash whose
            // timer ran late would be filtered as chatter and lost.
            if (_rawOffHook != _stableOffHook && now - _rawSince >= _settings.Debounce)
            {
                ConfirmRawLevel(now);
            }

            var previousEdge = _rawSince;
            _rawOffHook = offHook;
            _rawSince = now;
            if (offHook == _stableOffHook)
            {
                _debounceTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _logger.LogDebug("Hook chatter of {Milliseconds} ms filtered", (now - previousEdge).TotalMilliseconds);

                // A deadline may have passed while the chatter was pending confirmation.
                CheckOnHookDeadline(now);
                CheckGapDeadline(now);
            }
            else
            {
                _debounceTimer.Change(_settings.Debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Called (under the device lock) just before <see cref="HookChanged"/> is published; e.g. for ring trip.</summary>
    /// <param name="offHook">The new reported state.</param>
    protected virtual void OnHookStateChanged(bool offHook)
    {
    }

    /// <summary>Stops the timers. Subclasses release their pins and then call the base.</summary>
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

        _debounceTimer.Dispose();
        _onHookTimer.Dispose();
        _gapTimer.Dispose();
    }

    private void OnDebounceTimer()
    {
        lock (_gate)
        {
            if (_disposed || _rawOffHook == _stableOffHook)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            var stableFor = now - _rawSince;
            if (stableFor < _settings.Debounce)
            {
                // A real timer can fire early or be a stale callback from before the last Change.
                Arm(_debounceTimer, _settings.Debounce - stableFor);
                return;
            }

            ConfirmRawLevel(now);
        }
    }

    private void ConfirmRawLevel(DateTimeOffset now)
    {
        _stableOffHook = _rawOffHook;
        if (_stableOffHook)
        {
            OnStableOffHook(_rawSince, now);
        }
        else
        {
            OnStableOnHook(_rawSince, now);
        }
    }

    private void OnStableOnHook(DateTimeOffset edge, DateTimeOffset now)
    {
        if (!_reportedOffHook)
        {
            return;
        }

        _gapTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (_train.Active)
        {
            var make = edge - _train.LastMakeStart;
            if (make < _settings.PulseMakeMin)
            {
                _train.Invalidate($"make of {Ms(make)} shorter than {Ms(_settings.PulseMakeMin)}");
            }
            else if (make > _settings.PulseMakeMax)
            {
                // The previous digit was complete; this break comes too soon to start a valid new one.
                CompleteTrain(now);
                _nextTrainTooEarly = true;
            }
        }

        _breakInProgress = true;
        _breakStart = edge;
        CheckOnHookDeadline(now);
    }

    private void OnStableOffHook(DateTimeOffset edge, DateTimeOffset now)
    {
        if (!_reportedOffHook)
        {
            Report(now, offHook: true);
            return;
        }

        if (!_breakInProgress)
        {
            return;
        }

        _breakInProgress = false;
        _onHookTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        ClassifyBreak(edge - _breakStart, edge, now);
    }

    private void ClassifyBreak(TimeSpan duration, DateTimeOffset edge, DateTimeOffset now)
    {
        if (duration >= _settings.FlashMin)
        {
            if (_train.Active)
            {
                Discard($"hook flash of {Ms(duration)} inside the pulse train");
            }

            _nextTrainTooEarly = false;
            _sink.Publish(new HookFlash(now, duration));
            return;
        }

        if (!_settings.PulseDialing)
        {
            _logger.LogDebug("On-hook of {Milliseconds} ms ignored: shorter than a flash and pulse dialing is off", duration.TotalMilliseconds);
            return;
        }

        if (!_train.Active)
        {
            _train.Begin(_nextTrainTooEarly ? $"started less than {Ms(_settings.InterDigitGap)} after the previous digit" : null);
        }

        _nextTrainTooEarly = false;
        _train.AddPulse();
        if (duration < _settings.PulseBreakMin || duration > _settings.PulseBreakMax)
        {
            _train.Invalidate($"break of {Ms(duration)} outside {Ms(_settings.PulseBreakMin)}..{Ms(_settings.PulseBreakMax)}");
        }

        if (_train.Pulses > 10)
        {
            _train.Invalidate("more than 10 pulses");
        }

        _train.LastMakeStart = edge;
        CheckGapDeadline(now);
    }

    private void OnOnHookTimer()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                CheckOnHookDeadline(_timeProvider.GetUtcNow());
            }
        }
    }

    private void CheckOnHookDeadline(DateTimeOffset now)
    {
        if (!_breakInProgress)
        {
            return;
        }

        var deadline = _breakStart + _settings.FlashMax;
        if (now <= deadline)
        {
            Arm(_onHookTimer, deadline - now + s_tick);
            return;
        }

        if (_rawOffHook && _rawSince <= deadline)
        {
            // The hook came back up inside the flash window; let the debounce decide whether it counts.
            Arm(_onHookTimer, _rawSince + _settings.Debounce - now + s_tick);
            return;
        }

        _breakInProgress = false;
        if (_train.Active)
        {
            Discard("hung up during the pulse train");
        }

        _nextTrainTooEarly = false;
        Report(now, offHook: false);
    }

    private void OnGapTimer()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                CheckGapDeadline(_timeProvider.GetUtcNow());
            }
        }
    }

    private void CheckGapDeadline(DateTimeOffset now)
    {
        if (!_train.Active || !_stableOffHook || _breakInProgress)
        {
            return;
        }

        var deadline = _train.LastMakeStart + _settings.InterDigitGap;
        if (now < deadline)
        {
            Arm(_gapTimer, deadline - now);
            return;
        }

        if (!_rawOffHook && _rawSince < deadline)
        {
            // A break began before the gap elapsed and is still being debounced.
            Arm(_gapTimer, _rawSince + _settings.Debounce - now + s_tick);
            return;
        }

        CompleteTrain(now);
    }

    private void CompleteTrain(DateTimeOffset now)
    {
        if (_train.InvalidReason is not null)
        {
            Discard(_train.InvalidReason);
            return;
        }

        var digit = _train.Digit;
        _train.Reset();
        _sink.Publish(new PulseDigitDialed(now, digit));
    }

    private void Discard(string reason)
    {
        _logger.LogDebug("Pulse train of {Pulses} pulses discarded: {Reason}", _train.Pulses, reason);
        _train.Reset();
    }

    private void Report(DateTimeOffset now, bool offHook)
    {
        _reportedOffHook = offHook;

        // Subclass first (e.g. ring trip), so whoever reacts to the event already sees the bell stopped.
        OnHookStateChanged(offHook);
        _sink.Publish(new HookChanged(now, offHook));
    }

    // Timers are one-shot; a due time already in the past still fires, one tick later.
    private static void Arm(ITimer timer, TimeSpan due) =>
        timer.Change(due > s_tick ? due : s_tick, Timeout.InfiniteTimeSpan);

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
