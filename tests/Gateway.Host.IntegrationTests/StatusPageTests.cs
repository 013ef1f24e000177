using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The status page in real headless Chromium (see <see cref="StatusPageBrowser"/>) against the real gateway on the
/// bench board.
/// </summary>
public sealed class StatusPageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task BenchHandset_OffHookAndKeys_ChangeStationStateAndListEvents()
    {
        await using var gateway = await StartGatewayAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatusPageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(gateway.Http.BaseAddress!.ToString());

        await Assertions.Expect(page.Locator("#link")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.Locator("#device-board")).ToHaveTextAsync("bench (simulated)");
        var station1 = page.Locator("article[data-station='station-1']");
        var station2 = page.Locator("article[data-station='station-2']");
        await Assertions.Expect(station1.Locator(".lcd")).ToContainTextAsync("Insert card");
        await Assertions.Expect(station1.Locator("[data-field=hook]")).ToHaveTextAsync("On-hook");
        await Assertions.Expect(station1.Locator(".bench")).ToBeVisibleAsync();

        // Off-hook: the button is a real button found by its accessible name.
        await station1.GetByRole(AriaRole.Button, new() { Name = "Lift handset (off-hook)" }).ClickAsync();
        await Assertions.Expect(station1.Locator("[data-field=hook]")).ToHaveTextAsync("Off-hook");
        await Assertions.Expect(station1.GetByRole(AriaRole.Button, new() { Name = "Hang up (on-hook)" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#events li[data-type='hook.off']")).ToContainTextAsync("station-1");
        await Assertions.Expect(page.Locator("#announcer")).ToContainTextAsync("Bench station 1: off-hook");

        foreach (var key in "555")
        {
            await station1.GetByRole(AriaRole.Button, new() { Name = $"Key {key}", Exact = true }).ClickAsync();
        }

        await Assertions.Expect(station1.Locator("[data-field=call]")).ToHaveTextAsync("Dialling 555");
        await Assertions.Expect(page.Locator("#events li[data-type='key']")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#events li[data-type='key']").First).ToContainTextAsync("key=5 source=keypad");
        var status = await gateway.GetStatusAsync();
        Assert.Equal("555", status.GetProperty("stations")[0].GetProperty("digits").GetString());

        // The ring indicator follows the bell's cadence: it has to be seen both lit and dark while ringing.
        await station2.GetByRole(AriaRole.Button, new() { Name = "Ring (incoming call)" }).ClickAsync();
        await Assertions.Expect(station2.Locator("[data-field=call]")).ToContainTextAsync("ringing (distinctive-1)");
        await Assertions.Expect(station2.Locator(".bell.on")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(station2.Locator(".bell.ringing:not(.on)")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(station2.Locator(".bell.on")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#events li[data-type='ring.start']")).ToContainTextAsync("cadence=distinctive-1");

        // A refused bench action is one line on the page, not an alert().
        page.Dialog += (_, dialog) => Assert.Fail($"the page opened a dialog: {dialog.Message}");
        await station1.GetByRole(AriaRole.Button, new() { Name = "Ring (incoming call)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error-text")).ToContainTextAsync("Handset off-hook");

        var wide = await StatusPageBrowser.SaveScreenshotAsync(page, "webpage.png");
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(station1.Locator(".keypad")).ToBeVisibleAsync();
        var narrow = await StatusPageBrowser.SaveScreenshotAsync(page, "webpage-narrow.png");
        output.WriteLine($"screenshots: {wide} {narrow}");

        await station2.GetByRole(AriaRole.Button, new() { Name = "Stop ringing" }).ClickAsync();
        await Assertions.Expect(station2.Locator(".bell.ringing")).ToHaveCountAsync(0);
        await station1.GetByRole(AriaRole.Button, new() { Name = "Hang up (on-hook)" }).ClickAsync();
        await Assertions.Expect(station1.Locator("[data-field=hook]")).ToHaveTextAsync("On-hook");
        await Assertions.Expect(page.Locator("#events li[data-type='hook.on']")).ToContainTextAsync("station-1");
    }

    [Fact]
    public async Task EventStream_GatewayGone_ShowsDisconnectedAndKeepsRetrying()
    {
        await using var gateway = await StartGatewayAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatusPageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(gateway.Http.BaseAddress!.ToString());
        await Assertions.Expect(page.Locator("#link")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.Locator("select.card-file").First).ToContainTextAsync("example-applet.json");

        await gateway.StopAsync(TimeSpan.FromSeconds(20));
        await Assertions.Expect(page.Locator("#link")).ToHaveAttributeAsync("data-state", "down");
        await Assertions.Expect(page.Locator("#link")).ToContainTextAsync(new Regex("disconnected.*retrying"));

        // A bench action with the gateway gone is an error line too.
        await page.Locator("article[data-station='station-1']").GetByRole(AriaRole.Button, new() { Name = "Key 1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-text")).ToContainTextAsync("did not answer");
    }

    private static Task<GatewayProcess> StartGatewayAsync() =>
        GatewayProcess.StartAsync(extraArgs: $"--Gateway:Cards:BenchCardDirectory={Path.Combine(RepoPaths.Root, "tools", "virtual-card", "cards")}");
}
