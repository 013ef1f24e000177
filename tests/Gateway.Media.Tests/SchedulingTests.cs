using System.Text.RegularExpressions;
using Gateway.Media.Clock;

namespace Gateway.Media.Tests;

/// <summary>
/// SCHED_FIFO for the media clock thread. As root (CI, this machine) FIFO is granted; under a service user without
/// LimitRTPRIO it is refused with EPERM. Both outcomes are well-formed and the clock ticks either way.
/// </summary>
public sealed partial class SchedulingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MediaClock_Start_ReportsItsSchedulingAndStillTicks()
    {
        var sink = new CountingSink();
        using var clock = new MediaClock(5);
        Assert.Equal("not started", clock.Scheduling);
        clock.Register(sink);
        clock.Start();

        output.WriteLine($"media clock scheduling: {clock.Scheduling}");
        Assert.Matches(WellFormed(), clock.Scheduling);
        await StreamPair.WaitUntil(() => Volatile.Read(ref sink.Ticks) >= 10, 10_000);
    }

    [Fact]
    public void TryEnterFifo_PriorityOutOfRange_FallsBackToNormalAndSaysWhy()
    {
        // 100 is beyond SCHED_FIFO's 1-99 for everyone, root included: the real failure path, reported as EINVAL.
        var (result, policy) = OnNewThread(() => (RealtimeScheduling.TryEnterFifo(100), RealtimeScheduling.CurrentPolicy()));
        Assert.Equal("normal (EINVAL)", result);
        Assert.Equal(RealtimeScheduling.SchedOther, policy);
    }

    [Fact]
    public void TryEnterFifo_Granted_AppliesToThisThreadOnly_AndThreadsItCreatesStartNormal()
    {
        var (result, policy, child) = OnNewThread(() =>
        {
            var r = RealtimeScheduling.TryEnterFifo(MediaClock.RealtimePriority);
            var own = RealtimeScheduling.CurrentPolicy();
            var spawned = OnNewThread(RealtimeScheduling.CurrentPolicy);
            return (r, own, spawned);
        });

        output.WriteLine($"{result}: policy {policy:x}, child {child:x}");
        Assert.Matches(WellFormed(), result);
        Assert.Equal(RealtimeScheduling.SchedOther, RealtimeScheduling.CurrentPolicy());
        Assert.Equal(RealtimeScheduling.SchedOther, child);
        if (result.StartsWith("fifo:", StringComparison.Ordinal))
        {
            Assert.Equal(RealtimeScheduling.SchedFifo | RealtimeScheduling.SchedResetOnFork, policy);
        }
        else
        {
            Assert.Equal(RealtimeScheduling.SchedOther, policy);
        }
    }

    [Theory]
    [InlineData(1, "EPERM")]
    [InlineData(22, "EINVAL")]
    [InlineData(3, "errno 3")]
    public void ErrnoName_NamesTheLikelyFailures(int errno, string expected) =>
        Assert.Equal(expected, RealtimeScheduling.ErrnoName(errno));

    private static T OnNewThread<T>(Func<T> work)
    {
        T result = default!;
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result;
    }

    [GeneratedRegex(@"^(fifo:15|normal \(.+\))$")]
    private static partial Regex WellFormed();

    private sealed class CountingSink : IMediaClockSink
    {
        public long Ticks;

        public void OnTick(long tick) => Interlocked.Increment(ref Ticks);
    }
}
