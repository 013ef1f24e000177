namespace Gateway.Media.Clock;

/// <summary>How the media clock waits for a deadline.</summary>
public enum ClockWaitMode
{
    /// <summary>clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME) on Linux: the kernel wakes us at the absolute deadline.</summary>
    AbsoluteNanosleep = 0,

    /// <summary>Thread.Sleep until about 1.5 ms before the deadline, then spin (portable; burns up to ~1.5 ms CPU per tick).</summary>
    SleepThenSpin,
}
