namespace Gateway.Rtp.Jitter;

/// <summary>
/// Turns the measured need (95th percentile of delay variation plus one frame) into a stable target: the target
/// follows an increase at once, so a jitter spike is covered quickly, but it comes down only to the highest need of
/// the last <see cref="ShrinkAfterMs"/> (per-second maxima), and only when that is more than one frame lower.
/// Chasing every change of the percentile was what made the buffer splice and insert constantly.
/// </summary>
internal sealed class TargetDelayHysteresis
{
    /// <summary>How long the need must stay lower before the target follows it down (at least; up to a second more).</summary>
    public const int ShrinkAfterMs = 3000;

    private const int BucketMs = 1000;
    private readonly int _deadBandMs;
    private readonly int[] _maxima = new int[(ShrinkAfterMs / BucketMs) + 1];
    private long _bucket = long.MinValue;

    public TargetDelayHysteresis(int deadBandMs) => _deadBandMs = deadBandMs;

    /// <summary>Gives the new target for the current one, the current need and the time.</summary>
    public int Update(int targetMs, int needMs, long nowMs)
    {
        var bucket = nowMs / BucketMs;
        if (needMs >= targetMs || _bucket == long.MinValue)
        {
            // Growth (or the first need): the calm has to last the whole hold time from here.
            Array.Fill(_maxima, Math.Max(needMs, targetMs));
            _bucket = bucket;
            return Math.Max(needMs, targetMs);
        }

        for (; _bucket < bucket && _bucket > bucket - _maxima.Length - 1; _bucket++)
        {
            _maxima[Index(_bucket + 1)] = needMs;
        }

        _bucket = bucket;
        var current = Index(bucket);
        _maxima[current] = Math.Max(_maxima[current], needMs);
        var recent = needMs;
        foreach (var m in _maxima)
        {
            recent = Math.Max(recent, m);
        }

        return recent < targetMs - _deadBandMs ? recent : targetMs;
    }

    public void Reset() => _bucket = long.MinValue;

    // The clock's milliseconds may be negative (only differences matter), so the ring index is taken modulo twice.
    private int Index(long bucket) => (int)(((bucket % _maxima.Length) + _maxima.Length) % _maxima.Length);
}
