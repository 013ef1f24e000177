using System.Text.Json;
using Gateway.BoardConfig;
using Gateway.Hardware;
using Gateway.Host.Api;
using Gateway.Host.Board;
using Gateway.Media.Diagnostics;
using Gateway.Telephony.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Host.Tests;

/// <summary>The <c>runtime</c> object of <c>GET /api/status</c>: GC pauses and the media clock's scheduling.</summary>
public sealed class StatusRuntimeTests
{
    [Fact]
    public void Status_WithMonitorAndClock_ReportsGcPausesAndScheduling()
    {
        using var board = Assemble();
        using var monitor = new GcPauseMonitor();
        var runtime = new GatewayRuntime("test-device", "0.0.0", DateTimeOffset.UtcNow, board, new EventBus(), TimeProvider.System)
        {
            Diagnostics = { GcPauses = monitor, MediaClockScheduling = "normal (EPERM)" },
        };
        GC.Collect();

        var status = StatusEndpoints.BuildStatus(runtime);
        var json = JsonSerializer.SerializeToElement(status, ApiJsonContext.Default.StatusResponse).GetProperty("runtime");

        Assert.NotNull(status.Runtime);
        Assert.True(status.Runtime.GcCount >= 1);
        Assert.True(status.Runtime.GcPauseTotalMs >= 0);
        Assert.Equal("normal (EPERM)", json.GetProperty("mediaClockScheduling").GetString());
        Assert.True(json.GetProperty("gcCount").GetInt32() >= 1);
        Assert.True(json.TryGetProperty("gcPauseTotalMs", out _));
    }

    [Fact]
    public void Status_WithoutMonitor_FallsBackToProcessCountersAndOmitsMax()
    {
        using var board = Assemble();
        var runtime = new GatewayRuntime("test-device", "0.0.0", DateTimeOffset.UtcNow, board, new EventBus(), TimeProvider.System);

        var json = JsonSerializer.SerializeToElement(StatusEndpoints.BuildStatus(runtime), ApiJsonContext.Default.StatusResponse).GetProperty("runtime");

        Assert.True(json.GetProperty("gcCount").GetInt32() >= 0);
        Assert.False(json.TryGetProperty("gcPauseMaxMs", out _));
        Assert.False(json.TryGetProperty("mediaClockScheduling", out _));
    }

    private static BoardRuntime Assemble()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
        {
            dir = dir.Parent ?? throw new FileNotFoundException("Gateway.sln");
        }

        var board = BoardConfigLoader.Load(Path.Combine(dir.FullName, "board-config", "bench.json"), RingCadences.Names);
        return BoardAssembler.Assemble(board, TimeProvider.System, NullLoggerFactory.Instance, new EventBus());
    }
}
