using System.Text.Json;
using Gateway.Bench;
using Gateway.NetworkServer;
using Gateway.SmartCard;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The card's call filter, end to end: carol's real baresip dials alice's follow-me number through Kamailio; the
/// station with alice's card does not ring; what carol's phone sees, the gateway's <c>call.filtered</c>, and what
/// Kamailio's acc module recorded are checked for each action. Forward and voicemail are followed by Kamailio (the
/// gateway answers 302), so they reach bob's registered baresip and a voicemail baresip.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class SipFilterTests(PcscdFixture pcscd, SipGatewayFixture fixture) : IClassFixture<SipGatewayFixture>
{
    private const string Station = SipRegistrationTests.Station;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    private GatewayProcess Gateway => fixture.Gateway;

    [Theory]
    [InlineData(FilterAction.RejectBusy, "reject-busy", 486, "Busy Here")]
    [InlineData(FilterAction.Reject, "reject", 603, "Decline")]
    public async Task Reject_CallerGetsTheCode_StationSilent_KamailioLogsTheFailureAndNoCdr(FilterAction action, string name, int code, string reason)
    {
        var (filtered, closed, callId) = await CallFilteredAliceAsync(
            new CallFilterRule { CallerPattern = "*", Action = action },
            null,
            async carol => await carol.WaitForEventAsync("CALL_CLOSED", s_wait, default));

        Assert.Equal(name, filtered.GetProperty("action").GetString());
        Assert.Equal(code, filtered.GetProperty("status").GetInt32());
        Assert.StartsWith(code.ToString(System.Globalization.CultureInfo.InvariantCulture), Param(closed), StringComparison.Ordinal);

        var row = await PollAccAsync(callId, e => e.Method == "INVITE");
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), row.SipCode);
        Assert.Equal(reason, row.SipReason);
        Assert.Equal("carol", row.BilledUser);

        // acc wrote the failure; a CDR (only answered calls have one) would have been written with it.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(await fixture.Server.CreateCdrReader().ReadCallsAsync(), c => c.CallId == callId);
    }

    [Fact]
    public async Task Forward_KamailioFollowsThe302_BobsBaresipRingsAndAnswers()
    {
        await using var bob = await StartBaresipAsync("bob", "secret", fixture.Server.Port, LoopbackPorts.GetFree(), autoAnswer: true);
        var (filtered, established, callId) = await CallFilteredAliceAsync(
            new CallFilterRule { CallerPattern = "*", Action = FilterAction.Forward, ForwardNumber = SipGatewayFixture.BobNumber },
            null,
            async carol =>
            {
                // bob's phone auto-answers, so baresip reports the call as established rather than incoming.
                var atBob = await bob.WaitForEventAsync("CALL_ESTABLISHED", s_wait, default);
                Assert.Contains("carol", atBob.GetRawText(), StringComparison.Ordinal);
                var answered = await carol.WaitForEventAsync("CALL_ESTABLISHED", s_wait, default);
                await carol.HangUpAsync();
                await bob.WaitForEventAsync("CALL_CLOSED", s_wait, default);
                return answered;
            });

        Assert.Equal("forward", filtered.GetProperty("action").GetString());
        Assert.Equal(302, filtered.GetProperty("status").GetInt32());
        Assert.Equal("CALL_ESTABLISHED", established.GetProperty("type").GetString());
        var row = await PollAccAsync(callId, e => e.Method == "INVITE");
        Assert.Equal("200", row.SipCode);
        Assert.Equal("carol", row.BilledUser);
    }

    [Fact]
    public async Task Voicemail_KamailioFollowsThe302_TheVoicemailBaresipAnswers()
    {
        var voicemailPort = LoopbackPorts.GetFree();
        await using var voicemail = await StartBaresipAsync("voicemail", null, null, voicemailPort, autoAnswer: true);
        var (filtered, established, callId) = await CallFilteredAliceAsync(
            new CallFilterRule { CallerPattern = "*", Action = FilterAction.Voicemail },
            $"sip:voicemail@127.0.0.1:{voicemailPort}",
            async carol =>
            {
                var atVoicemail = await voicemail.WaitForEventAsync("CALL_ESTABLISHED", s_wait, default);
                Assert.Contains("carol", atVoicemail.GetRawText(), StringComparison.Ordinal);
                var answered = await carol.WaitForEventAsync("CALL_ESTABLISHED", s_wait, default);
                await carol.HangUpAsync();
                await voicemail.WaitForEventAsync("CALL_CLOSED", s_wait, default);
                return answered;
            });

        Assert.Equal("voicemail", filtered.GetProperty("action").GetString());
        Assert.Equal(302, filtered.GetProperty("status").GetInt32());
        Assert.Equal("CALL_ESTABLISHED", established.GetProperty("type").GetString());
        var row = await PollAccAsync(callId, e => e.Method == "INVITE");
        Assert.Equal("200", row.SipCode);
    }

    /// <summary>
    /// Inserts alice's card with one filter rule, has carol's baresip dial alice's number, and returns the gateway's
    /// <c>call.filtered</c> data, what <paramref name="atCaller"/> saw, and the call's Call-ID. The station must not ring.
    /// </summary>
    private async Task<(JsonElement Filtered, JsonElement AtCaller, string CallId)> CallFilteredAliceAsync(
        CallFilterRule rule, string? voicemailUri, Func<BaresipParty, Task<JsonElement>> atCaller)
    {
        pcscd.EnsureRunning();
        await using var carol = await StartBaresipAsync("carol", "secret", fixture.Server.Port, LoopbackPorts.GetFree(), autoAnswer: false);
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        var card = SipCards.For("alice", "secret", fixture.Server.Realm, SipGatewayFixture.AliceNumber,
            shape: p => p with { CallFilters = [rule], AwayVoicemailUri = voicemailUri });
        var connection = await SipCards.InsertAsync(card);
        (JsonElement, JsonElement, string) result;
        try
        {
            try
            {
                await events.WaitForAsync("registration.registered", Station, s_wait);
            }
            catch (TimeoutException e)
            {
                // Where the card's setup stopped is only in the gateway's log.
                var output = Gateway.Output;
                throw new TimeoutException(e.Message + "\n--- gateway (tail) ---\n" + output[Math.Max(0, output.Length - 6000)..], e);
            }

            await carol.DialAsync($"sip:{SipGatewayFixture.AliceNumber}@127.0.0.1:{fixture.Server.Port}");

            var seen = await events.ReadUntilAsync("call.filtered", Station, s_wait);
            var seenAtCaller = await atCaller(carol);
            Assert.DoesNotContain(seen, m => m.Type is "ring.start" or "call.incoming");
            var filtered = seen[^1].Json.GetProperty("data");
            Assert.Equal(SipGatewayFixture.AliceNumber, filtered.GetProperty("forNumber").GetString());
            var callId = seenAtCaller.TryGetProperty("id", out var id) ? id.GetString() ?? string.Empty : string.Empty;
            Assert.False(string.IsNullOrEmpty(callId), $"baresip's event names no call id: {seenAtCaller.GetRawText()}");
            result = (filtered.Clone(), seenAtCaller, callId);
        }
        finally
        {
            await connection.DisposeAsync();
        }

        await events.WaitForAsync("registration.unregistered", Station, s_wait);
        return result;
    }

    /// <summary>
    /// Starts baresip, once more on other ports if the first exits at once: the free ports it is given are only free
    /// when chosen, and other processes on this machine take ports too.
    /// </summary>
    internal static async Task<BaresipParty> StartBaresipAsync(string user, string? password, int? serverPort, int sipPort, bool autoAnswer)
    {
        try
        {
            return await BaresipParty.StartAsync(user, password, serverPort, sipPort, autoAnswer, default);
        }
        catch (System.Net.Sockets.SocketException) when (serverPort is not null)
        {
            return await BaresipParty.StartAsync(user, password, serverPort, LoopbackPorts.GetFree(), autoAnswer, default);
        }
    }

    private static string Param(JsonElement baresipEvent) =>
        baresipEvent.TryGetProperty("param", out var param) ? param.GetString() ?? string.Empty : baresipEvent.GetRawText();

    private async Task<AccountingEvent> PollAccAsync(string callId, Func<AccountingEvent, bool> match)
    {
        var deadline = DateTime.UtcNow + s_wait;
        var reader = fixture.Server.CreateCdrReader();
        while (true)
        {
            var rows = await reader.ReadEventsAsync();
            if (rows.FirstOrDefault(e => e.CallId == callId && match(e)) is { } row)
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no acc row for {callId}; have: {string.Join(", ", rows.Select(r => $"{r.Method} {r.CallId} {r.SipCode}"))}");
            await Task.Delay(200);
        }
    }
}
