using Gateway.Media.Streams;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Media.Tests;

public sealed class RtcpSchedulerTests
{
    [Fact]
    public void IntervalsRandomizedWithinRfc3550Bounds()
    {
        var time = new FakeTimeProvider();
        var scheduler = new RtcpScheduler(time, TimeSpan.FromSeconds(5), new Random(7));
        var last = TimeSpan.Zero;
        var elapsed = TimeSpan.Zero;
        var intervals = new List<double>();
        while (intervals.Count < 200)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            elapsed += TimeSpan.FromMilliseconds(10);
            if (scheduler.IsDue())
            {
                intervals.Add((elapsed - last).TotalSeconds);
                last = elapsed;
            }
        }

        // First report after half an interval; then [0.5, 1.5] × 5 s / 1.21828.
        Assert.InRange(intervals[0], 0.5 * 2.5 / 1.21828, (1.5 * 2.5 / 1.21828) + 0.01);
        Assert.All(intervals.Skip(1), i => Assert.InRange(i, 2.5 / 1.21828, (7.5 / 1.21828) + 0.01));
        Assert.InRange(intervals.Skip(1).Average(), 5 / 1.21828 * 0.9, 5 / 1.21828 * 1.1);
        Assert.True(intervals.Skip(1).Distinct().Count() > 50, "intervals are not randomized");
    }
}
