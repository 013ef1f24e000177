using System.Globalization;
using System.Text.RegularExpressions;
using Gateway.NetworkServer;
using Gateway.NetworkServer.IntegrationTests.Sipp;
using Gateway.Bench.Perf;
using Xunit.Abstractions;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// Card insert → <c>registration.registered</c> and removal → <c>registration.unregistered</c> over 30 cycles,
/// beside its parts in the same run: pcscd's own event latency (raw SCardGetStatusChange) and a raw REGISTER
/// round trip (401 + 200) by SIPp, timed from SIPp's message trace. Printed, not asserted (beyond every round working).
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed partial class SipLatencyTests(PcscdFixture pcscd, SipGatewayFixture fixture, ITestOutputHelper output) : IClassFixture<SipGatewayFixture>
{
    private const int Rounds = 30;
    private const string Station = SipRegistrationTests.Station;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task InsertRemove_ThirtyRounds_PrintsRegisteredAndUnregisteredLatencies()
    {
        pcscd.EnsureRunning();
        var clock = TimeProvider.System;
        var card = SipCards.For("alice", "secret", fixture.Server.Realm, SipGatewayFixture.AliceNumber);
        await using var events = await SseClient.ConnectAsync(fixture.Gateway.Http);
        await using var raw = new RawReaderWatch(PcscdFixture.Reader0);
        var toReady = new List<double>();
        var toRegistered = new List<double>();
        var toUnregistered = new List<double>();
        var rawPresent = new List<double>();
        var rawEmpty = new List<double>();

        for (var round = 0; round < Rounds; round++)
        {
            await raw.WaitUntilEmptyAsync(s_wait);
            var connectAt = clock.GetTimestamp();
            var connection = await SipCards.InsertAsync(card);
            SseMessage ready, registered;
            try
            {
                ready = await events.WaitForAsync("card.ready", Station, s_wait);
                registered = await events.WaitForAsync("registration.registered", Station, s_wait);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            var closeAt = clock.GetTimestamp();
            await connection.DisposeAsync();
            var unregistered = await events.WaitForAsync("registration.unregistered", Station, s_wait);
            Assert.Equal(200, unregistered.Json.GetProperty("data").GetProperty("status").GetInt32());
            toReady.Add(clock.GetElapsedTime(connectAt, ready.ReceivedAt).TotalMilliseconds);
            toRegistered.Add(clock.GetElapsedTime(connectAt, registered.ReceivedAt).TotalMilliseconds);
            toUnregistered.Add(clock.GetElapsedTime(closeAt, unregistered.ReceivedAt).TotalMilliseconds);
            rawPresent.Add(await raw.LatencyAsync(connectAt, present: true, s_wait));
            rawEmpty.Add(await raw.LatencyAsync(closeAt, present: false, s_wait));
        }

        Assert.Empty(await fixture.Server.GetContactsAsync("alice"));
        var sipp = new List<double>();
        for (var round = 0; round < 10; round++)
        {
            var result = await SippProcess.RunAsync("register.xml", $"127.0.0.1:{fixture.Server.Port}",
                new Dictionary<string, string> { ["aor"] = "bob", ["contact_port"] = LoopbackPorts.GetFree().ToString(CultureInfo.InvariantCulture), ["expires"] = "0" },
                "bob", "secret", holdMilliseconds: 0);
            Assert.True(result.Succeeded, result.ToString());
            sipp.Add(TraceSpanMilliseconds(result.Messages));
        }

        output.WriteLine($"{Rounds} rounds, milliseconds                                    p50      p95      max");
        output.WriteLine(LatencyFigures.Of(toReady).Row("gateway: connect -> SSE card.ready"));
        output.WriteLine(LatencyFigures.Of(toRegistered).Row("gateway: connect -> SSE registration.registered"));
        output.WriteLine(LatencyFigures.Of(rawPresent).Row("raw SCardGetStatusChange: connect -> PRESENT"));
        output.WriteLine(LatencyFigures.Of(sipp).Row("SIPp: REGISTER -> 401 -> REGISTER -> 200 (10 runs)"));
        output.WriteLine(LatencyFigures.Of(toUnregistered).Row("gateway: close -> SSE registration.unregistered"));
        output.WriteLine(LatencyFigures.Of(rawEmpty).Row("raw SCardGetStatusChange: close -> EMPTY"));
    }

    /// <summary>From the first message sent to the last one received, by the timestamps of SIPp's -trace_msg log.</summary>
    private static double TraceSpanMilliseconds(string messages)
    {
        var stamps = TraceStamp().Matches(messages)
            .Select(m => DateTime.ParseExact(m.Groups[1].Value + " " + m.Groups[2].Value, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(stamps.Count >= 4, "SIPp trace has fewer than four messages:\n" + messages);
        return (stamps[^1] - stamps[0]).TotalMilliseconds;
    }

    [GeneratedRegex(@"^-+ (\d{4}-\d\d-\d\d)\s+(\d\d:\d\d:\d\d\.\d{6})", RegexOptions.Multiline)]
    private static partial Regex TraceStamp();
}
