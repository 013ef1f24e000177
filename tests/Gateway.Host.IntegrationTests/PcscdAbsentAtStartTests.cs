using System.Globalization;
using System.Text.RegularExpressions;
using Gateway.Host.Cards;
using Gateway.VirtualCard;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The real gateway started while no pcscd runs: it reports the card service unavailable, keeps retrying with a
/// growing backoff without failing, and once pcscd comes up it reports the service available and reads a card.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed partial class PcscdAbsentAtStartTests(PcscdFixture pcscd)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Gateway_StartedWithoutPcscd_ReportsUnavailableRetriesThenServesCardOncePcscdStarts()
    {
        pcscd.EnsureRunning();
        Assert.True(pcscd.OwnsDaemon, "This test stops pcscd, so it needs the fixture's own daemon: stop the externally started pcscd and rerun.");
        await pcscd.StopDaemonAsync();
        try
        {
            await using var gateway = await GatewayProcess.StartAsync("bench", true, "--Gateway:Cards:Enabled=true");
            await using var events = await SseClient.ConnectAsync(gateway.Http, "/api/events?replay=200");
            var first = await events.WaitForAsync("card.service", timeout: s_wait);
            Assert.False(Available(first));

            // Several retries, each waiting longer than the last, and the gateway still serving its API.
            var delays = await WaitForRetriesAsync(gateway, 3);
            Assert.True(delays[1] > delays[0] && delays[2] > delays[1], $"backoff did not grow: {string.Join(", ", delays)}");
            Assert.False(gateway.HasExited);
            var cards = (await gateway.GetStatusAsync()).GetProperty("cards");
            Assert.True(cards.GetProperty("enabled").GetBoolean());
            Assert.False(cards.GetProperty("available").GetBoolean());
            Assert.Contains("0x8010001D", cards.GetProperty("detail").GetString(), StringComparison.Ordinal);

            Assert.Null(await pcscd.RestartDaemonAsync());
            var back = await events.WaitForAsync("card.service", timeout: s_wait);
            Assert.True(Available(back));
            var cardsBack = (await gateway.GetStatusAsync()).GetProperty("cards");
            Assert.True(cardsBack.GetProperty("available").GetBoolean());
            Assert.False(cardsBack.TryGetProperty("detail", out _));

            await using (await VirtualCardConnection.ConnectAsync(VirtualCard.VirtualCard.Create(await TestCards.NoPinAsync()), "127.0.0.1", BenchCardReaders.FirstVpcdPort, default))
            {
                var ready = await events.WaitForAsync("card.ready", "station-1", s_wait);
                Assert.Equal("T. Raveller", ready.Json.GetProperty("data").GetProperty("user").GetString());
            }

            await events.WaitForAsync("card.removed", "station-1", s_wait);
            Assert.DoesNotContain("Card service failed", gateway.Output, StringComparison.Ordinal);
        }
        finally
        {
            // The rest of the collection needs pcscd back whatever happened here.
            if (!pcscd.IsDaemonRunning)
            {
                Assert.Null(await pcscd.RestartDaemonAsync());
            }
        }
    }

    private static bool Available(SseMessage message) => message.Json.GetProperty("data").GetProperty("available").GetBoolean();

    private static async Task<TimeSpan[]> WaitForRetriesAsync(GatewayProcess gateway, int count)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (true)
        {
            var delays = RetryLine().Matches(gateway.Output).Select(m => TimeSpan.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
            if (delays.Length >= count)
            {
                return delays;
            }

            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} pcscd retries logged:\n{gateway.Output}");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"pcscd unavailable \(.*?\); retrying in (\d\d:\d\d:\d\d(?:\.\d+)?)")]
    private static partial Regex RetryLine();
}
