using Gateway.Media.Diagnostics;

namespace Gateway.Media.Tests;

public sealed class GcPauseMonitorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ForcedCollections_AreCountedTimedAndTheLongestPauseSeen()
    {
        using var monitor = new GcPauseMonitor();
        Assert.Null(monitor.MaxPause);
        var keep = new List<byte[]>();
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 2_000; i++)
            {
                keep.Add(new byte[1024]);
            }

            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        }

        GC.KeepAlive(keep);

        // The runtime's events reach the listener through its dispatch thread, a moment after the GC.
        await StreamPair.WaitUntil(() => monitor.PausesObserved >= 5, 15_000);
        output.WriteLine(monitor.ToString());
        Assert.True(monitor.Collections >= 5, $"collections {monitor.Collections}");
        Assert.True(monitor.TotalPause > TimeSpan.Zero);
        Assert.True(monitor.MaxPause > TimeSpan.Zero);
        Assert.True(monitor.MaxPause <= monitor.ObservedPauseTotal);
        Assert.Contains("gcPauseMaxMs=", monitor.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NewMonitor_StartsFromZero_NotFromProcessStart()
    {
        GC.Collect();
        using var monitor = new GcPauseMonitor();
        Assert.InRange(monitor.Collections, 0, GC.CollectionCount(0) - 1);
        Assert.True(monitor.TotalPause < GC.GetTotalPauseDuration());
    }
}
