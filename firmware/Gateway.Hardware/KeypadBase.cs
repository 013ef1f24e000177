using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Hardware;

/// <summary>
/// Keypad logic independent of the scanning method: a key is reported on key-down, once per press.
/// </summary>
/// <remarks>
/// Repeat suppression: a key-down for a key already down is ignored (scanners report a held key repeatedly).
/// Debounce: a key-down arriving less than <see cref="KeyDebounce"/> after the same key's key-up is contact
/// bounce of the same press and is ignored. Reporting on the first key-down (rather than after a stable
/// period) keeps DTMF latency minimal; bounce can only ever suppress, never add, a press.
/// </remarks>
public abstract class KeypadBase : IKeypad
{
    /// <summary>The default key debounce, 40 ms.</summary>
    public static readonly TimeSpan DefaultKeyDebounce = TimeSpan.FromMilliseconds(40);

    private readonly Lock _gate = new();
    private readonly IHardwareEventSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly HashSet<char> _down = [];
    private readonly Dictionary<char, DateTimeOffset> _lastUp = [];
    private bool _disposed;

    /// <summary>Creates the logic.</summary>
    /// <param name="sink">Receives <see cref="KeyPressed"/>.</param>
    /// <param name="timeProvider">Clock for debounce.</param>
    /// <param name="logger">Debug logging of suppressed presses.</param>
    /// <param name="keyDebounce">Bounce window; default <see cref="DefaultKeyDebounce"/>, 0–500 ms.</param>
    protected KeypadBase(IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null, TimeSpan? keyDebounce = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var debounce = keyDebounce ?? DefaultKeyDebounce;
        if (debounce < TimeSpan.Zero || debounce > TimeSpan.FromMilliseconds(500))
        {
            throw new ArgumentException($"Key debounce must be between 0 and 500 ms (was {debounce.TotalMilliseconds} ms).", nameof(keyDebounce));
        }

        _sink = sink;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        KeyDebounce = debounce;
    }

    /// <summary>The bounce window.</summary>
    public TimeSpan KeyDebounce { get; }

    /// <summary>The clock in use.</summary>
    protected TimeProvider TimeProvider => _timeProvider;

    /// <summary>The logger (never null).</summary>
    protected ILogger Logger => _logger;

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Reports that a key closed. Unknown keys are logged and ignored.</summary>
    /// <param name="key">The key.</param>
    protected void OnKeyDown(char key)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (!KeypadKeys.IsValid(key))
            {
                _logger.LogDebug("Ignored key-down for unknown key {Key}", key);
                return;
            }

            if (!_down.Add(key))
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            if (_lastUp.TryGetValue(key, out var up) && now - up < KeyDebounce)
            {
                _logger.LogDebug("Key {Key} bounce ignored ({Milliseconds} ms after release)", key, (now - up).TotalMilliseconds);
                return;
            }

            _sink.Publish(new KeyPressed(now, key));
        }
    }

    /// <summary>Reports that a key opened.</summary>
    /// <param name="key">The key.</param>
    protected void OnKeyUp(char key)
    {
        lock (_gate)
        {
            if (!_disposed && _down.Remove(key))
            {
                _lastUp[key] = _timeProvider.GetUtcNow();
            }
        }
    }

    /// <summary>Releases resources; subclasses release pins and call the base.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }
}
