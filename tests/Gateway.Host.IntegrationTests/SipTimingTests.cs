using System.Globalization;
using Gateway.Sip.UserAgent;
using Gateway.VirtualCard;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The races people cause by being quick, end to end through the gateway's API with real Kamailio, pcscd/vpcd and a
/// SIP far end: a card inserted while off-hook, a card pulled while its call rings, and off-hook as a call arrives.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class SipTimingTests(PcscdFixture pcscd, SipGatewayFixture fixture) : IClassFixture<SipGatewayFixture>
{
    private const string Station = SipRegistrationTests.Station;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    private GatewayProcess Gateway => fixture.Gateway;

    [Fact]
    public async Task CardInsertedWhileOffHook_TheNumberDialledAfterIsPlacedAsTheCardUser()
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        var before = fixture.Pstn.Incoming.Count;
        await HookAsync(offHook: true);
        VirtualCardConnection? connection = null;
        try
        {
            await events.WaitForAsync("hook.off", Station, s_wait);
            connection = await SipCards.InsertAsync(SipCards.For("alice", "secret", fixture.Server.Realm, SipGatewayFixture.AliceNumber));
            await events.WaitForAsync("registration.registered", Station, s_wait);

            await KeysAsync("2125550100");

            var outgoing = await events.WaitForAsync("call.outgoing", Station, s_wait);
            Assert.Equal(SipGatewayFixture.AliceNumber, outgoing.Json.GetProperty("data").GetProperty("forNumber").GetString());
            await events.WaitForAsync("call.answered", Station, s_wait);
            var answered = fixture.Pstn.Incoming[before];
            Assert.Contains("alice@", answered.Request.From!.Uri.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await HookAsync(offHook: false);
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }

        await events.WaitForAsync("registration.unregistered", Station, s_wait);
    }

    [Fact]
    public async Task CardPulledWhileItsCallRings_RingingStops_CallerGets480()
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        var connection = await SipCards.InsertAsync(SipCards.For("bob", "secret", fixture.Server.Realm, SipGatewayFixture.BobNumber));
        await using var caller = await TestCaller.StartAsync();
        await events.WaitForAsync("registration.registered", Station, s_wait);
        var contact = Assert.Single(await fixture.Server.GetContactsAsync("bob"));
        SipOutgoingCall call;
        try
        {
            call = caller.Call(contact);
            await events.WaitForAsync("ring.start", Station, s_wait);
            await call.Ringing.WaitAsync(s_wait);
        }
        finally
        {
            await connection.DisposeAsync();
        }

        await events.WaitForAsync("ring.stop", Station, s_wait);
        var end = await call.Ended.WaitAsync(s_wait);
        Assert.Equal(480, end.StatusCode);
        Assert.False(Gateway.HasExited);

        // The unregister may be reported before ring.stop; Kamailio is the judge of it.
        var deadline = DateTime.UtcNow + s_wait;
        while ((await fixture.Server.GetContactsAsync("bob")).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "bob's binding is still in Kamailio after the card was pulled");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task OffHookAsTheCallArrives_EitherAnsweredOr486_NeverACrash_AndTheNextCallRings()
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        var connection = await SipCards.InsertAsync(SipCards.For("bob", "secret", fixture.Server.Realm, SipGatewayFixture.BobNumber));
        await using var caller = await TestCaller.StartAsync();
        try
        {
            await events.WaitForAsync("registration.registered", Station, s_wait);
            var contact = Assert.Single(await fixture.Server.GetContactsAsync("bob"));

            // The hook goes up at several offsets around the INVITE, so some land before it and some after.
            foreach (var offsetMs in new[] { 0, 2, 5, 10, 20 })
            {
                var call = caller.Call(contact);
                await Task.Delay(offsetMs);
                await HookAsync(offHook: true);
                var first = await Task.WhenAny(call.Connected, call.Ended).WaitAsync(s_wait);
                if (first == call.Connected)
                {
                    await call.HangUpAsync().WaitAsync(s_wait);
                }
                else
                {
                    Assert.Equal(486, (await call.Ended).StatusCode);
                }

                await HookAsync(offHook: false);
                await WaitIdleAsync();
            }

            // The station still takes calls.
            var control = caller.Call(contact);
            await events.WaitForAsync("ring.start", Station, s_wait);
            await control.Ringing.WaitAsync(s_wait);
            await control.HangUpAsync().WaitAsync(s_wait);
            await events.WaitForAsync("ring.stop", Station, s_wait);
            Assert.False(Gateway.HasExited);
        }
        finally
        {
            await HookAsync(offHook: false);
            await connection.DisposeAsync();
        }

        await events.WaitForAsync("registration.unregistered", Station, s_wait);
    }

    /// <summary>Until the station reports on-hook with no call (the BYE or 486 has been handled).</summary>
    private async Task WaitIdleAsync()
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (true)
        {
            var station = SipRegistrationTests.StationStatus(await Gateway.GetStatusAsync());
            var idle = !station.GetProperty("offHook").GetBoolean()
                && (!station.TryGetProperty("call", out var call) || call.ValueKind == System.Text.Json.JsonValueKind.Null);
            if (idle)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the station did not return to idle: " + station.GetRawText());
            await Task.Delay(50);
        }
    }

    private async Task KeysAsync(string keys)
    {
        using var response = await Gateway.PostJsonAsync($"/api/bench/stations/{Station}/keys", "{\"keys\":\"" + keys + "\",\"interKeyDelayMs\":50}");
        Assert.True(response.IsSuccessStatusCode, string.Create(CultureInfo.InvariantCulture, $"keys: {(int)response.StatusCode}"));
    }

    private async Task HookAsync(bool offHook)
    {
        using var response = await Gateway.PostJsonAsync($"/api/bench/stations/{Station}/hook", "{\"offHook\":" + (offHook ? "true" : "false") + "}");
        Assert.True(response.IsSuccessStatusCode, string.Create(CultureInfo.InvariantCulture, $"hook {offHook}: {(int)response.StatusCode}"));
    }
}
