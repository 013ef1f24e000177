using System.Diagnostics.Tracing;

namespace Gateway.Media.Diagnostics;

/// <summary>
/// Garbage-collection pauses since this monitor was created: the count and total from the runtime's own counters
/// (<see cref="GC.CollectionCount"/>, <see cref="GC.GetTotalPauseDuration"/>), and the longest single pause from
/// the runtime's GC events (GCSuspendEEBegin_V1 → GCRestartEEEnd_V1 with a GC suspend reason, by their own
/// timestamps), which an in-process <see cref="EventListener"/> receives a moment later on the runtime's dispatch
/// thread. Nothing is allocated here per event; the runtime's dispatcher allocates the event arguments. A
/// NativeAOT build without EventSource support gets no events: <see cref="MaxPause"/> then stays null while
/// count and total still work.
/// </summary>
public sealed class GcPauseMonitor : EventListener
{
    private const string RuntimeSourceName = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int RestartEEEndId = 3;
    private const int SuspendEEBeginId = 9;

    // The event's Reason: SUSPEND_FOR_GC (1) and SUSPEND_FOR_GC_PREP (6); the others (0 other, 2 app-domain
    // shutdown, 3 code pitching, 4 shutdown, 5/7 debugger) are not garbage collection.
    private const uint SuspendForGc = 1;
    private const uint SuspendForGcPrep = 6;

    // Initialized before the base constructor runs, so before the runtime's source can be enabled.
    private readonly int _startCollections = GC.CollectionCount(0);
    private readonly TimeSpan _startPause = GC.GetTotalPauseDuration();
    private long _suspendedAtTicks;
    private long _pauses;
    private long _maxPauseTicks;
    private long _eventPauseTicks;

    /// <summary>Collections of any generation since the monitor was created.</summary>
    public int Collections => GC.CollectionCount(0) - _startCollections;

    /// <summary>Total time managed threads were paused for GC since the monitor was created (the runtime's figure).</summary>
    public TimeSpan TotalPause => GC.GetTotalPauseDuration() - _startPause;

    /// <summary>GC pauses seen through events (may lag <see cref="Collections"/> by the dispatch delay, about a second).</summary>
    public long PausesObserved => Interlocked.Read(ref _pauses);

    /// <summary>Sum of the pauses seen through events (cross-checks <see cref="TotalPause"/>).</summary>
    public TimeSpan ObservedPauseTotal => TimeSpan.FromTicks(Interlocked.Read(ref _eventPauseTicks));

    /// <summary>The longest single GC pause seen, or null when no event arrived (none yet, or events unsupported).</summary>
    public TimeSpan? MaxPause => PausesObserved == 0 ? null : TimeSpan.FromTicks(Interlocked.Read(ref _maxPauseTicks));

    /// <summary>A one-line summary for logs and the perf child's report line.</summary>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"gcCount={Collections} gcPauseTotalMs={TotalPause.TotalMilliseconds:F3} gcPauseMaxMs={(MaxPause is { } max ? max.TotalMilliseconds.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "n/a")} gcPausesObserved={PausesObserved}");

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == RuntimeSourceName)
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        switch (eventData.EventId)
        {
            case SuspendEEBeginId when IsGcSuspension(eventData):
                Volatile.Write(ref _suspendedAtTicks, eventData.TimeStamp.Ticks);
                break;
            case RestartEEEndId:
                var since = Interlocked.Exchange(ref _suspendedAtTicks, 0);
                if (since != 0)
                {
                    Record(eventData.TimeStamp.Ticks - since);
                }

                break;
        }
    }

    private static bool IsGcSuspension(EventWrittenEventArgs eventData) =>
        eventData.Payload is not { Count: > 0 } payload
        || payload[0] is not uint reason
        || reason is SuspendForGc or SuspendForGcPrep;

    private void Record(long ticks)
    {
        if (ticks < 0)
        {
            return;
        }

        Interlocked.Add(ref _eventPauseTicks, ticks);
        if (ticks > Interlocked.Read(ref _maxPauseTicks))
        {
            Interlocked.Exchange(ref _maxPauseTicks, ticks);
        }

        Interlocked.Increment(ref _pauses);
    }
}
