using Gateway.SmartCard.PcscLite;
using Gateway.VirtualCard;
using Xunit.Abstractions;

namespace Gateway.SmartCard.IntegrationTests;

[Collection(PcscdGroup.Name)]
public sealed class PcscdRestartTests(PcscdFixture pcscd, ITestOutputHelper output)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Monitor_PcscdKilledAndRestarted_ReportsLossThenRecoversAndSeesCards()
    {
        pcscd.EnsureRunning();
        Assert.True(pcscd.OwnsDaemon, "This test restarts pcscd, so it needs the fixture's own daemon: stop the externally started pcscd and rerun.");
        var clock = TimeProvider.System;
        await using var monitor = new PcscReaderMonitor(new PcscReaderMonitorOptions { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(800) });
        monitor.Start();
        await monitor.Events.WaitForAsync(ReaderEventKind.ReaderAdded, PcscdFixture.Reader, s_wait);

        var killedAt = clock.GetTimestamp();
        await pcscd.StopDaemonAsync();
        var lost = await monitor.Events.WaitForAsync(ReaderEventKind.ServiceLost, null, s_wait);
        var restartedAt = clock.GetTimestamp();
        Assert.Null(await pcscd.StartDaemonAsync());
        await monitor.Events.WaitForAsync(ReaderEventKind.ServiceAvailable, null, s_wait);
        var readerBack = await monitor.Events.WaitForAsync(ReaderEventKind.ReaderAdded, PcscdFixture.Reader, s_wait);

        var insertAt = clock.GetTimestamp();
        await using var connection = await VirtualCardConnection.ConnectAsync(Cards.Applet(), "127.0.0.1", PcscdFixture.VpcdPort, default);
        var inserted = await monitor.Events.WaitForAsync(ReaderEventKind.CardInserted, PcscdFixture.Reader, s_wait, insertAt);

        Assert.Contains("0x8010", lost.Detail, StringComparison.Ordinal);
        Assert.NotEqual(0, inserted.Atr.Length);
        output.WriteLine($"kill -> ServiceLost {clock.GetElapsedTime(killedAt, lost.Timestamp).TotalMilliseconds:F0} ms (includes pcscd shutdown); restart -> reader back {clock.GetElapsedTime(restartedAt, readerBack.Timestamp).TotalMilliseconds:F0} ms");
    }
}
