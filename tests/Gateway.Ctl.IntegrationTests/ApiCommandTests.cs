using System.Text.Json;
using Gateway.Ctl.Commands.Field;
using Gateway.Host.IntegrationTests;

namespace Gateway.Ctl.IntegrationTests;

/// <summary>status and events with --url against a real gateway process on the bench board.</summary>
public sealed class ApiCommandTests : IAsyncLifetime
{
    private GatewayProcess _gateway = null!;

    private string Url => $"http://127.0.0.1:{_gateway.Port}";

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Status_Url_TableWithDeviceAndStations()
    {
        var (exitCode, output, console) = await Ctl.RunAsync("status", "--url", Url);

        Assert.True(exitCode == FieldExitCodes.Ok, console);
        Assert.Matches(@"board\s*│\s*bench", output);
        Assert.Matches(@"simulated\s*│\s*true", output);
        Assert.Matches(@"station-1\s*│.*│\s*on-hook", output);
        Assert.Contains("station-2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UrlJson_IsTheApiBody()
    {
        var (exitCode, output, _) = await Ctl.RunAsync("status", "--url", Url, "--json");

        Assert.Equal(FieldExitCodes.Ok, exitCode);
        var status = JsonDocument.Parse(output).RootElement;
        Assert.Equal("bench", status.GetProperty("board").GetString());
        Assert.Equal(2, status.GetProperty("stations").GetArrayLength());
    }

    [Fact]
    public async Task Events_Url_PrintsHookEventAsJsonLine()
    {
        var events = Ctl.RunAsync("events", "--url", Url, "--json", "--count", "1");
        using (var response = await PostHookUntilSeenAsync(events))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        var (exitCode, output, console) = await events;

        Assert.True(exitCode == FieldExitCodes.Ok, console);
        var line = JsonDocument.Parse(output.Trim()).RootElement;
        Assert.Equal("station-1", line.GetProperty("station").GetString());
        Assert.StartsWith("hook", line.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_UrlReplay_TextLines()
    {
        using (await _gateway.PostJsonAsync("/api/bench/stations/station-2/hook", "{\"offHook\":true}"))
        {
        }

        var (exitCode, output, _) = await Ctl.RunAsync("events", "--url", Url, "--replay", "50", "--count", "1");

        Assert.Equal(FieldExitCodes.Ok, exitCode);
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{3}  \S+\s+\S+", output);
    }

    [Fact]
    public async Task Status_UrlNothingListening_Exit3OneLineAndHint()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exitCode, _, console) = await Ctl.RunAsync("status", "--url", $"http://127.0.0.1:{port}");

        Assert.Equal(FieldExitCodes.Unreachable, exitCode);
        Assert.Contains($"error: gateway API at http://127.0.0.1:{port} does not answer", console, StringComparison.Ordinal);
        Assert.Contains("hint: is the gateway running?", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_HostAndUrl_UsageError()
    {
        var (exitCode, _, console) = await Ctl.RunAsync("status", "--url", Url, "--host", "127.0.0.1");

        Assert.Equal(GatewayCtlApp.UsageError, exitCode);
        Assert.Contains("give --host or --url, not both", console, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostHookUntilSeenAsync(Task events)
    {
        // The stream subscribes before it prints; lift the handset once the subscription can have happened.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(events.IsCompleted);
        return await _gateway.PostJsonAsync("/api/bench/stations/station-1/hook", "{\"offHook\":true}");
    }
}
