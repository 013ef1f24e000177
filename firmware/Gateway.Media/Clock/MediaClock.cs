using System.Diagnostics;

namespace Gateway.Media.Clock;

/// <summary>
/// The media clock: one dedicated thread ticking every frame period on absolute deadlines
/// (<see cref="DeadlineSchedule"/>), driving every registered stream in turn. Not a thread-pool timer, so ticks
/// do not queue behind other work; registration copies a small array, ticking allocates nothing. On Linux the
/// thread asks for SCHED_FIFO at <see cref="RealtimePriority"/> (<see cref="Scheduling"/> says whether it got it):
/// <see cref="ThreadPriority.Highest"/> alone changes nothing for a normal Linux thread.
/// </summary>
public sealed class MediaClock : IDisposable
{
    private readonly Lock _lock = new();
    private readonly long _periodTicks;
    private readonly ClockWaitMode _mode;
    private IMediaClockSink[] _sinks = [];
    private Thread? _thread;
    private readonly ManualResetEventSlim _scheduled = new();
    private readonly ManualResetEventSlim _hasSinks = new();
    private volatile bool _stopping;
    private volatile string _scheduling = "not started";

    /// <summary>Creates a clock ticking every <paramref name="periodMs"/> ms (20 by default).</summary>
    public MediaClock(int periodMs = 20, ClockWaitMode mode = ClockWaitMode.AbsoluteNanosleep)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodMs);
        PeriodMs = periodMs;
        _periodTicks = Stopwatch.Frequency * periodMs / 1000;
        _mode = mode;
    }

    /// <summary>The tick period.</summary>
    public int PeriodMs { get; }

    /// <summary>Lateness of each tick relative to its deadline.</summary>
    public TickJitterStatistics Jitter { get; } = new();

    /// <summary>Ticks skipped because the thread was descheduled for more than a period.</summary>
    public long SkippedTicks { get; private set; }

    /// <summary>Exceptions thrown by sinks (each caught so one broken stream does not stop the others).</summary>
    public long SinkFailures { get; private set; }

    /// <summary>
    /// The SCHED_FIFO priority the clock thread asks for: above every normal thread, below the 50 the kernel gives
    /// threaded interrupt handlers, so network and sound interrupts still run first.
    /// </summary>
    public const int RealtimePriority = 15;

    /// <summary>
    /// How the clock thread is scheduled, known once <see cref="Start"/> returns: <c>fifo:15</c>, or <c>normal (why)</c>
    /// when SCHED_FIFO was refused (e.g. <c>normal (EPERM)</c>: no CAP_SYS_NICE and RLIMIT_RTPRIO below 15; the
    /// systemd unit's LimitRTPRIO allows it) and the thread kept normal scheduling. <c>not started</c> before.
    /// </summary>
    public string Scheduling => _scheduling;

    /// <summary>Whether the absolute clock_nanosleep wait is in use (otherwise sleep-then-spin).</summary>
    public static bool UsesNanosleep => DeadlineWaiter.NanosleepAvailable;

    /// <summary>Adds a stream; it is ticked from the next tick on. A clock without streams sleeps until one is added.</summary>
    public void Register(IMediaClockSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_lock)
        {
            _sinks = [.. _sinks, sink];
            _hasSinks.Set();
        }
    }

    /// <summary>Removes a stream; a tick already running may still call it once.</summary>
    public void Unregister(IMediaClockSink sink)
    {
        lock (_lock)
        {
            _sinks = [.. _sinks.Where(s => !ReferenceEquals(s, sink))];
            if (_sinks.Length == 0)
            {
                _hasSinks.Reset();
            }
        }
    }

    /// <summary>Starts the clock thread.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the clock is already started");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "media-clock", Priority = ThreadPriority.Highest };
        _thread.Start();

        // The policy is set from inside the thread (sched_setscheduler applies to the caller); waiting for it
        // makes Scheduling final when Start returns, so the host can log it once.
        _scheduled.Wait();
    }

    /// <summary>Stops the clock thread and waits for the tick in progress.</summary>
    public void Dispose()
    {
        _stopping = true;
        _hasSinks.Set();
        _thread?.Join();
        _scheduled.Dispose();
        _hasSinks.Dispose();
    }

    private void Run()
    {
        _scheduling = RealtimeScheduling.TryEnterFifo(RealtimePriority);
        _scheduled.Set();
        var schedule = new DeadlineSchedule(Stopwatch.GetTimestamp(), _periodTicks);
        long tickBase = 0;
        long skippedBase = 0;
        while (!_stopping)
        {
            if (Volatile.Read(ref _sinks).Length == 0)
            {
                // Nothing to drive (an idle station): block until a stream registers instead of waking 50 times a
                // second for nothing, then start a fresh schedule so the pause counts as neither lateness nor skips.
                tickBase += schedule.NextIndex - 1;
                skippedBase += schedule.Skipped;
                _hasSinks.Wait();
                schedule = new DeadlineSchedule(Stopwatch.GetTimestamp(), _periodTicks);
                continue;
            }

            var tick = tickBase + schedule.NextIndex;
            DeadlineWaiter.WaitUntil(schedule.NextDeadline, _mode);
            var lateness = schedule.Complete(Stopwatch.GetTimestamp());
            Jitter.Record(lateness * 1_000_000 / Stopwatch.Frequency);
            SkippedTicks = skippedBase + schedule.Skipped;
            foreach (var sink in Volatile.Read(ref _sinks))
            {
                try
                {
                    sink.OnTick(tick);
                }
#pragma warning disable CA1031 // A failing stream must not stop the clock for every other call.
                catch (Exception)
#pragma warning restore CA1031
                {
                    SinkFailures++;
                }
            }
        }
    }
}
