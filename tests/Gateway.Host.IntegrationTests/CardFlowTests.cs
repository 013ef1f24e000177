using System.Net;
using System.Text.Json;
using Gateway.Host.Cards;
using Gateway.VirtualCard;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// A virtual card inserted through the bench route into a vpcd reader of the real pcscd, read by the real gateway
/// process, with the PIN typed through the bench keypad route; seen only through the public API.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class CardFlowTests(PcscdFixture pcscd, CardGatewayFixture fixture) : IClassFixture<CardGatewayFixture>
{
    private const string Pin = "2468";
    private static readonly string s_exampleCard = Path.Combine(RepoPaths.Root, "tools", "virtual-card", "cards", "example-applet.json");

    private GatewayProcess Gateway => fixture.Gateway;

    [Fact]
    public async Task ExampleCard_RightPinThenRemoved_ReadyWithUserInStatusThenWiped()
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        try
        {
            await InsertAsync("0", s_exampleCard);
            var inserted = await events.WaitForAsync("card.inserted", "station-1");
            Assert.Equal(PcscdFixture.Reader0, Data(inserted).GetProperty("reader").GetString());
            var pin = await events.WaitForAsync("card.pin", "station-1");
            Assert.Equal(3, Data(pin).GetProperty("triesLeft").GetInt32());
            await WaitForDisplayAsync(events, "Enter PIN");

            await PressAsync(Pin + "#");

            var ready = await events.WaitForAsync("card.ready", "station-1");
            Assert.Equal("T. Raveller", Data(ready).GetProperty("user").GetString());
            Assert.Equal("+351211234567", Data(ready).GetProperty("number").GetString());
            Assert.DoesNotContain(Pin, ready.Json.GetRawText(), StringComparison.Ordinal);
            var reader = await ReaderStatusAsync();
            Assert.True(reader.GetProperty("cardPresent").GetBoolean());
            Assert.Equal("T. Raveller", reader.GetProperty("user").GetString());
            Assert.Equal("+351211234567", reader.GetProperty("number").GetString());
            var station = await StationStatusAsync();
            Assert.Equal(string.Empty, station.GetProperty("digits").GetString());
            Assert.Contains("T. Raveller", station.GetProperty("display")[0].GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await RemoveAsync("0");
        }

        await events.WaitForAsync("card.removed", "station-1");
        var after = await ReaderStatusAsync();
        Assert.False(after.GetProperty("cardPresent").GetBoolean());
        Assert.False(after.TryGetProperty("user", out _));
        Assert.False(after.TryGetProperty("number", out _));

        // The PIN went to the prompt, not to the dialler: no key event was ever published for it.
        await using var replay = await SseClient.ConnectAsync(Gateway.Http, "/api/events?replay=200");
        await Assert.ThrowsAsync<TimeoutException>(() => replay.WaitForAsync("key", "station-1", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task CardReinsertedAtOnce_WhileThePreviousSessionIsStillBeingWiped_SecondCardStillWorks()
    {
        // The first session is wiped only after its unregister (bounded, and unanswered here), so its stale PC/SC
        // handle is released while the second card waits for its PIN. Releasing it with a reset used to reset the
        // second card under the prompt; its VERIFY then failed.
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        try
        {
            await InsertAsync("0", s_exampleCard);
            await events.WaitForAsync("card.pin", "station-1");
            await PressAsync(Pin + "#");
            await events.WaitForAsync("card.ready", "station-1");
            await RemoveAsync("0");
            await events.WaitForAsync("card.removed", "station-1");

            await InsertAsync("0", s_exampleCard);
            await events.WaitForAsync("card.pin", "station-1");
            await events.WaitForAsync("registration.unregistered", "station-1");
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            await PressAsync(Pin + "#");

            var ready = await events.WaitForAsync("card.ready", "station-1");
            Assert.Equal("T. Raveller", Data(ready).GetProperty("user").GetString());
        }
        finally
        {
            await RemoveAsync("0");
        }

        await events.WaitForAsync("card.removed", "station-1");
    }

    [Fact]
    public async Task ThreeWrongPins_OnOneCard_BlockIt_AndTheDisplaySaysSo()
    {
        // One card object across three insertions, so its PIN counter carries over as a real card's does.
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        var card = await VirtualCard.VirtualCard.LoadAsync(s_exampleCard);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await using (await VirtualCardConnection.ConnectAsync(card, "127.0.0.1", BenchCardReaders.FirstVpcdPort, default))
            {
                var prompt = await events.WaitForAsync("card.pin", "station-1");
                Assert.Equal(4 - attempt, Data(prompt).GetProperty("triesLeft").GetInt32());
                await PressAsync("1111#");

                var rejected = await events.WaitForAsync("card.rejected", "station-1");
                Assert.Equal(attempt < 3 ? "pin-wrong" : "pin-blocked", Data(rejected).GetProperty("reason").GetString());
                await WaitForDisplayAsync(events, attempt < 3 ? "Wrong PIN" : "Card blocked");
            }

            await events.WaitForAsync("card.removed", "station-1");
        }

        // Blocked for good: even the right PIN is never asked for again.
        await using (await VirtualCardConnection.ConnectAsync(card, "127.0.0.1", BenchCardReaders.FirstVpcdPort, default))
        {
            var rejected = await events.WaitForAsync("card.rejected", "station-1");
            Assert.Equal("pin-blocked", Data(rejected).GetProperty("reason").GetString());
            await WaitForDisplayAsync(events, "Card blocked");
            Assert.False((await ReaderStatusAsync()).TryGetProperty("user", out _));
        }

        await events.WaitForAsync("card.removed", "station-1");
    }

    [Fact]
    public async Task ExampleCard_WrongPin_RejectedWithTriesLeft()
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        try
        {
            await InsertAsync(PcscdFixture.Reader0, s_exampleCard);
            await events.WaitForAsync("card.pin", "station-1");

            await PressAsync("1111#");

            var rejected = await events.WaitForAsync("card.rejected", "station-1");
            Assert.Equal("pin-wrong", Data(rejected).GetProperty("reason").GetString());
            Assert.Equal(2, Data(rejected).GetProperty("triesLeft").GetInt32());
            await WaitForDisplayAsync(events, "Wrong PIN");
            Assert.False((await ReaderStatusAsync()).TryGetProperty("user", out _));
        }
        finally
        {
            await RemoveAsync("0");
        }

        await events.WaitForAsync("card.removed", "station-1");
    }

    [Fact]
    public async Task CardWithoutApplet_RejectedNotSupported_AndSaysSoOnDisplay()
    {
        pcscd.EnsureRunning();
        var file = Path.Combine(Gateway.LogDirectory, "foreign-card.json");
        var example = await File.ReadAllTextAsync(s_exampleCard);
        await File.WriteAllTextAsync(file, example.Replace("\"kind\": \"Applet\"", "\"kind\": \"None\"", StringComparison.Ordinal));
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        try
        {
            await InsertAsync("0", file);

            await events.WaitForAsync("card.inserted", "station-1");
            var rejected = await events.WaitForAsync("card.rejected", "station-1");
            Assert.Equal("not-supported", Data(rejected).GetProperty("reason").GetString());
            Assert.False(Data(rejected).TryGetProperty("triesLeft", out _));
            await WaitForDisplayAsync(events, "Card not supported");
        }
        finally
        {
            await RemoveAsync("0");
        }

        await events.WaitForAsync("card.removed", "station-1");
        Assert.False((await ReaderStatusAsync()).GetProperty("cardPresent").GetBoolean());
    }

    [Fact]
    public async Task SecondReader_RoutesToItsStation()
    {
        pcscd.EnsureRunning();
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        try
        {
            using var response = await Gateway.PostJsonAsync("/api/bench/readers/Virtual%20PCD%2000%2001/card", CardBody(s_exampleCard));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("station-2", body.RootElement.GetProperty("station").GetString());

            var pin = await events.WaitForAsync("card.pin", "station-2");
            Assert.Equal(PcscdFixture.Reader1, Data(pin).GetProperty("reader").GetString());
        }
        finally
        {
            await RemoveAsync("1");
        }

        await events.WaitForAsync("card.removed", "station-2");
    }

    [Fact]
    public async Task BenchCardRoutes_BadRequests_AnswerWithProblemJson()
    {
        pcscd.EnsureRunning();
        var invalid = Path.Combine(Gateway.LogDirectory, "not-a-card.json");
        await File.WriteAllTextAsync(invalid, "{ this is not json");
        await AssertProblemAsync(await Gateway.PostJsonAsync("/api/bench/readers/7/card", CardBody(s_exampleCard)), 404);
        await AssertProblemAsync(await Gateway.PostJsonAsync("/api/bench/readers/No%20Such%20Reader/card", CardBody(s_exampleCard)), 404);
        await AssertProblemAsync(await Gateway.PostJsonAsync("/api/bench/readers/0/card", CardBody("/no/such/card.json")), 400);
        await AssertProblemAsync(await Gateway.PostJsonAsync("/api/bench/readers/0/card", CardBody(invalid)), 400);
        await AssertProblemAsync(await Gateway.PostJsonAsync("/api/bench/readers/0/card", "{}"), 400);
        await AssertProblemAsync(await Gateway.Http.DeleteAsync("/api/bench/readers/0/card"), 409);

        // The conflict checks use the second reader (station-2): the first one was just used by the tests before,
        // and right after a card leaves it vpcd has been seen taking more than 30 s on a loaded CI machine to
        // report the next one (quick re-insertion in one reader is covered by CardReinsertedAtOnce and CardLatencyTests).
        await using var events = await SseClient.ConnectAsync(Gateway.Http);
        try
        {
            await InsertAsync("1", s_exampleCard);
            await AssertProblemAsync(await Gateway.PostJsonAsync("/api/bench/readers/1/card", CardBody(s_exampleCard)), 409);

            // Pulled only once pcscd has seen it, so the removal is an event too.
            try
            {
                await events.WaitForAsync("card.pin", "station-2", TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException ex)
            {
                var log = Gateway.Output;
                throw new TimeoutException($"{ex.Message}\ngateway output (last 4000 chars):\n{log[Math.Max(0, log.Length - 4000)..]}", ex);
            }
        }
        finally
        {
            await RemoveAsync("1");
        }

        await events.WaitForAsync("card.removed", "station-2");
    }

    private static JsonElement Data(SseMessage message) => message.Json.GetProperty("data");

    private static string CardBody(string path) => JsonSerializer.Serialize(new Dictionary<string, string> { ["cardFile"] = path });

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        using (response)
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        }
    }

    private static async Task WaitForDisplayAsync(SseClient events, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var display = await events.WaitForAsync("display", "station-1", deadline - DateTime.UtcNow);
            // Lines are padded to the display width and a long message wraps: compare the words only.
            var shown = string.Join(' ', Data(display).GetProperty("text").GetString()!.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
            if (shown.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    private async Task InsertAsync(string reader, string cardFile)
    {
        using var response = await Gateway.PostJsonAsync($"/api/bench/readers/{Uri.EscapeDataString(reader)}/card", CardBody(cardFile));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task RemoveAsync(string reader)
    {
        using var response = await Gateway.Http.DeleteAsync($"/api/bench/readers/{reader}/card");
    }

    private async Task PressAsync(string keys)
    {
        using var response = await Gateway.PostJsonAsync("/api/bench/stations/station-1/keys", $$"""{"keys":"{{keys}}","interKeyDelayMs":60}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> StationStatusAsync()
    {
        var status = await Gateway.GetStatusAsync();
        return status.GetProperty("stations").EnumerateArray().First(s => s.GetProperty("id").GetString() == "station-1");
    }

    private async Task<JsonElement> ReaderStatusAsync() => (await StationStatusAsync()).GetProperty("readers")[0];
}
