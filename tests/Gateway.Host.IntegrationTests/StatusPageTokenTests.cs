using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The status page against a gateway whose API needs a bearer token (Gateway:Api:BearerToken): the page asks for it,
/// says when it is refused, and with the right one works as usual, bench actions included.
/// </summary>
public sealed class StatusPageTokenTests(ITestOutputHelper output)
{
    private const string Token = "bench-token-7Qz3-0123456789";

    [Fact]
    public async Task TokenProtectedApi_PageAsksForToken_RefusesWrongOne_WorksWithRightOne()
    {
        await using var gateway = await StartWithTokenAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatusPageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(gateway.Http.BaseAddress!.ToString());

        var form = page.Locator("#token-form");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#link")).ToHaveTextAsync("Waiting for the API token…");
        await Assertions.Expect(page.Locator("#error")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("article.station")).ToHaveCountAsync(0);

        await page.GetByLabel("enter its bearer token").FillAsync("wrong-token-0123456789");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use token" }).ClickAsync();
        await Assertions.Expect(page.Locator("#token-note")).ToContainTextAsync("refused that token");
        await Assertions.Expect(form).ToBeVisibleAsync();
        output.WriteLine($"screenshot: {await StatusPageBrowser.SaveScreenshotAsync(page, "webpage-token.png")}");

        await page.GetByLabel("enter its bearer token").FillAsync(Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use token" }).ClickAsync();
        await Assertions.Expect(form).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#link")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.Locator("#device-board")).ToHaveTextAsync("bench (simulated)");
        var station1 = page.Locator("article[data-station='station-1']");
        await station1.GetByRole(AriaRole.Button, new() { Name = "Lift handset (off-hook)" }).ClickAsync();
        await Assertions.Expect(station1.Locator("[data-field=hook]")).ToHaveTextAsync("Off-hook");
        await Assertions.Expect(page.Locator("#events li[data-type='hook.off']")).ToContainTextAsync("station-1");

        // Kept for the tab (a reload asks no more), and never put into the address.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#link")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(form).ToBeHiddenAsync();
        Assert.DoesNotContain(Token, page.Url, StringComparison.Ordinal);
    }

    private static async Task<GatewayProcess> StartWithTokenAsync()
    {
        var gateway = await GatewayProcess.StartAsync("bench", false, $"--Gateway:Api:BearerToken={Token}");
        gateway.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await gateway.Http.GetAsync("/api/status");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return gateway;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline || gateway.HasExited)
            {
                await gateway.DisposeAsync();
                throw new TimeoutException($"the gateway with a token did not answer within 60 s:\n{gateway.Output}");
            }

            await Task.Delay(100);
        }
    }
}
