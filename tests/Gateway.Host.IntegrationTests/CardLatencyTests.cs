using System.Globalization;
using Gateway.Host.Cards;
using Gateway.VirtualCard;
using Gateway.Bench.Perf;
using Xunit.Abstractions;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The latency evidence: virtual card connect → the gateway's <c>card.ready</c> on the SSE stream, and card
/// close → <c>card.removed</c>, over 50 inserts into the real gateway, beside a raw SCardGetStatusChange loop in
/// this process in the same run. Figures are printed, not asserted; every round must produce its events.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class CardLatencyTests(PcscdFixture pcscd, CardGatewayFixture fixture, ITestOutputHelper output) : IClassFixture<CardGatewayFixture>
{
    private const int Rounds = 50;
    private const string Station = "station-1";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task InsertRemove_FiftyRounds_PrintsGatewayEventAndRawPcscLatencies()
    {
        pcscd.EnsureRunning();
        var clock = TimeProvider.System;
        var cardFile = await TestCards.NoPinAsync();
        await using var events = await SseClient.ConnectAsync(fixture.Gateway.Http);
        await using var raw = new RawReaderWatch(PcscdFixture.Reader0);
        var toInserted = new List<double>();
        var toReady = new List<double>();
        var toRemoved = new List<double>();
        var rawPresent = new List<double>();
        var rawEmpty = new List<double>();

        for (var round = 0; round < Rounds; round++)
        {
            await raw.WaitUntilEmptyAsync(s_wait);
            var connectAt = clock.GetTimestamp();
            var connection = await VirtualCardConnection.ConnectAsync(VirtualCard.VirtualCard.Create(cardFile), "127.0.0.1", BenchCardReaders.FirstVpcdPort, default);
            SseMessage ready;
            try
            {
                var inserted = await events.WaitForAsync("card.inserted", Station, s_wait);
                toInserted.Add(clock.GetElapsedTime(connectAt, inserted.ReceivedAt).TotalMilliseconds);
                ready = await events.WaitForAsync("card.ready", Station, s_wait);
            }
            catch (TimeoutException ex)
            {
                await connection.DisposeAsync();
                var log = fixture.Gateway.Output;
                throw new TimeoutException($"round {round}: {ex.Message}\ngateway output (last 6000 chars):\n{log[Math.Max(0, log.Length - 6000)..]}", ex);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            // Closing the socket is what vpcd sees as removal.
            var closeAt = clock.GetTimestamp();
            await connection.DisposeAsync();
            var removed = await events.WaitForAsync("card.removed", Station, s_wait);
            toReady.Add(clock.GetElapsedTime(connectAt, ready.ReceivedAt).TotalMilliseconds);
            toRemoved.Add(clock.GetElapsedTime(closeAt, removed.ReceivedAt).TotalMilliseconds);
            rawPresent.Add(await raw.LatencyAsync(connectAt, present: true, s_wait));
            rawEmpty.Add(await raw.LatencyAsync(closeAt, present: false, s_wait));
        }

        Assert.Equal(Rounds, toReady.Count);
        Assert.Equal(Rounds, toRemoved.Count);
        Report(toInserted, toReady, toRemoved, rawPresent, rawEmpty);
    }

    private void Report(List<double> toInserted, List<double> toReady, List<double> toRemoved, List<double> rawPresent, List<double> rawEmpty)
    {
        var ready = LatencyFigures.Of(toReady);
        var removed = LatencyFigures.Of(toRemoved);
        var present = LatencyFigures.Of(rawPresent);
        var empty = LatencyFigures.Of(rawEmpty);
        output.WriteLine($"{Rounds} rounds, milliseconds                            p50      p95      max");
        output.WriteLine(LatencyFigures.Of(toInserted).Row("gateway: connect -> SSE card.inserted"));
        output.WriteLine(ready.Row("gateway: connect -> SSE card.ready"));
        output.WriteLine(present.Row("raw SCardGetStatusChange: connect -> PRESENT"));
        output.WriteLine(removed.Row("gateway: close -> SSE card.removed"));
        output.WriteLine(empty.Row("raw SCardGetStatusChange: close -> EMPTY"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio gateway/raw: ready p50 {ready.P50 / present.P50:F2} p95 {ready.P95 / present.P95:F2}; removed p50 {removed.P50 / empty.P50:F2} p95 {removed.P95 / empty.P95:F2}"));
    }
}
