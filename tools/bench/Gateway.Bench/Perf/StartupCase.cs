using System.Diagnostics;

namespace Gateway.Bench.Perf;

/// <summary>
/// Case f: process start → every card registered. Both cards sit in their readers before the gateway starts; the time
/// is from just before the process is started to the gateway's own timestamp on the last <c>registration.registered</c>
/// (replayed on the event stream). baresip: start → its REGISTER_OK on ctrl_tcp.
/// </summary>
internal static class StartupCase
{
    public static async Task RunAsync(PerfContext context, PerfCase result, CancellationToken ct)
    {
        result.Notes.Add($"{context.Durations.StartupRuns} run(s) per subject; the gateway holds two cards (alice, bob) inserted before it starts; baresip registers one account.");
        result.Notes.Add("Gateway: wall clock before process start → the event timestamp of the second registration.registered. baresip: process start → ctrl_tcp REGISTER_OK (baresip has no card step).");
        var medians = new Dictionary<string, PerfRow>();
        foreach (var build in context.Builds)
        {
            var runs = new List<double>();
            for (var run = 0; run < context.Durations.StartupRuns; run++)
            {
                runs.Add(await GatewayRunAsync(context, build, ct));
            }

            medians[build.Name] = Figures.Row(build.Name, "start → all cards registered", "ms", runs);
            result.Add(medians[build.Name]);
        }

        if (context.Aot is null)
        {
            result.Add(PerfRow.Unavailable(GatewayBuild.Jit.Name.Replace("JIT", "NativeAOT", StringComparison.Ordinal), "start → all cards registered", "ms", context.AotMissing));
        }

        var baresipRuns = new List<double>();
        for (var run = 0; run < context.Durations.StartupRuns; run++)
        {
            var clock = Stopwatch.StartNew();
            await using var party = await context.StartBaresipAsync(BenchNetwork.Dave, autoAnswer: true, ct);
            baresipRuns.Add(clock.Elapsed.TotalMilliseconds);
        }

        var baresip = Figures.Row("baresip", "start → account registered", "ms", baresipRuns);
        result.Add(baresip);
        foreach (var (name, row) in medians)
        {
            result.AddRatio($"{name} / baresip", "startup ratio", row, baresip);
        }
    }

    private static async Task<double> GatewayRunAsync(PerfContext context, GatewayBuild build, CancellationToken ct)
    {
        await using var alice = await CardSlot.InsertAsync(context.Network.CardFile(BenchNetwork.Alice), 0, ct);
        await using var bob = await CardSlot.InsertAsync(context.Network.CardFile(BenchNetwork.Bob), 1, ct);
        var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var gateway = await GatewayUnderTest.StartAsync(context, build, ct);
        var a = await gateway.RegisteredAsync(PerfContext.StationA, ct);
        var b = await gateway.RegisteredAsync(PerfContext.StationB, ct);
        return Math.Max(a.Ts, b.Ts) - started;
    }
}
