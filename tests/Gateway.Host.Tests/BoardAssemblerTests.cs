using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.BoardConfig;
using Gateway.Hardware;
using Gateway.Host.Api;
using Gateway.Host.Board;
using Gateway.Host.Options;
using Gateway.Telephony.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Host.Tests;

public sealed class BoardAssemblerTests
{
    private static string BoardFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "board-config", $"{name}.json");
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }

    private static BoardConfiguration Load(string name) => BoardConfigLoader.Load(BoardFile(name), RingCadences.Names);

    [Fact]
    public void Assemble_Bench_BuildsEveryStationWithBenchControls()
    {
        var board = Load("bench");

        using var runtime = BoardAssembler.Assemble(board, TimeProvider.System, NullLoggerFactory.Instance, new EventBus());

        Assert.True(runtime.IsSimulated);
        Assert.Equal(board.Stations.Select(s => s.Id), runtime.Stations.Select(s => s.Id));
        Assert.All(runtime.Stations, s => Assert.NotNull(runtime.FindBenchControl(s.Id)));
        Assert.Null(runtime.FindBenchControl("nope"));
    }

    [Fact]
    public void Dispose_Bench_ReleasesEveryPin()
    {
        var runtime = BoardAssembler.Assemble(Load("bench"), TimeProvider.System, NullLoggerFactory.Instance, new EventBus());
        var driver = runtime.SimulatedDriver!;
        Assert.NotEmpty(driver.OpenPinNumbers);

        foreach (var station in runtime.Stations)
        {
            station.Dispose();
        }

        // Each device closes its own pins; the controller is not needed for that.
        Assert.Empty(driver.OpenPinNumbers);
        runtime.Dispose();
    }

    [Fact]
    public async Task BenchControl_LiftsHandset_ThroughSimulatedPinAndRealHookDriver()
    {
        var bus = new EventBus();
        using var events = bus.Subscribe();
        using var runtime = BoardAssembler.Assemble(Load("bench"), TimeProvider.System, NullLoggerFactory.Instance, bus);
        var station = runtime.Stations[0];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var loop = station.RunAsync(cts.Token);

        runtime.FindBenchControl(station.Id)!.SetOffHook(true);

        while (true)
        {
            var next = await events.Reader.ReadAsync(cts.Token);
            if (next.Type == "hook.off")
            {
                break;
            }
        }

        Assert.True(station.Snapshot().OffHook);
        await cts.CancelAsync();
        await loop;
    }

    [Fact]
    public void Assemble_RealBoardWithoutGpioChip_ThrowsHardwareExceptionNamingChip()
    {
        // No /dev/gpiochip* on this machine, as on a Pi with the wrong overlay.
        var ex = Assert.Throws<HardwareException>(() =>
            BoardAssembler.Assemble(Load("rpi4-payphone"), TimeProvider.System, NullLoggerFactory.Instance, new EventBus()));

        Assert.Contains("gpiochip", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BenchRoutes_OnRealBoard_Answer404Problem()
    {
        var bench = BoardAssembler.Assemble(Load("bench"), TimeProvider.System, NullLoggerFactory.Instance, new EventBus());
        using var real = new BoardRuntime(Load("rpi4-payphone"), isSimulated: false, bench.Stations, new Dictionary<string, BenchStationControl>(), []);
        var runtime = new GatewayRuntime("test-device", "0.0.0", DateTimeOffset.UtcNow, real, new EventBus(), TimeProvider.System);
        var options = Microsoft.Extensions.Options.Options.Create(new GatewayOptions { Api = new ApiOptions { Port = 0 } });
        await using var api = new ManagementApiService(runtime, options, NullLoggerFactory.Instance);
        await api.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = api.Address };

        using var response = await http.PostAsJsonAsync("/api/bench/stations/station-1/hook", new { offHook = true });
        var status = await http.GetFromJsonAsync<JsonElement>("/api/status");
        await api.StopAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Not a bench board", problem.GetProperty("title").GetString());
        Assert.False(status.GetProperty("simulated").GetBoolean());
        Assert.Equal("rpi4-payphone", status.GetProperty("board").GetString());
    }

    [Fact]
    public async Task Api_WithBearerToken_RejectsRequestsWithoutIt()
    {
        using var board = BoardAssembler.Assemble(Load("bench"), TimeProvider.System, NullLoggerFactory.Instance, new EventBus());
        var runtime = new GatewayRuntime("test-device", "0.0.0", DateTimeOffset.UtcNow, board, new EventBus(), TimeProvider.System);
        var token = "0123456789abcdef0123";
        var options = Microsoft.Extensions.Options.Options.Create(new GatewayOptions { Api = new ApiOptions { Port = 0, BearerToken = token } });
        await using var api = new ManagementApiService(runtime, options, NullLoggerFactory.Instance);
        await api.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = api.Address };

        using var anonymous = await http.GetAsync("/api/status");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { { "Authorization", "Bearer wrong-token-0000000" } } };
        using var wrongResponse = await http.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { { "Authorization", $"Bearer {token}" } } };
        using var rightResponse = await http.SendAsync(right);
        await api.StopAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightResponse.StatusCode);
    }

    [Fact]
    public void EventsEndpoint_Format_IsOneSseMessage()
    {
        var message = EventsEndpoint.Format(new GatewayEvent("ring.start", "s1", DateTimeOffset.FromUnixTimeMilliseconds(42), new System.Text.Json.Nodes.JsonObject { ["cadence"] = "uk-double" }));

        Assert.Equal("event: ring.start\ndata: {\"type\":\"ring.start\",\"station\":\"s1\",\"ts\":42,\"data\":{\"cadence\":\"uk-double\"}}\n\n", message);
    }
}
