namespace Gateway.Hardware.Tests;

/// <summary>
/// A manual clock whose timers run only when <see cref="RunDueTimers"/> is called, so a test can let an edge
/// arrive after a timer's due time but before its callback, as a starved thread pool does on a busy machine.
/// </summary>
internal sealed class LateTimerClock : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(int milliseconds) => _now += TimeSpan.FromMilliseconds(milliseconds);

    public void RunDueTimers()
    {
        foreach (var timer in _timers.ToArray())
        {
            timer.RunIfDue(_now);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        _timers.Add(timer);
        return timer;
    }

    private sealed class ManualTimer(LateTimerClock clock, TimerCallback callback, object? state) : ITimer
    {
        private DateTimeOffset? _due;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
            return true;
        }

        public void RunIfDue(DateTimeOffset now)
        {
            if (_due is { } due && due <= now)
            {
                _due = null;
                callback(state);
            }
        }

        public void Dispose() => _due = null;

        public ValueTask DisposeAsync()
        {
            _due = null;
            return ValueTask.CompletedTask;
        }
    }
}
