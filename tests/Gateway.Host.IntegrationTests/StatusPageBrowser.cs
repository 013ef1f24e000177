using Microsoft.Playwright;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// Headless Chromium for the status page tests: Debian's <c>/usr/bin/chromium</c> driven by Playwright's bundled node
/// driver (nothing is downloaded), and screenshots saved under artifacts/test-results.
/// </summary>
internal static class StatusPageBrowser
{
    private const string ChromiumPath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps calling out to Google's hosts, which this closed
    // network refuses; Playwright adds --no-sandbox itself and gives each launch a fresh profile folder.
    private static readonly string[] s_chromiumArgs =
    [
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static string ResultsDirectory => Path.Combine(RepoPaths.Root, "artifacts", "test-results");

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (build.ps1 deps does)");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = s_chromiumArgs,
        });
    }

    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ResultsDirectory);
        var path = Path.Combine(ResultsDirectory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, $"screenshot {path} is suspiciously small");
        return path;
    }
}
