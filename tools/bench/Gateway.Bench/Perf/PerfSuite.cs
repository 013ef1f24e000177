using Gateway.NetworkServer;

namespace Gateway.Bench.Perf;

/// <summary>
/// <c>gateway-bench --perf</c>: the side-by-side suite against baresip on loopback (cases a-g of the issue), and case h,
/// the runtime (GC/JIT) settings measured against the gateway as shipped. Every
/// case runs even if an earlier one failed; the report says which did. Exit code 0 when every case produced numbers.
/// </summary>
internal static class PerfSuite
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        // The machine is shared: free ports instead of the bench's well-known 5060/8080.
        options = options with { ApiPort = LoopbackPorts.GetFree(), ServerPort = LoopbackPorts.GetFree() };
        var durations = options.Smoke ? PerfDurations.Smoke : PerfDurations.Full;
        if (options.CallWindow is { } callWindow)
        {
            // A long window (the 10-minute pacing run) is one call per subject; repeats would take an hour.
            durations = durations with { CallWindow = callWindow, CallRuns = callWindow > TimeSpan.FromMinutes(2) ? 1 : durations.CallRuns };
        }

        var report = new PerfReport(await MachineInfo.CollectAsync(ct), options.Smoke, DateTimeOffset.UtcNow);
        var startup = Case(report, "f", "Startup: process start → all cards registered");
        var idle = Case(report, "a", "Idle: CPU and RSS, registered (gateway: one card; baresip: one account)");
        var card = Case(report, "d", "Card timing: insert → registered, removal → unregistered, against the raw parts");
        var call = Case(report, "b", "One call (G.711 PCMU, 20 ms): caller process CPU and RSS, same Kamailio, same far end");
        var pacing = Case(report, "c", "RTP pacing: send-interval deviation from a tshark capture");
        var multi = Case(report, "e", "Multi-call: N simulated stations all in calls");
        var latency = Case(report, "g", "Station latencies on the wire: last key → INVITE, INVITE → ring.start");
        var settings = Case(report, "h", "Runtime settings: each GC/JIT candidate against the gateway as shipped, alternated");

        Directory.CreateDirectory(options.RunDirectory);
        Console.WriteLine($"perf: Kamailio on 127.0.0.1:{options.ServerPort}, {(options.Smoke ? "smoke" : "full")} run");
        await using (var network = await BenchNetwork.StartAsync(options, ct))
        {
            var context = new PerfContext(options, network, durations);
            bool Wanted(PerfCase c) => options.PerfCases.Contains(c.Id, StringComparison.Ordinal);
            if (Wanted(startup))
            {
                await GuardAsync(startup, () => StartupCase.RunAsync(context, startup, ct));
            }

            await using var baresip = await context.StartBaresipAsync(BenchNetwork.Dave, autoAnswer: true, ct);
            if (Wanted(idle) || Wanted(card) || Wanted(call) || Wanted(pacing) || Wanted(latency))
            {
                await RunWithGatewayAsync(context, baresip, new GatewayCases(idle, card, call, pacing, latency), Wanted, ct);
            }

            if (Wanted(multi))
            {
                await GuardAsync(multi, () => MultiCallCase.RunAsync(context, multi, Wanted(call) ? call : null, ct));
            }

            // Last: it starts its own gateways with alice's card, so nothing else may hold reader 0.
            if (Wanted(settings))
            {
                await GuardAsync(settings, () => RuntimeSettingsCase.RunAsync(context, settings, ct));
            }

            report.Cases.RemoveAll(c => !Wanted(c));
        }

        await WriteAsync(options, report, ct);
        var empty = report.Cases.Where(c => !c.Rows.Any(r => r.Available)).Select(c => c.Id).ToList();
        if (empty.Count > 0)
        {
            Console.Error.WriteLine($"perf: case(s) {string.Join(", ", empty)} produced no numbers");
            return 1;
        }

        return 0;
    }

    // Cases a, d, g, b and c share one registered JIT gateway (alice's card at station-1) and the baresip subject; the
    // NativeAOT gateway, when built, has the card first for its own idle window and call (cases a, b and c).
    private static async Task RunWithGatewayAsync(PerfContext context, BaresipParty baresip, GatewayCases cases, Func<PerfCase, bool> wanted, CancellationToken ct)
    {
        var (idle, card, call, pacing, latency) = cases;
        if (wanted(idle))
        {
            IdleCase.Describe(context, idle);
        }

        var aotCall = wanted(call) || wanted(pacing);
        if (context.Aot is { } aot && (wanted(idle) || aotCall))
        {
            // The NativeAOT gateway goes first, as the one alice's card is in: its idle window, then its call.
            await GuardAsync(wanted(idle) ? idle : call, async () =>
            {
                await using var gateway = await StartRegisteredAsync(context, aot, ct);
                if (wanted(idle))
                {
                    await IdleCase.MeasureAsync(context, idle, new Dictionary<string, int> { [aot.Name] = gateway.ProcessId }, ct);
                }

                if (aotCall)
                {
                    await CallCase.RunGatewayAsync(context, call, pacing, gateway, ct);
                }
            });
        }
        else if (wanted(idle))
        {
            idle.Add(PerfRow.Unavailable("gateway (NativeAOT)", "idle CPU", "% of a core", context.AotMissing));
        }

        GatewayUnderTest? jit = null;
        try
        {
            await GuardAsync(idle, async () =>
            {
                jit = await StartRegisteredAsync(context, GatewayBuild.Jit, ct);
                if (wanted(idle))
                {
                    await IdleCase.MeasureAsync(context, idle, new Dictionary<string, int> { [GatewayBuild.Jit.Name] = jit.ProcessId, ["baresip"] = baresip.ProcessId }, ct);
                    IdleCase.AddRatios(idle, GatewayBuild.Jit.Name, "baresip");
                    if (context.Aot is { } a)
                    {
                        IdleCase.AddRatios(idle, a.Name, "baresip");
                    }
                }
            });
            if (jit is null)
            {
                card.Error = call.Error = pacing.Error = latency.Error = "the JIT gateway did not start registered: " + idle.Error;
                return;
            }

            if (wanted(card))
            {
                await GuardAsync(card, () => CardTimingCase.RunAsync(context, card, jit, ct));
            }

            if (wanted(latency))
            {
                await GuardAsync(latency, () => StationLatencyCase.RunAsync(context, latency, jit, baresip, ct));
            }

            if (wanted(call) || wanted(pacing))
            {
                await GuardAsync(call, () => CallCase.RunAsync(context, call, pacing, jit, baresip, ct));
            }
        }
        finally
        {
            if (jit is not null)
            {
                await jit.DisposeAsync();
            }
        }
    }

    private sealed record GatewayCases(PerfCase Idle, PerfCase Card, PerfCase Call, PerfCase Pacing, PerfCase Latency);

    private static PerfCase Case(PerfReport report, string id, string title)
    {
        var perfCase = new PerfCase(id, title);
        report.Cases.Add(perfCase);
        return perfCase;
    }

    /// <summary>Runs a case; a failure is recorded in the case and the suite goes on.</summary>
    private static async Task GuardAsync(PerfCase perfCase, Func<Task> run)
    {
        Console.WriteLine($"perf: case {perfCase.Id} ({perfCase.Title})");
        try
        {
            await run();
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or IOException or System.Net.Sockets.SocketException or Gateway.SmartCard.PcscLite.PcscException)
        {
            perfCase.Error = ex.Message.Split('\n')[0];
            Console.Error.WriteLine($"perf: case {perfCase.Id} failed: {ex.Message}");
        }
    }

    /// <summary>A gateway with alice's card registered at station-1; the card stays in until the gateway is disposed.</summary>
    private static async Task<GatewayUnderTest> StartRegisteredAsync(PerfContext context, GatewayBuild build, CancellationToken ct)
    {
        var gateway = await GatewayUnderTest.StartAsync(context, build, ct);
        try
        {
            var card = await CardSlot.InsertAsync(context.Network.CardFile(BenchNetwork.Alice), 0, ct);
            gateway.Holds(card);
            await gateway.RegisteredAsync(PerfContext.StationA, ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    private static async Task WriteAsync(BenchOptions options, PerfReport report, CancellationToken ct)
    {
        var markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (options.ReportPath is { } md)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(md)!);
            await File.WriteAllTextAsync(md, markdown, ct);
        }

        if (options.JsonPath is { } json)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(json)!);
            await File.WriteAllTextAsync(json, report.ToJson(), ct);
        }
    }
}
