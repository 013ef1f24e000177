using System.Collections.Concurrent;
using System.Globalization;
using Gateway.SmartCard.PcscLite;
using Gateway.VirtualCard;
using Xunit.Abstractions;

namespace Gateway.SmartCard.IntegrationTests;

/// <summary>
/// Measures insert → CardSession ready and removal → CardRemoved through the monitor, beside a plain
/// SCardGetStatusChange loop on its own context in the same run. Figures are printed, not asserted.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class LatencyTests(PcscdFixture pcscd, ITestOutputHelper output)
{
    private const int Rounds = 50;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task InsertRemove_FiftyRounds_PrintsMonitorSessionAndRawLatencies()
    {
        pcscd.EnsureRunning();
        var clock = TimeProvider.System;
        using var context = PcscContext.Establish();
        using var rawContext = PcscContext.Establish();
        await using var monitor = new PcscReaderMonitor();
        monitor.Start();
        await monitor.Events.WaitForAsync(ReaderEventKind.ReaderAdded, PcscdFixture.Reader, s_wait);
        var raw = new ConcurrentQueue<(long At, bool Present)>();
        var stopRaw = false;
        var rawLoop = Task.Factory.StartNew(() => RawLoop(rawContext, raw, () => stopRaw), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var factory = new CardSessionFactory();
        var connectToInserted = new List<double>();
        var connectToReady = new List<double>();
        var insertedToReady = new List<double>();
        var closeToRemoved = new List<double>();
        var rawInsert = new List<double>();
        var rawRemove = new List<double>();

        for (var round = 0; round < Rounds; round++)
        {
            MonitorEvents.WaitUntilEmpty(context, PcscdFixture.Reader);
            var t0 = clock.GetTimestamp();
            var connection = await VirtualCardConnection.ConnectAsync(Cards.Applet(), "127.0.0.1", PcscdFixture.VpcdPort, default);
            var inserted = await monitor.Events.WaitForAsync(ReaderEventKind.CardInserted, PcscdFixture.Reader, s_wait, t0);
            var transceiver = PcscCardTransceiver.Connect(context, PcscdFixture.Reader);
            var result = await factory.CreateAsync(transceiver, PcscdFixture.Reader, (_, _) => ValueTask.FromResult<string?>(Cards.Pin), default);
            var ready = clock.GetTimestamp();
            Assert.True(result.IsAccepted, result.ToString());

            var t2 = clock.GetTimestamp();
            await connection.DisposeAsync();
            var removed = await monitor.Events.WaitForAsync(ReaderEventKind.CardRemoved, PcscdFixture.Reader, s_wait, t2);
            result.Session!.Dispose();

            connectToInserted.Add(clock.GetElapsedTime(t0, inserted.Timestamp).TotalMilliseconds);
            connectToReady.Add(clock.GetElapsedTime(t0, ready).TotalMilliseconds);
            insertedToReady.Add(clock.GetElapsedTime(inserted.Timestamp, ready).TotalMilliseconds);
            closeToRemoved.Add(clock.GetElapsedTime(t2, removed.Timestamp).TotalMilliseconds);
            await Task.Delay(50);
            rawInsert.Add(FirstAfter(raw, t0, present: true, clock));
            rawRemove.Add(FirstAfter(raw, t2, present: false, clock));
        }

        stopRaw = true;
        rawContext.Cancel();
        await rawLoop;

        Assert.Equal(Rounds, connectToReady.Count);
        Assert.DoesNotContain(double.NaN, rawInsert);
        Assert.DoesNotContain(double.NaN, rawRemove);
        output.WriteLine($"{Rounds} rounds, milliseconds            p50      p95      max");
        Print("connect -> monitor CardInserted", connectToInserted);
        Print("connect -> CardSession ready", connectToReady);
        Print("  of which session setup (SELECT..)", insertedToReady);
        Print("raw loop: connect -> PRESENT", rawInsert);
        Print("close -> monitor CardRemoved", closeToRemoved);
        Print("raw loop: close -> EMPTY", rawRemove);
    }

    private static double FirstAfter(ConcurrentQueue<(long At, bool Present)> raw, long since, bool present, TimeProvider clock)
    {
        foreach (var (at, p) in raw)
        {
            if (at >= since && p == present)
            {
                return clock.GetElapsedTime(since, at).TotalMilliseconds;
            }
        }

        return double.NaN;
    }

    private static void RawLoop(PcscContext context, ConcurrentQueue<(long, bool)> transitions, Func<bool> stop)
    {
        var state = new PcscReaderState(PcscdFixture.Reader, 0);
        var wasPresent = false;
        while (!stop())
        {
            var rv = context.GetStatusChange(TimeSpan.FromSeconds(1), [state]);
            if (rv != PcscError.Success)
            {
                continue;
            }

            if (state.CardPresent != wasPresent)
            {
                wasPresent = state.CardPresent;
                transitions.Enqueue((TimeProvider.System.GetTimestamp(), wasPresent));
            }

            state.Acknowledge();
        }
    }

    private void Print(string label, List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-38} {At(0.5),7:F1}  {At(0.95),7:F1}  {sorted[^1],7:F1}"));
    }
}
