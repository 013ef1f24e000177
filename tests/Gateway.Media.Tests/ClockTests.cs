using Gateway.Media.Clock;

namespace Gateway.Media.Tests;

public sealed class ClockTests(ITestOutputHelper output)
{
    [Fact]
    public void DeadlineSchedule_OnTimeTicks_DeadlinesAreStartPlusMultiplesOfPeriod()
    {
        var schedule = new DeadlineSchedule(start: 1000, period: 20);
        for (var n = 1; n <= 100; n++)
        {
            Assert.Equal(1000 + (n * 20), schedule.NextDeadline);
            Assert.Equal(3, schedule.Complete(schedule.NextDeadline + 3));
        }

        Assert.Equal(0, schedule.Skipped);
    }

    [Fact]
    public void DeadlineSchedule_LateTick_DoesNotShiftLaterDeadlines()
    {
        var schedule = new DeadlineSchedule(0, 20);
        Assert.Equal(15, schedule.Complete(35));
        Assert.Equal(40, schedule.NextDeadline);
        Assert.Equal(0, schedule.Complete(40));
        Assert.Equal(60, schedule.NextDeadline);
    }

    [Fact]
    public void DeadlineSchedule_OverrunOfSeveralPeriods_SkipsMissedDeadlinesKeepingPhase()
    {
        var schedule = new DeadlineSchedule(0, 20);
        Assert.Equal(75, schedule.Complete(95));
        Assert.Equal(100, schedule.NextDeadline);
        Assert.Equal(3, schedule.Skipped);
        Assert.Equal(5, schedule.NextIndex);
    }

    [Fact]
    public void TickJitterStatistics_Percentiles()
    {
        var statistics = new TickJitterStatistics();
        for (var i = 1; i <= 1000; i++)
        {
            statistics.Record(i);
        }

        statistics.Record(-5);
        Assert.Equal(1001, statistics.Count);
        Assert.Equal(500, statistics.PercentileMicroseconds(0.5));
        Assert.Equal(990, statistics.PercentileMicroseconds(0.99));
        Assert.Equal(1000, statistics.MaxMicroseconds);
        Assert.Equal(1, statistics.EarlyCount);
    }

    [Theory]
    [InlineData(ClockWaitMode.AbsoluteNanosleep)]
    [InlineData(ClockWaitMode.SleepThenSpin)]
    public async Task MediaClock_Runs_TicksInOrderAndJitterReported(ClockWaitMode mode)
    {
        var sink = new RecordingSink();
        using (var clock = new MediaClock(10, mode))
        {
            clock.Register(sink);
            clock.Start();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (sink.Ticks.Count < 100 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            output.WriteLine($"{mode} (nanosleep available: {MediaClock.UsesNanosleep}): {clock.Jitter} skipped={clock.SkippedTicks}");
            Assert.Equal(0, clock.SinkFailures);
            Assert.Equal(0, clock.Jitter.EarlyCount);
        }

        var ticks = sink.Ticks.ToArray();
        Assert.True(ticks.Length >= 100);
        for (var i = 1; i < ticks.Length; i++)
        {
            Assert.True(ticks[i] > ticks[i - 1]);
        }
    }

    private sealed class RecordingSink : IMediaClockSink
    {
        public System.Collections.Concurrent.ConcurrentQueue<long> Ticks { get; } = new();

        public void OnTick(long tick) => Ticks.Enqueue(tick);
    }
}
