using System.Net;
using System.Text.Json;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The routes the status page adds: the page itself, the bench ring, the card file list, and the bell's on/off
/// events, over plain HTTP against the real gateway.
/// </summary>
public sealed class StatusPageRouteTests(BenchGatewayFixture fixture) : IClassFixture<BenchGatewayFixture>
{
    [Fact]
    public async Task Root_ServesTheEmbeddedPage_AndItsScriptAndStyle()
    {
        var http = fixture.Gateway.Http;

        using var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Gateway status</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        using var script = await http.GetAsync("/app.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        using var style = await http.GetAsync("/app.css");
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);

        // Anything else is still the API's 404 problem, traversal attempts included.
        foreach (var path in new[] { "/nope.html", "/..%2F..%2Fetc%2Fpasswd", "/StatusPage/index.html" })
        {
            using var missing = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/api/bench/stations/station-1/ring", "{\"cadence\":\"no-such-cadence\"}", 400)]
    [InlineData("/api/bench/stations/station-1/ring", "{\"cadence\":", 400)]
    [InlineData("/api/bench/stations/station-1/ring", "{\"typo\":1}", 400)]
    [InlineData("/api/bench/stations/no-such-station/ring", "{}", 404)]
    public async Task Ring_BadInput_AnswersWithProblemJson(string path, string body, int expectedStatus)
    {
        using var response = await fixture.Gateway.PostJsonAsync(path, body);

        Assert.Equal(expectedStatus, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CardList_FolderMissing_Is404Problem()
    {
        // The fixture's gateway runs in a temp folder, where the default relative card folder does not exist.
        using var response = await fixture.Gateway.Http.GetAsync("/api/bench/cards");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("No card folder", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task CardList_ListsTheFolder_AndRingFollowsTheCadenceOnTheEventStream()
    {
        var cards = Path.Combine(RepoPaths.Root, "tools", "virtual-card", "cards");
        await using var gateway = await GatewayProcess.StartAsync(extraArgs: $"--Gateway:Cards:BenchCardDirectory={cards}");

        var list = JsonDocument.Parse(await gateway.Http.GetStringAsync("/api/bench/cards")).RootElement;
        var expected = Directory.GetFiles(cards, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, list.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList());
        Assert.All(list.EnumerateArray(), f => Assert.Equal(Path.Combine(cards, f.GetProperty("name").GetString()!), f.GetProperty("cardFile").GetString()));

        await using var events = await SseClient.ConnectAsync(gateway.Http);
        using (var ring = await gateway.PostJsonAsync("/api/bench/stations/station-2/ring", "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, ring.StatusCode);
        }

        // The bell is energised inside Ring, so its first 'on' comes just before ring.start.
        var bells = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            var bell = await events.WaitForAsync("ring.bell", "station-2", TimeSpan.FromSeconds(10));
            bells.Add(bell.Json.GetProperty("data").GetProperty("on").GetBoolean());
        }

        Assert.Equal([true, false, true], bells);
        await using (var replay = await SseClient.ConnectAsync(gateway.Http, "/api/events?replay=100"))
        {
            var start = await replay.WaitForAsync("ring.start", "station-2");
            Assert.Equal("distinctive-1", start.Json.GetProperty("data").GetProperty("cadence").GetString());
        }

        using (var stop = await gateway.Http.DeleteAsync("/api/bench/stations/station-2/ring"))
        {
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        }

        await events.WaitForAsync("ring.stop", "station-2");
        using (var lift = await gateway.PostJsonAsync("/api/bench/stations/station-2/hook", """{"offHook":true}"""))
        {
            Assert.Equal(HttpStatusCode.OK, lift.StatusCode);
        }

        await events.WaitForAsync("hook.off", "station-2");

        // An off-hook station is not rung (the bell would ring in the user's ear): 409.
        using var refused = await gateway.PostJsonAsync("/api/bench/stations/station-2/ring", "{}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }
}
