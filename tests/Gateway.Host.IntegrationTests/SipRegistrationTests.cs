using System.Text.Json;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// Card insert → registration with the real Kamailio → removal → unregistration, through the real pcscd/vpcd and
/// the gateway process, seen only through its API/SSE and Kamailio's location table.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class SipRegistrationTests(PcscdFixture pcscd, SipGatewayFixture fixture) : IClassFixture<SipGatewayFixture>
{
    internal const string Station = "station-1";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    private GatewayProcess Gateway => fixture.Gateway;

    [Fact]
    public async Task Insert_RegistersTheContactInKamailio_RemovalUnregistersIt()
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        var card = SipCards.For("alice", "secret", fixture.Server.Realm, SipGatewayFixture.AliceNumber);
        var connection = await SipCards.InsertAsync(card);
        try
        {
            await events.WaitForAsync("registration.registering", Station, s_wait);
            var registered = await events.WaitForAsync("registration.registered", Station, s_wait);
            var data = registered.Json.GetProperty("data");
            Assert.InRange(data.GetProperty("expiresIn").GetInt32(), 60, 3600);
            Assert.Equal("T. alice", data.GetProperty("user").GetString());

            var contacts = await fixture.Server.GetContactsAsync("alice");
            var contact = Assert.Single(contacts);
            var sip = (await Gateway.GetStatusAsync()).GetProperty("sip");
            Assert.StartsWith("sip:fm-", contact, StringComparison.Ordinal);
            Assert.EndsWith("@" + sip.GetProperty("contact").GetString(), contact, StringComparison.Ordinal);

            var account = Assert.Single(StationStatus(await Gateway.GetStatusAsync()).GetProperty("accounts").EnumerateArray());
            Assert.Equal("T. alice", account.GetProperty("user").GetString());
            Assert.Equal(SipGatewayFixture.AliceNumber, account.GetProperty("number").GetString());
            Assert.Equal("registered", account.GetProperty("registration").GetProperty("state").GetString());
            Assert.InRange(account.GetProperty("registration").GetProperty("expiresInSeconds").GetInt32(), 1, 3600);
            Assert.DoesNotContain("secret", account.GetRawText(), StringComparison.Ordinal);
            Assert.Equal(["T. alice", SipGatewayFixture.AliceNumber], Display(await Gateway.GetStatusAsync()));
        }
        finally
        {
            await connection.DisposeAsync();
        }

        await events.WaitForAsync("card.removed", Station, s_wait);
        var unregistered = await events.WaitForAsync("registration.unregistered", Station, s_wait);
        Assert.Equal(200, unregistered.Json.GetProperty("data").GetProperty("status").GetInt32());
        Assert.Empty(await fixture.Server.GetContactsAsync("alice"));
        Assert.Empty(StationStatus(await Gateway.GetStatusAsync()).GetProperty("accounts").EnumerateArray());
    }

    [Theory]
    [InlineData("alice", "wrong-password")]
    [InlineData("mallory", "secret")]
    public async Task Refused_403_DisplaySaysCardRefused_AndNoTightRetryLoop(string user, string password)
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        var card = SipCards.For(user, password, fixture.Server.Realm, "+15557770000");
        var connection = await SipCards.InsertAsync(card);
        IReadOnlyList<SseMessage> seen;
        try
        {
            var failed = await events.WaitForAsync("registration.failed", Station, s_wait);
            var data = failed.Json.GetProperty("data");
            Assert.Equal(403, data.GetProperty("status").GetInt32());
            var retryAt = DateTimeOffset.Parse(data.GetProperty("retryAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(retryAt > DateTimeOffset.UtcNow + TimeSpan.FromMinutes(4), $"retry at {retryAt:O}");
            Assert.Equal("Card refused", Display(await Gateway.GetStatusAsync())[1]);

            // Three seconds is three short retries' worth: a refused card must not be among them.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal("failed", Assert.Single(StationStatus(await Gateway.GetStatusAsync()).GetProperty("accounts").EnumerateArray())
                .GetProperty("registration").GetProperty("state").GetString());
        }
        finally
        {
            await connection.DisposeAsync();
        }

        seen = await events.ReadUntilAsync("card.removed", Station, s_wait);
        Assert.DoesNotContain(seen, m => m.Type == "registration.registering");
        Assert.Empty(await fixture.Server.GetContactsAsync(user));
    }

    [Fact]
    public async Task CallArrivingJustAfterRemoval_Gets480()
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        var card = SipCards.For("bob", "secret", fixture.Server.Realm, SipGatewayFixture.BobNumber);
        var connection = await SipCards.InsertAsync(card);
        string contact;
        try
        {
            await events.WaitForAsync("registration.registered", Station, s_wait);
            contact = Assert.Single(await fixture.Server.GetContactsAsync("bob"));
        }
        finally
        {
            await connection.DisposeAsync();
        }

        await using var caller = await TestCaller.StartAsync();
        await events.WaitForAsync("card.removed", Station, s_wait);
        await Task.Delay(50);

        var end = await caller.CallAsync(contact, s_wait);

        Assert.Equal(480, end.StatusCode);
        await events.WaitForAsync("registration.unregistered", Station, s_wait);
    }

    internal static JsonElement StationStatus(JsonElement status) =>
        status.GetProperty("stations").EnumerateArray().Single(s => s.GetProperty("id").GetString() == Station);

    internal static string[] Display(JsonElement status) =>
        [.. StationStatus(status).GetProperty("display").EnumerateArray().Select(l => l.GetString()!.TrimEnd())];
}
