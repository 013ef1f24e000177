using System.Diagnostics;

namespace Gateway.Bench.Perf;

/// <summary>
/// Case f: process start → every card registered. Both cards sit in their readers before the gateway starts; the time
/// is from just before the process is started to the gateway's own timestamp on the last <c>registration.registered</c>
/// (replayed on the event stream). baresip: start → its REGISTER_OK on ctrl_tcp.
/// </summary>
internal static class StartupCase
{
    private static readonly TimeSpan s_cardSettle = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(PerfContext context, PerfCase result, CancellationToken ct)
    {
        result.Notes.Add($"{context.Durations.StartupRuns} run(s) per subject; the gateway holds two cards (alice, bob) inserted before it starts (pcscd reports both present, then {s_cardSettle.TotalMilliseconds:F0} ms to power up); baresip registers one account.");
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
        // "Cards sit in their readers before the gateway starts": the previous run's cards are gone, pcscd reports the
        // new ones, and they have had time to power up. Without the pause a NativeAOT gateway (up in ~30 ms) met the
        // card mid power-up (SCARD_E_NOT_TRANSACTED) and its measured start held a setup retry a booted box never pays.
        await using var watchA = new RawReaderWatch(CardSlot.ReaderName(0));
        await using var watchB = new RawReaderWatch(CardSlot.ReaderName(1));
        await watchA.WaitUntilEmptyAsync(TimeSpan.FromSeconds(5), ct);
        await watchB.WaitUntilEmptyAsync(TimeSpan.FromSeconds(5), ct);
        var inserting = Stopwatch.GetTimestamp();
        await using var alice = await CardSlot.InsertAsync(context.Network.CardFile(BenchNetwork.Alice), 0, ct);
        await using var bob = await CardSlot.InsertAsync(context.Network.CardFile(BenchNetwork.Bob), 1, ct);
        await watchA.LatencyAsync(inserting, present: true, TimeSpan.FromSeconds(5), ct);
        await watchB.LatencyAsync(inserting, present: true, TimeSpan.FromSeconds(5), ct);
        await Task.Delay(s_cardSettle, ct);
        var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var gateway = await GatewayUnderTest.StartAsync(context, build, ct);
        var a = await gateway.RegisteredAsync(PerfContext.StationA, ct);
        var b = await gateway.RegisteredAsync(PerfContext.StationB, ct);
        return Math.Max(a.Ts, b.Ts) - started;
    }
}
