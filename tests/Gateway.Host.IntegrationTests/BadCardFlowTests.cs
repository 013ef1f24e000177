using System.Net;
using System.Text.Json;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// Bad cards read by the real gateway over pcscd: each is refused with its reason on the SSE stream and a message on
/// the station's display, never accepted, and the removal still wipes the reader.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class BadCardFlowTests(PcscdFixture pcscd, CardGatewayFixture fixture) : IClassFixture<CardGatewayFixture>
{
    private const string Station = "station-1";

    private GatewayProcess Gateway => fixture.Gateway;

    [Theory]
    [InlineData("truncated-tlv", "\"kind\": \"Applet\",", "\"kind\": \"Applet\", \"recordOverrideHex\": \"E105DF010101DF\",", "corrupt-profile", "Card unreadable")]
    [InlineData("missing-realm", "\"realm\": \"voip.example\"", "\"realm\": \"\"", "missing-field:realm", "Card unreadable")]
    [InlineData("expired", "\"expiry\": \"2099-01-01\"", "\"expiry\": \"2020-01-01\"", "expired", "Card expired")]
    [InlineData("pin-blocked", "\"pinTriesLeft\": 3", "\"pinTriesLeft\": 0", "pin-blocked", "Card blocked")]
    public async Task BadCard_Inserted_RejectedWithReasonAndDisplayMessage(string name, string find, string replace, string reason, string display)
    {
        pcscd.EnsureRunning();
        var example = await File.ReadAllTextAsync(TestCards.ExamplePath);
        Assert.Contains(find, example, StringComparison.Ordinal);
        var file = Path.Combine(Gateway.LogDirectory, $"{name}.json");
        var card = example.Replace(find, replace, StringComparison.Ordinal);
        if (reason != "pin-blocked")
        {
            // The profile is read only after the PIN; without one the bad record is reached with no keypad typing.
            card = card.Replace("\"pin\": \"2468\"", "\"pin\": null", StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(file, card);
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        try
        {
            using (var response = await Gateway.PostJsonAsync("/api/bench/readers/0/card", JsonSerializer.Serialize(new Dictionary<string, string> { ["cardFile"] = file })))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }

            var rejected = await events.WaitForAsync("card.rejected", Station);
            Assert.Equal(reason, rejected.Json.GetProperty("data").GetProperty("reason").GetString());
            await WaitForDisplayAsync(events, display);
            var reader = await ReaderStatusAsync();
            Assert.True(reader.GetProperty("cardPresent").GetBoolean());
            Assert.False(reader.TryGetProperty("user", out _));
        }
        finally
        {
            using var removed = await Gateway.Http.DeleteAsync("/api/bench/readers/0/card");
        }

        await events.WaitForAsync("card.removed", Station);
        Assert.False((await ReaderStatusAsync()).GetProperty("cardPresent").GetBoolean());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task CardPulledWhileApduInFlight_OnlyRemoved_NeverRejectedOrNotSupported(int pullAtApdu)
    {
        pcscd.EnsureRunning();
        var example = await File.ReadAllTextAsync(TestCards.ExamplePath);
        var file = Path.Combine(Gateway.LogDirectory, $"pulled-at-{pullAtApdu}.json");

        // APDU 1 is SELECT, APDU 2 (no PIN on this card) the first READ RECORD.
        await File.WriteAllTextAsync(file, example
            .Replace("\"pin\": \"2468\"", "\"pin\": null", StringComparison.Ordinal)
            .Replace("\"kind\": \"Applet\",", $"\"kind\": \"Applet\", \"pullAtApdu\": {pullAtApdu},", StringComparison.Ordinal));
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        IReadOnlyList<SseMessage> seen;
        try
        {
            using (var response = await Gateway.PostJsonAsync("/api/bench/readers/0/card", JsonSerializer.Serialize(new Dictionary<string, string> { ["cardFile"] = file })))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }

            seen = await events.ReadUntilAsync("card.removed", Station, TimeSpan.FromSeconds(10));
        }
        finally
        {
            using var removed = await Gateway.Http.DeleteAsync("/api/bench/readers/0/card");
        }

        Assert.Contains(seen, m => m.Type == "card.inserted");
        Assert.DoesNotContain(seen, m => m.Type is "card.rejected" or "card.ready");
        Assert.DoesNotContain(seen, m => m.Type == "display" && m.Json.GetProperty("data").GetProperty("text").GetString()!.Contains("supported", StringComparison.Ordinal));
        Assert.False((await ReaderStatusAsync()).GetProperty("cardPresent").GetBoolean());
    }

    private static async Task WaitForDisplayAsync(SseClient events, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var display = await events.WaitForAsync("display", Station, deadline - DateTime.UtcNow);
            var shown = string.Join(' ', display.Json.GetProperty("data").GetProperty("text").GetString()!.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
            if (shown.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    private async Task<JsonElement> ReaderStatusAsync()
    {
        var status = await Gateway.GetStatusAsync();
        return status.GetProperty("stations").EnumerateArray().First(s => s.GetProperty("id").GetString() == Station).GetProperty("readers")[0];
    }
}
