using System.Net;

namespace Gateway.Host.IntegrationTests;

/// <summary>The real gateway process on the bench board, driven only through its public API.</summary>
public sealed class GatewayHostTests
{
    [Fact]
    public async Task Status_OnBenchBoard_ListsStationsAndDevice()
    {
        await using var gateway = await GatewayProcess.StartAsync();

        var status = await gateway.GetStatusAsync();

        Assert.Equal("bench", status.GetProperty("board").GetString());
        Assert.True(status.GetProperty("simulated").GetBoolean());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("deviceId").GetString()));
        Assert.False(string.IsNullOrEmpty(status.GetProperty("version").GetString()));
        Assert.True(status.GetProperty("uptimeSeconds").GetDouble() >= 0);
        var stations = status.GetProperty("stations").EnumerateArray().ToList();
        Assert.True(stations.Count >= 1);
        var first = stations[0];
        Assert.False(first.GetProperty("offHook").GetBoolean());
        Assert.False(first.GetProperty("ringing").GetBoolean());
        Assert.NotEmpty(first.GetProperty("readers").EnumerateArray());
        Assert.NotEmpty(first.GetProperty("display").EnumerateArray());
        Assert.False(status.GetProperty("cards").GetProperty("enabled").GetBoolean());
        Assert.False(status.GetProperty("cards").TryGetProperty("available", out _));
    }

    [Fact]
    public async Task BenchHookKeysAndFlash_ArriveOnEventStream_AndInStatus()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        await using var events = await SseClient.ConnectAsync(gateway.Http);
        Assert.Equal("text/event-stream", events.ContentType);

        using (var lift = await gateway.PostJsonAsync("/api/bench/stations/station-1/hook", """{"offHook":true}"""))
        {
            Assert.Equal(HttpStatusCode.OK, lift.StatusCode);
        }

        var off = await events.WaitForAsync("hook.off", "station-1");
        Assert.True(off.Json.GetProperty("ts").GetInt64() > 0);

        using (var keys = await gateway.PostJsonAsync("/api/bench/stations/station-1/keys", """{"keys":"305#","interKeyDelayMs":60}"""))
        {
            Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        }

        var pressed = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var key = await events.WaitForAsync("key", "station-1");
            pressed.Add(key.Json.GetProperty("data").GetProperty("key").GetString()!);
        }

        Assert.Equal(["3", "0", "5", "#"], pressed);
        var status = await gateway.GetStatusAsync();
        var station = status.GetProperty("stations").EnumerateArray().First(s => s.GetProperty("id").GetString() == "station-1");
        Assert.True(station.GetProperty("offHook").GetBoolean());
        Assert.Equal("305#", station.GetProperty("digits").GetString());

        using (var flash = await gateway.PostJsonAsync("/api/bench/stations/station-1/flash", "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, flash.StatusCode);
        }

        var flashed = await events.WaitForAsync("flash", "station-1");
        Assert.InRange(flashed.Json.GetProperty("data").GetProperty("durationMs").GetInt64(), 80, 800);

        using (var hang = await gateway.PostJsonAsync("/api/bench/stations/station-1/hook", """{"offHook":false}"""))
        {
            Assert.Equal(HttpStatusCode.OK, hang.StatusCode);
        }

        // A hook flash must not have been reported as a hang-up: the next hook.on is the real one.
        await events.WaitForAsync("hook.on", "station-1", TimeSpan.FromSeconds(5));
        status = await gateway.GetStatusAsync();
        station = status.GetProperty("stations").EnumerateArray().First(s => s.GetProperty("id").GetString() == "station-1");
        Assert.False(station.GetProperty("offHook").GetBoolean());
    }

    [Fact]
    public async Task InvalidBoardFile_ExitsBeforeHardware_NamingFileAndJsonPath()
    {
        var dir = Directory.CreateTempSubdirectory("gateway-it-board-").FullName;
        try
        {
            var bench = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "board-config", "bench.json"));
            var broken = Path.Combine(dir, "bench.json");
            await File.WriteAllTextAsync(broken, bench.Replace("\"audio\"", "\"audioo\"", StringComparison.Ordinal));

            await using var gateway = await GatewayProcess.StartAsync(broken, waitForApi: false);
            var code = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(2, code);
            Assert.Contains(broken, gateway.Output, StringComparison.Ordinal);
            Assert.Contains("$.stations[0]", gateway.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Management API listening", gateway.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task InvalidDialPlan_ExitsAtStart_NamingFieldPositionAndReason()
    {
        var dir = Directory.CreateTempSubdirectory("gateway-it-dialplan-").FullName;
        try
        {
            var bench = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "board-config", "bench.json"));
            var broken = Path.Combine(dir, "bench.json");
            await File.WriteAllTextAsync(broken, bench.Replace("|911|", "|9[1-]1|", StringComparison.Ordinal));

            await using var gateway = await GatewayProcess.StartAsync(broken, waitForApi: false);
            var code = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(2, code);
            Assert.Contains("$.dialPlan", gateway.Output, StringComparison.Ordinal);
            Assert.Contains("position 35", gateway.Output, StringComparison.Ordinal);
            Assert.Contains("not allowed in a range", gateway.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Management API listening", gateway.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task InvalidOption_ExitsWithSourceAndPath()
    {
        await using var gateway = await GatewayProcess.StartAsync("bench", false, "--Gateway:Api:BindAddress=0.0.0.0");

        var code = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, code);
        Assert.Contains("$.Gateway.Api.BearerToken", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealBoard_WithoutGpioChip_ExitsWithHardwareErrorNamingChip()
    {
        // This machine has no /dev/gpiochip*, exactly like a Pi whose overlay is missing.
        await using var gateway = await GatewayProcess.StartAsync("rpi4-payphone", waitForApi: false);

        var code = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, code);
        Assert.Contains("gpiochip", gateway.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(15)] // SIGTERM: systemd stop
    [InlineData(2)] // SIGINT: Ctrl+C on the bench
    public async Task Signal_StopsCleanly_AndFlushesTheLogFile(int signal)
    {
        await using var gateway = await GatewayProcess.StartAsync();
        using (var lift = await gateway.PostJsonAsync("/api/bench/stations/station-1/hook", """{"offHook":true}"""))
        {
            Assert.Equal(HttpStatusCode.OK, lift.StatusCode);
        }

        var code = await gateway.StopAsync(TimeSpan.FromSeconds(30), signal);

        Assert.Equal(0, code);
        var files = Directory.GetFiles(gateway.LogDirectory, "gateway-*.log");
        Assert.Single(files);
        var log = await File.ReadAllTextAsync(files[0]);
        Assert.Contains("starting on board bench", log, StringComparison.Ordinal);
        Assert.Contains("Stations stopped", log, StringComparison.Ordinal);
    }
}
