namespace Gateway.Sip.Transport;

/// <summary>
/// Lets one log line per key (typically a peer address plus a category) through per interval, so a
/// peer flooding garbage cannot flood the log.
/// </summary>
public sealed class SipLogRateLimiter
{
    // Bounded so that spoofed source addresses cannot grow it without limit.
    private const int MaxKeys = 1024;

    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates a limiter.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="interval">Minimum time between two lines with the same key.</param>
    public SipLogRateLimiter(TimeProvider time, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _interval = interval;
    }

    /// <summary>Decides whether a line with this key may be logged now, and records it if so.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when the caller should log.</returns>
    public bool ShouldLog(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_last.TryGetValue(key, out var last) && _time.GetElapsedTime(last, now) < _interval)
            {
                return false;
            }

            if (_last.Count >= MaxKeys)
            {
                _last.Clear();
            }

            _last[key] = now;
            return true;
        }
    }
}
