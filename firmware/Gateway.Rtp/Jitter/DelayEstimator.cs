namespace Gateway.Rtp.Jitter;

/// <summary>
/// Estimates the delay that covers most arrivals: each packet's transit time relative to the fastest one seen in
/// the window, and the 95th percentile of those over the last packets.
/// </summary>
internal sealed class DelayEstimator
{
    private const int Window = 100;
    private readonly long[] _transits = new long[Window];
    private readonly long[] _scratch = new long[Window];
    private int _count;
    private int _next;

    /// <summary>The smallest transit in the window at the last <see cref="Percentile95Ms"/>, in ms (same offset as added).</summary>
    public long MinimumTransitMs { get; private set; }

    /// <summary>Whether <see cref="MinimumTransitMs"/> is known (two packets or more).</summary>
    public bool HasMinimum => _count >= 2;

    /// <summary>Adds one packet's transit (arrival ms minus media time ms; the offset is arbitrary but fixed).</summary>
    public void Add(long transitMs)
    {
        _transits[_next] = transitMs;
        _next = (_next + 1) % Window;
        _count = Math.Min(_count + 1, Window);
    }

    /// <summary>The 95th percentile of transit above the window's minimum, in ms.</summary>
    public int Percentile95Ms()
    {
        if (_count < 2)
        {
            return 0;
        }

        var span = _scratch.AsSpan(0, _count);
        _transits.AsSpan(0, _count).CopyTo(span);
        span.Sort();
        MinimumTransitMs = span[0];
        var index = Math.Min(_count - 1, (int)Math.Ceiling(_count * 0.95) - 1);
        return (int)Math.Min(int.MaxValue, span[index] - span[0]);
    }

    public void Reset()
    {
        _count = 0;
        _next = 0;
    }
}
