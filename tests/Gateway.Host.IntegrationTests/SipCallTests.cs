using System.Globalization;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// Calls end to end: a subscriber calls the card user's follow-me number through Kamailio and the station rings with
/// the card's cadence; the card user calls out from the station and Kamailio bills the user plus the box's surcharge.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class SipCallTests(PcscdFixture pcscd, SipGatewayFixture fixture) : IClassFixture<SipGatewayFixture>
{
    private const string Station = SipRegistrationTests.Station;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    private GatewayProcess Gateway => fixture.Gateway;

    [Fact]
    public async Task FollowMeNumberCalled_RingsWithTheCardsCadence_AnsweredOffHook_EndedByCaller()
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        var connection = await SipCards.InsertAsync(SipCards.For("alice", "secret", fixture.Server.Realm, SipGatewayFixture.AliceNumber, cadence: "uk-double"));
        await using var bob = await TestCaller.StartAsync("bob", "secret", fixture.Server.Port);
        try
        {
            await events.WaitForAsync("registration.registered", Station, s_wait);

            var call = bob.Call($"sip:{SipGatewayFixture.AliceNumber}@127.0.0.1:{fixture.Server.Port}");

            var ring = await events.WaitForAsync("ring.start", Station, s_wait);
            Assert.Equal("uk-double", ring.Json.GetProperty("data").GetProperty("cadence").GetString());
            await call.Ringing.WaitAsync(s_wait);
            await HookAsync(offHook: true);
            await events.WaitForAsync("call.answered", Station, s_wait);
            await call.Connected.WaitAsync(s_wait);

            await call.HangUpAsync().WaitAsync(s_wait);
            await events.WaitForAsync("call.ended", Station, s_wait);
            await HookAsync(offHook: false);
        }
        finally
        {
            await HookAsync(offHook: false);
            await connection.DisposeAsync();
        }

        await events.WaitForAsync("registration.unregistered", Station, s_wait);
    }

    [Fact]
    public async Task CardUserCallsOut_BilledToTheUserWithTheBoxSurcharge()
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        var connection = await SipCards.InsertAsync(SipCards.For("alice", "secret", fixture.Server.Realm, SipGatewayFixture.AliceNumber));
        var before = fixture.Pstn.Incoming.Count;
        try
        {
            await events.WaitForAsync("registration.registered", Station, s_wait);
            await HookAsync(offHook: true);

            // As a caller does, dial after the dial tone: keys sent before the hook switch's debounce ends are on-hook keys.
            await events.WaitForAsync("hook.off", Station, s_wait);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await Gateway.PostJsonAsync($"/api/bench/stations/{Station}/keys", "{\"keys\":\"2125550100\",\"interKeyDelayMs\":50}")).StatusCode);

            await events.WaitForAsync("call.answered", Station, s_wait);
            var answered = fixture.Pstn.Incoming[before];
            Assert.StartsWith("sip:+12125550100@", answered.Request.RequestUriText.ToString(), StringComparison.Ordinal);
            await Task.Delay(500);
            await HookAsync(offHook: false);
            await events.WaitForAsync("call.ended", Station, s_wait);
            await answered.Ended.WaitAsync(s_wait);

            var cdr = await PollCdrAsync(answered.CallId);
            Assert.Equal("alice", cdr.BilledUser);
            Assert.Equal(SipGatewayFixture.DeviceId, cdr.DeviceId);
            Assert.Equal(SipGatewayFixture.SurchargeCents, cdr.SurchargeCents);
        }
        finally
        {
            await HookAsync(offHook: false);
            await connection.DisposeAsync();
        }

        await events.WaitForAsync("registration.unregistered", Station, s_wait);
    }

    private async Task<Gateway.NetworkServer.CallDetailRecord> PollCdrAsync(string callId)
    {
        var deadline = DateTime.UtcNow + s_wait;
        var reader = fixture.Server.CreateCdrReader();
        while (true)
        {
            var calls = await reader.ReadCallsAsync();
            if (calls.FirstOrDefault(c => c.CallId == callId) is { } row)
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no CDR for {callId}; have: {string.Join(", ", calls.Select(c => c.CallId))}");
            await Task.Delay(200);
        }
    }

    private async Task HookAsync(bool offHook)
    {
        using var response = await Gateway.PostJsonAsync($"/api/bench/stations/{Station}/hook", "{\"offHook\":" + (offHook ? "true" : "false") + "}");
        Assert.True(response.IsSuccessStatusCode, string.Create(CultureInfo.InvariantCulture, $"hook {offHook}: {(int)response.StatusCode}"));
    }
}
