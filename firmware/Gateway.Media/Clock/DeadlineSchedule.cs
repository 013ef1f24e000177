namespace Gateway.Media.Clock;

/// <summary>
/// Drift-free tick arithmetic: deadline n is start + n × period, computed from the start rather than from the last
/// wake-up, so lateness never accumulates. A tick more than a whole period late skips the missed deadlines (counted)
/// instead of bursting to catch up. Pure arithmetic on timestamps, unit-tested without a clock.
/// </summary>
public sealed class DeadlineSchedule
{
    private readonly long _start;
    private long _index;

    /// <summary>Starts a schedule whose first deadline is <paramref name="start"/> + <paramref name="period"/>.</summary>
    public DeadlineSchedule(long start, long period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        _start = start;
        Period = period;
        _index = 1;
    }

    /// <summary>Timestamp units per tick.</summary>
    public long Period { get; }

    /// <summary>The deadline to wait for next.</summary>
    public long NextDeadline => _start + (_index * Period);

    /// <summary>The index of the next tick (1 for the first).</summary>
    public long NextIndex => _index;

    /// <summary>Deadlines skipped because a tick came more than a period late.</summary>
    public long Skipped { get; private set; }

    /// <summary>Records that the tick due at <see cref="NextDeadline"/> ran at <paramref name="now"/>.</summary>
    /// <returns>How late the tick was (negative when early).</returns>
    public long Complete(long now)
    {
        var lateness = now - NextDeadline;
        _index++;
        if (now >= NextDeadline)
        {
            // Overrun: resume at the first deadline still ahead, keeping the original phase.
            var ahead = ((now - _start) / Period) + 1;
            Skipped += ahead - _index;
            _index = ahead;
        }

        return lateness;
    }
}
