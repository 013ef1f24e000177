namespace Gateway.Media.Streams;

/// <summary>
/// When to send the next RTCP report (RFC 3550 §6.3): a fixed mean interval (5 s; our sessions have two members so
/// the bandwidth rule gives no more), randomized uniformly over [0.5, 1.5] × interval and divided by e − 1.5 to
/// compensate for the timer reconsideration bias, the first report after half an interval. On <see cref="TimeProvider"/>.
/// </summary>
public sealed class RtcpScheduler
{
    private const double ReconsiderationCompensation = 1.21828;

    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Random _random;
    private long _next;

    /// <summary>Creates a schedule with mean <paramref name="interval"/>; <paramref name="random"/> is for tests.</summary>
    public RtcpScheduler(TimeProvider timeProvider, TimeSpan interval, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _interval = interval;
        _random = random ?? Random.Shared;
        _next = _time.GetTimestamp() + ToTimestamp(Randomize() / 2);
    }

    /// <summary>True once per interval: when the report is due (the next one is then scheduled).</summary>
    public bool IsDue()
    {
        var now = _time.GetTimestamp();
        if (now < _next)
        {
            return false;
        }

        _next = now + ToTimestamp(Randomize());
        return true;
    }

    /// <summary>One randomized interval.</summary>
    public TimeSpan Randomize() => _interval * ((0.5 + _random.NextDouble()) / ReconsiderationCompensation);

    private long ToTimestamp(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
