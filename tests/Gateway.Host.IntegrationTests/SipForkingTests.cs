using System.Globalization;
using Gateway.NetworkServer;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The same user's cards in both stations of one box: two bindings of one AOR at Kamailio (own Contact and own
/// <c>+sip.instance</c> per reader), a call forks to both stations, the station that goes off-hook first wins, the
/// other is cancelled as answered elsewhere (no missed call), and pulling one card removes only its binding.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class SipForkingTests(PcscdFixture pcscd, SipGatewayFixture fixture) : IClassFixture<SipGatewayFixture>
{
    private const string Station1 = "station-1";
    private const string Station2 = "station-2";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    private GatewayProcess Gateway => fixture.Gateway;

    [Fact]
    public async Task SameUserInBothStations_BothRing_Station2Answers_Station1CancelledAsAnsweredElsewhere_RemovalKeepsTheOther()
    {
        pcscd.EnsureRunning();
        await using var carol = await SipFilterTests.StartBaresipAsync("carol", "secret", fixture.Server.Port, LoopbackPorts.GetFree(), autoAnswer: false);
        await using var events1 = await SseClient.ConnectAsync(Gateway.Http);
        await using var events2 = await SseClient.ConnectAsync(Gateway.Http);
        var card = SipCards.For("alice", "secret", fixture.Server.Realm, SipGatewayFixture.AliceNumber);
        var first = await SipCards.InsertAsync(card, reader: 0);
        var second = await SipCards.InsertAsync(card, reader: 1);
        var firstIn = true;
        try
        {
            await events1.WaitForAsync("registration.registered", Station1, s_wait);
            await events2.WaitForAsync("registration.registered", Station2, s_wait);
            var status = await Gateway.GetStatusAsync();
            Assert.Equal(["T. alice", SipGatewayFixture.AliceNumber], Display(status, Station1));
            Assert.Equal(["T. alice", SipGatewayFixture.AliceNumber], Display(status, Station2));
            var contacts = await fixture.Server.GetContactsAsync("alice");
            Assert.Equal(2, contacts.Count);
            Assert.Equal(2, contacts.Distinct(StringComparer.Ordinal).Count());

            await carol.DialAsync($"sip:{SipGatewayFixture.AliceNumber}@127.0.0.1:{fixture.Server.Port}");

            await events1.WaitForAsync("call.incoming", Station1, s_wait);
            await events1.WaitForAsync("ring.start", Station1, s_wait);
            await events2.WaitForAsync("call.incoming", Station2, s_wait);
            await events2.WaitForAsync("ring.start", Station2, s_wait);
            await carol.WaitForEventAsync("CALL_RINGING", s_wait, default);

            await HookAsync(Station2, offHook: true);
            await events2.WaitForAsync("call.answered", Station2, s_wait);
            var established = await carol.WaitForEventAsync("CALL_ESTABLISHED", s_wait, default);

            var ended = await events1.WaitForAsync("call.ended", Station1, s_wait);
            Assert.Equal("answered-elsewhere", ended.Json.GetProperty("data").GetProperty("cause").GetString());
            Assert.Equal(["T. alice", SipGatewayFixture.AliceNumber], Display(await Gateway.GetStatusAsync(), Station1));

            await carol.HangUpAsync();
            await events2.WaitForAsync("call.ended", Station2, s_wait);
            await HookAsync(Station2, offHook: false);

            // Kamailio billed one answered call and logged no missed call for the cancelled branch.
            var callId = established.GetProperty("id").GetString()!;
            var cdr = await PollAsync(async () => (await fixture.Server.CreateCdrReader().ReadCallsAsync()).FirstOrDefault(c => c.CallId == callId));
            Assert.Equal("carol", cdr.BilledUser);
            Assert.DoesNotContain(await fixture.Server.CreateCdrReader().ReadMissedCallsAsync(), m => m.CallId == callId);

            // Pulling station-1's card removes its binding only.
            await first.DisposeAsync();
            firstIn = false;
            var unregistered = await events1.WaitForAsync("registration.unregistered", Station1, s_wait);
            Assert.Equal(200, unregistered.Json.GetProperty("data").GetProperty("status").GetInt32());
            var left = Assert.Single(await fixture.Server.GetContactsAsync("alice"));
            Assert.Contains(left, contacts);
            var account = Assert.Single(Stations(await Gateway.GetStatusAsync(), Station2).GetProperty("accounts").EnumerateArray());
            Assert.Equal("registered", account.GetProperty("registration").GetProperty("state").GetString());
            Assert.Empty(Stations(await Gateway.GetStatusAsync(), Station1).GetProperty("accounts").EnumerateArray());
        }
        finally
        {
            await HookAsync(Station2, offHook: false);
            if (firstIn)
            {
                await first.DisposeAsync();
            }

            await second.DisposeAsync();
        }

        await events2.WaitForAsync("registration.unregistered", Station2, s_wait);
        Assert.Empty(await fixture.Server.GetContactsAsync("alice"));
    }

    private static System.Text.Json.JsonElement Stations(System.Text.Json.JsonElement status, string station) =>
        status.GetProperty("stations").EnumerateArray().Single(s => s.GetProperty("id").GetString() == station);

    private static string[] Display(System.Text.Json.JsonElement status, string station) =>
        [.. Stations(status, station).GetProperty("display").EnumerateArray().Take(2).Select(l => l.GetString()!.TrimEnd())];

    private static async Task<T> PollAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (true)
        {
            if (await read() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "Kamailio wrote no such row");
            await Task.Delay(200);
        }
    }

    private async Task HookAsync(string station, bool offHook)
    {
        using var response = await Gateway.PostJsonAsync($"/api/bench/stations/{station}/hook", "{\"offHook\":" + (offHook ? "true" : "false") + "}");
        Assert.True(response.IsSuccessStatusCode, string.Create(CultureInfo.InvariantCulture, $"hook {station} {offHook}: {(int)response.StatusCode}"));
    }
}
