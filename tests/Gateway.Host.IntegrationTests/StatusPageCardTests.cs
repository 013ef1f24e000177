using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// A virtual card chosen from GET /api/bench/cards, inserted and removed from the status page in headless Chromium,
/// with the real pcscd and vpcd reader behind the gateway: the card.* events, the PIN prompt on the display and the
/// accepted card's user are seen on the page.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class StatusPageCardTests(PcscdFixture pcscd, ITestOutputHelper output)
{
    [Fact]
    public async Task CardFromThePage_InsertTypePinRemove_EventsDisplayAndCardFollow()
    {
        pcscd.EnsureRunning();
        var cards = Path.Combine(RepoPaths.Root, "tools", "virtual-card", "cards");
        await using var gateway = await GatewayProcess.StartAsync("bench", true, "--Gateway:Cards:Enabled=true", $"--Gateway:Cards:BenchCardDirectory={cards}");
        await using (var events = await SseClient.ConnectAsync(gateway.Http, "/api/events?replay=200"))
        {
            while (!(await events.WaitForAsync("card.service", timeout: TimeSpan.FromSeconds(20))).Json.GetProperty("data").GetProperty("available").GetBoolean())
            {
            }
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatusPageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.Dialog += (_, dialog) => Assert.Fail($"the page opened a dialog: {dialog.Message}");
        await page.GotoAsync(gateway.Http.BaseAddress!.ToString());
        await Assertions.Expect(page.Locator("#link")).ToHaveAttributeAsync("data-state", "live");
        var station1 = page.Locator("article[data-station='station-1']");
        await Assertions.Expect(station1.Locator("[data-field=card]")).ToHaveTextAsync("No card");
        await Assertions.Expect(station1.GetByRole(AriaRole.Button, new() { Name = "Remove card" })).ToBeDisabledAsync();

        await station1.GetByLabel("Card file").SelectOptionAsync(new SelectOptionValue { Label = "example-applet.json" });
        await station1.GetByRole(AriaRole.Button, new() { Name = "Insert card" }).ClickAsync();

        try
        {
            await Assertions.Expect(page.Locator("#events li[data-type='card.inserted']")).ToContainTextAsync("station-1", new() { Timeout = 30_000 });
            await Assertions.Expect(station1.Locator(".lcd")).ToContainTextAsync("Enter PIN", new() { Timeout = 30_000 });
            await Assertions.Expect(station1.Locator("[data-field=card]")).ToHaveTextAsync("Card in, not accepted yet");
            await Assertions.Expect(page.Locator("#events li[data-type='card.pin']")).ToContainTextAsync("triesLeft=3");

            foreach (var key in "2468")
            {
                await station1.GetByRole(AriaRole.Button, new() { Name = $"Key {key}", Exact = true }).ClickAsync();
            }

            await Assertions.Expect(station1.Locator(".lcd")).ToContainTextAsync("Enter PIN ****");
            await station1.GetByRole(AriaRole.Button, new() { Name = "Key #", Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator("#events li[data-type='card.ready']")).ToContainTextAsync("T. Raveller", new() { Timeout = 20_000 });
            await Assertions.Expect(station1.Locator("[data-field=card]")).ToHaveTextAsync("T. Raveller (+351211234567)");
            await Assertions.Expect(station1.GetByRole(AriaRole.Button, new() { Name = "Insert card" })).ToBeDisabledAsync();
            await Assertions.Expect(station1.Locator(".lcd")).ToContainTextAsync("T. Raveller");
            await Assertions.Expect(page.Locator("#announcer")).ToContainTextAsync("Bench station 1: card accepted");

            // The PIN went to the card, never to the page: no key event lists it and no event row shows it.
            await Assertions.Expect(page.Locator("#events li[data-type='key']")).ToHaveCountAsync(0);
            Assert.DoesNotContain("2468", await page.Locator("#events").InnerTextAsync(), StringComparison.Ordinal);
            output.WriteLine($"screenshot: {await StatusPageBrowser.SaveScreenshotAsync(page, "webpage-card.png")}");
            await station1.GetByRole(AriaRole.Button, new() { Name = "Remove card" }).ClickAsync();
        }
        catch
        {
            // The reader is shared with the other pcscd tests: never leave a card in it.
            using var _ = await gateway.Http.DeleteAsync(new Uri("/api/bench/readers/0/card", UriKind.Relative));
            throw;
        }

        await Assertions.Expect(page.Locator("#events li[data-type='card.removed']")).ToContainTextAsync("station-1");
        await Assertions.Expect(station1.Locator("[data-field=card]")).ToHaveTextAsync("No card");
        await Assertions.Expect(station1.Locator(".lcd")).ToContainTextAsync("Insert card");
        await Assertions.Expect(station1.GetByRole(AriaRole.Button, new() { Name = "Remove card" })).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#error")).ToBeHiddenAsync();
        await Assertions.Expect(station1.GetByRole(AriaRole.Button, new() { Name = "Insert card" })).ToBeEnabledAsync();
    }
}
