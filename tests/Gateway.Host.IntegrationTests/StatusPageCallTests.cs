using Microsoft.Playwright;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The page's call line for each phase of <c>StationSnapshot.call</c>, run in Chromium on the served app.js: a real
/// call needs the SIP network (the station's own integration tests place them), so the page's renderer is fed the
/// status API's call shape directly, and the live status (no call) is checked to say Idle.
/// </summary>
public sealed class StatusPageCallTests
{
    private static readonly (string Call, string Expected)[] s_calls =
    [
        ("""{"direction":"Outbound","state":"Calling","remoteParty":"+15551230002","codec":null,"durationMs":0}""", "↗ out: Calling +15551230002…"),
        ("""{"direction":"Outbound","state":"RemoteRinging","remoteParty":"+15551230002","forUser":"Alice","forNumber":"+15551230001","durationMs":0}""", "↗ out: Ringing +15551230002… (for Alice, +15551230001)"),
        ("""{"direction":"Inbound","state":"Alerting","remoteParty":"Bob <+15551230003>","durationMs":0}""", "↙ in: Incoming call from Bob <+15551230003>"),
        ("""{"direction":"Inbound","state":"Connected","remoteParty":"+15551230003","codec":"PCMA","durationMs":125000}""", "↙ in: In call with +15551230003 · PCMA · 2:05"),
        ("""{"direction":"Outbound","state":"Connected","remoteParty":"+15551230002","codec":"G722","durationMs":3725000}""", "↗ out: In call with +15551230002 · G722 · 1:02:05"),
        ("""{"direction":"Outbound","state":"Ended","remoteParty":"+15551230002","codec":"PCMU","durationMs":61000}""", "↗ out: Call with +15551230002 ended after 1:01"),
    ];

    [Fact]
    public async Task CallLine_EachPhase_ReadsAsAPersonWouldSayIt()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatusPageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(gateway.Http.BaseAddress!.ToString());
        await Assertions.Expect(page.Locator("#link")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.Locator("article[data-station='station-1'] [data-field=call]")).ToHaveTextAsync("Idle");

        Assert.False((await gateway.GetStatusAsync()).GetProperty("stations")[0].TryGetProperty("call", out _));

        // Each snapshot is taken "now", so a connected call's duration is the snapshot's to the second.
        foreach (var (call, expected) in s_calls)
        {
            var text = await page.EvaluateAsync<string>("([call]) => callText({ call: JSON.parse(call), readers: [] }, Date.now())", new[] { call });
            Assert.Equal(expected, text);
        }
    }
}
