using System.Threading.Channels;
using Gateway.SmartCard.PcscLite;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.SmartCard.Tests;

public class PcscReaderMonitorTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Events_InsertRemoveAndNewReader_AreReportedInOrder()
    {
        using var daemon = new FakePcscDaemon();
        daemon.AddReader("R0");
        await using var monitor = new PcscReaderMonitor(new PcscReaderMonitorOptions { PollTimeout = TimeSpan.FromMilliseconds(200) }, null, daemon);
        monitor.Start();

        Assert.Equal((ReaderEventKind.ServiceAvailable, (string?)null), await NextAsync(monitor.Events));
        Assert.Equal((ReaderEventKind.ReaderAdded, "R0"), await NextAsync(monitor.Events));
        daemon.Insert("R0", [0x3B, 0x02, 0x14, 0x50]);
        var inserted = await monitor.Events.ReadAsync().AsTask().WaitAsync(s_wait);
        daemon.Remove("R0");
        Assert.Equal((ReaderEventKind.CardRemoved, "R0"), await NextAsync(monitor.Events));
        daemon.AddReader("R1");
        Assert.Equal((ReaderEventKind.ReaderAdded, "R1"), await NextAsync(monitor.Events));

        Assert.Equal(ReaderEventKind.CardInserted, inserted.Kind);
        Assert.Equal([0x3B, 0x02, 0x14, 0x50], inserted.Atr.ToArray());
    }

    [Fact]
    public async Task Events_ReaderUnpluggedWithCard_ReportsCardRemovedThenReaderRemoved()
    {
        using var daemon = new FakePcscDaemon();
        daemon.AddReader("R0");
        await using var monitor = new PcscReaderMonitor(new PcscReaderMonitorOptions { PollTimeout = TimeSpan.FromMilliseconds(200) }, null, daemon);
        monitor.Start();
        Assert.Equal((ReaderEventKind.ServiceAvailable, (string?)null), await NextAsync(monitor.Events));
        Assert.Equal((ReaderEventKind.ReaderAdded, "R0"), await NextAsync(monitor.Events));
        daemon.Insert("R0", [0x3B]);
        Assert.Equal((ReaderEventKind.CardInserted, "R0"), await NextAsync(monitor.Events));

        daemon.RemoveReader("R0");

        Assert.Equal((ReaderEventKind.CardRemoved, "R0"), await NextAsync(monitor.Events));
        Assert.Equal((ReaderEventKind.ReaderRemoved, "R0"), await NextAsync(monitor.Events));
        daemon.AddReader("R0");
        Assert.Equal((ReaderEventKind.ReaderAdded, "R0"), await NextAsync(monitor.Events));
    }

    [Fact]
    public async Task Events_ServiceLost_ReportsRemovalsThenRetriesWithExponentialBackoffOnTimeProvider()
    {
        using var daemon = new FakePcscDaemon();
        daemon.AddReader("R0");
        daemon.Insert("R0", [0x3B]);
        var clock = new FakeTimeProvider();
        var options = new PcscReaderMonitorOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(3), TimeProvider = clock, PollTimeout = TimeSpan.FromMilliseconds(200) };
        await using var monitor = new PcscReaderMonitor(options, null, daemon);
        monitor.Start();
        await NextAsync(monitor.Events);
        await NextAsync(monitor.Events);
        Assert.Equal((ReaderEventKind.CardInserted, "R0"), await NextAsync(monitor.Events));

        daemon.SetServiceUp(false);
        Assert.Equal((ReaderEventKind.CardRemoved, "R0"), await NextAsync(monitor.Events));
        Assert.Equal((ReaderEventKind.ReaderRemoved, "R0"), await NextAsync(monitor.Events));
        Assert.Equal((ReaderEventKind.ServiceLost, (string?)null), await NextAsync(monitor.Events));
        var attempts = daemon.EstablishAttempts;

        // Backoff 1 s, then 2 s, then 3 s (capped): nothing happens until the fake clock moves far enough.
        foreach (var step in new[] { 1, 2, 3, 3 })
        {
            await Task.Delay(100);
            Assert.Equal(attempts, daemon.EstablishAttempts);
            clock.Advance(TimeSpan.FromSeconds(step) - TimeSpan.FromMilliseconds(1));
            await Task.Delay(100);
            Assert.Equal(attempts, daemon.EstablishAttempts);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await WaitUntilAsync(() => daemon.EstablishAttempts == attempts + 1);
            attempts++;
        }

        daemon.SetServiceUp(true);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal((ReaderEventKind.ServiceAvailable, (string?)null), await NextAsync(monitor.Events));
        Assert.Equal((ReaderEventKind.ReaderAdded, "R0"), await NextAsync(monitor.Events));
        Assert.Equal((ReaderEventKind.CardInserted, "R0"), await NextAsync(monitor.Events));
    }

    [Fact]
    public async Task DisposeAsync_WhileBlockedInStatusChange_CancelsAndCompletesEvents()
    {
        using var daemon = new FakePcscDaemon();
        daemon.AddReader("R0");
        var monitor = new PcscReaderMonitor(new PcscReaderMonitorOptions { PollTimeout = Timeout.InfiniteTimeSpan }, null, daemon);
        monitor.Start();
        await NextAsync(monitor.Events);
        await NextAsync(monitor.Events);

        await monitor.DisposeAsync().AsTask().WaitAsync(s_wait);

        Assert.Equal((ReaderEventKind.ReaderRemoved, "R0"), await NextAsync(monitor.Events));
        await monitor.Events.Completion.WaitAsync(s_wait);
    }

    private static async Task<(ReaderEventKind, string?)> NextAsync(ChannelReader<ReaderEvent> events)
    {
        var e = await events.ReadAsync().AsTask().WaitAsync(s_wait);
        return (e.Kind, e.ReaderName);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Condition not reached in time.");
            await Task.Delay(10);
        }
    }
}
