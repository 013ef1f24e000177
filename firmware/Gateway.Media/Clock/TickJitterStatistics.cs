namespace Gateway.Media.Clock;

/// <summary>
/// Distribution of tick lateness (wake-up minus deadline) in microseconds: a fixed histogram of 1 µs buckets up to
/// 20 ms plus an overflow bucket, so recording allocates nothing. Written by the clock thread; read any time
/// (a snapshot taken while ticking may be off by the tick in progress).
/// </summary>
public sealed class TickJitterStatistics
{
    private const int Buckets = 20_000;
    private readonly long[] _histogram = new long[Buckets + 1];
    private long _count;
    private long _maxMicroseconds;
    private long _earlyCount;

    /// <summary>Ticks recorded.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Largest lateness seen, in µs.</summary>
    public long MaxMicroseconds => Interlocked.Read(ref _maxMicroseconds);

    /// <summary>Ticks that woke before their deadline (should stay 0).</summary>
    public long EarlyCount => Interlocked.Read(ref _earlyCount);

    /// <summary>Records one tick <paramref name="latenessMicroseconds"/> late.</summary>
    public void Record(long latenessMicroseconds)
    {
        if (latenessMicroseconds < 0)
        {
            Interlocked.Increment(ref _earlyCount);
            latenessMicroseconds = 0;
        }

        _histogram[Math.Min(latenessMicroseconds, Buckets)]++;
        if (latenessMicroseconds > _maxMicroseconds)
        {
            Interlocked.Exchange(ref _maxMicroseconds, latenessMicroseconds);
        }

        Interlocked.Increment(ref _count);
    }

    /// <summary>The lateness in µs at or below which <paramref name="fraction"/> of ticks fall (0.5, 0.99, 0.999).</summary>
    public long PercentileMicroseconds(double fraction)
    {
        var count = Count;
        if (count == 0)
        {
            return 0;
        }

        var wanted = (long)Math.Ceiling(fraction * count);
        long seen = 0;
        for (var i = 0; i <= Buckets; i++)
        {
            seen += _histogram[i];
            if (seen >= wanted)
            {
                return i;
            }
        }

        return Buckets;
    }

    /// <summary>A one-line summary: p50/p99/p99.9/max in µs.</summary>
    public override string ToString() =>
        $"ticks={Count} p50={PercentileMicroseconds(0.5)}us p99={PercentileMicroseconds(0.99)}us p99.9={PercentileMicroseconds(0.999)}us max={MaxMicroseconds}us early={EarlyCount}";
}
