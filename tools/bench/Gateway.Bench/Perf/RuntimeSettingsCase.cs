using System.Diagnostics;

namespace Gateway.Bench.Perf;

/// <summary>
/// Case h: GC and JIT settings chosen by measurement. Each candidate (<see cref="RuntimeCandidate"/>) is measured
/// beside the gateway as shipped, alternating baseline and candidate (ABBA over the rounds) so the shared machine's
/// drift cancels within each pair: the media stack at N stations (CPU per call, pacing, GC counts) and the gateway
/// itself (start → API, start → registered, idle CPU and RSS). Ratio rows are medians of the per-pair ratios.
/// </summary>
internal static class RuntimeSettingsCase
{
    private static readonly Metric[] s_metrics =
    [
        new("media: CPU per call", "% of a core", r => r.Media.CpuPerCallPercent),
        new("media: send-interval deviation p99.9", "ms", r => r.Media.Pacing.P999),
        new("media: send-interval deviation max", "ms", r => r.Media.Pacing.Max),
        new("media: GCs (all generations)", "collections", r => r.Media.Gc?.Gen0),
        new("media: gen2 GCs", "collections", r => r.Media.Gc?.Gen2),
        new("media: GC pause total", "ms", r => r.Media.Gc?.PauseMs),
        new("gateway: start → API answers", "ms", r => r.ToApiMs),
        new("gateway: start → card registered", "ms", r => r.ToRegisteredMs),
        new("gateway: idle CPU", "% of a core", r => r.IdleCpuPercent),
        new("gateway: idle RSS", "MiB", r => r.IdleRssMiB),
    ];

    public static async Task RunAsync(PerfContext context, PerfCase result, CancellationToken ct)
    {
        var sizes = context.Options.Smoke ? RuntimeSettingsDurations.Smoke : RuntimeSettingsDurations.Full;
        var baseline = sizes.Candidates[0];
        var candidates = sizes.Candidates.Skip(1).ToList();
        var runtimeConfig = StationsProbe.GatewayRuntimeConfig(context.Options);
        result.Notes.Add($"Baseline \"{baseline.Name}\": {(runtimeConfig is null ? "no gateway runtimeconfig.json was found, so the media child runs under the bench's own (figures not representative)" : $"the gateway's runtimeconfig.json ({Path.GetFileName(runtimeConfig)}) for both processes")}; each candidate adds its DOTNET_* variable to both.");
        result.Notes.Add($"{sizes.Rounds} round(s); in each, every candidate runs right beside its own baseline run (baseline first in even rounds, candidate first in odd ones). Ratio = median over those pairs of candidate / baseline.");
        result.Notes.Add($"Media: the stations worker of case e at N = {sizes.Stations}, {sizes.MediaWindow.TotalSeconds:F0} s window from 1 s after all calls send; GC counts are the child's whole life (start, calls, stop).");
        result.Notes.Add($"Gateway (JIT): alice's card in its reader before start; start → API = until /api/status answers and the event stream opens; idle CPU and RSS over {sizes.IdleWindow.TotalSeconds:F0} s from 1 s after registration.");
        var wav = Path.Combine(context.Options.RunDirectory, "perf-settings-tone.wav");
        await File.WriteAllBytesAsync(wav, Wav.Tone(BaresipParty.ToneHz, seconds: 5), ct);

        var runs = sizes.Candidates.ToDictionary(c => c, _ => new List<Run>());
        var pairs = candidates.ToDictionary(c => c, _ => new List<(Run Baseline, Run Candidate)>());
        for (var round = 0; round < sizes.Rounds; round++)
        {
            foreach (var candidate in candidates)
            {
                var order = round % 2 == 0 ? new[] { baseline, candidate } : [candidate, baseline];
                var pair = new Dictionary<RuntimeCandidate, Run>();
                try
                {
                    foreach (var subject in order)
                    {
                        pair[subject] = await MeasureAsync(context, sizes, subject, wav, ct);
                        Console.WriteLine($"perf: case h round {round + 1}/{sizes.Rounds}: {subject.Name}: {pair[subject]}");
                    }
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or IOException or System.Net.Sockets.SocketException)
                {
                    // One slow start on a loaded machine (tshark, a child, the gateway) costs one pair, not the case.
                    result.Notes.Add($"Round {round + 1}, {candidate.Name}: pair dropped ({ex.Message.Split('\n')[0]}).");
                    Console.Error.WriteLine($"perf: case h round {round + 1}, {candidate.Name}: pair dropped: {ex.Message}");
                    continue;
                }

                runs[baseline].Add(pair[baseline]);
                runs[candidate].Add(pair[candidate]);
                pairs[candidate].Add((pair[baseline], pair[candidate]));
            }
        }

        foreach (var candidate in sizes.Candidates)
        {
            foreach (var metric in s_metrics)
            {
                result.Add(Figures.Row(candidate.Name, metric.Name, metric.Unit, runs[candidate].Select(metric.Value).OfType<double>().ToList()));
            }
        }

        foreach (var candidate in candidates)
        {
            foreach (var metric in s_metrics)
            {
                var ratios = PairedRatios.Of(pairs[candidate].Select(p => (metric.Value(p.Baseline), metric.Value(p.Candidate))));
                var subject = $"{candidate.Name} / {baseline.Name}";
                result.Add(ratios is null
                    ? PerfRow.Unavailable(subject, metric.Name + " ratio", "ratio", "no pair had both figures with a baseline above zero")
                    : Figures.Row(subject, metric.Name + " ratio", "ratio", ratios, "median of per-pair ratios"));
            }
        }
    }

    private static async Task<Run> MeasureAsync(PerfContext context, RuntimeSettingsDurations sizes, RuntimeCandidate subject, string wav, CancellationToken ct)
    {
        var (toApi, toRegistered, idleCpu, idleRss) = await GatewayRunAsync(context, sizes, subject, ct);
        var media = await StationsProbe.RunAsync(context, sizes.Stations, wav, sizes.MediaWindow, subject.Environment, ct);
        return new Run(media, toApi, toRegistered, idleCpu, idleRss);
    }

    private static async Task<(double ToApiMs, double ToRegisteredMs, double IdleCpuPercent, double IdleRssMiB)> GatewayRunAsync(PerfContext context, RuntimeSettingsDurations sizes, RuntimeCandidate subject, CancellationToken ct)
    {
        await using var alice = await CardSlot.InsertAsync(context.Network.CardFile(BenchNetwork.Alice), 0, ct);
        var startedMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.StartNew();
        await using var gateway = await GatewayUnderTest.StartAsync(context, GatewayBuild.Jit, ct, subject.Environment);
        var toApi = clock.Elapsed.TotalMilliseconds;
        var registered = await gateway.RegisteredAsync(PerfContext.StationA, ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var idle = (await ProcessWindow.MeasureAsync(new Dictionary<string, int> { ["gateway"] = gateway.ProcessId }, sizes.IdleWindow, 1, ct))["gateway"];
        return (toApi, registered.Ts - startedMs, idle.CpuPercent[0], idle.RssMiB[0]);
    }

    private sealed record Run(StationsProbe.Result Media, double ToApiMs, double ToRegisteredMs, double IdleCpuPercent, double IdleRssMiB)
    {
        // One console line per run, so a run cut short still leaves its figures in the log.
        public override string ToString() => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"media CPU/call {Media.CpuPerCallPercent:F2} %, p99.9 {Media.Pacing.P999:F3} ms, max {Media.Pacing.Max:F3} ms, {Media.Gc?.ToLine() ?? "no gc line"}; gateway start→API {ToApiMs:F0} ms, start→registered {ToRegisteredMs:F0} ms, idle CPU {IdleCpuPercent:F2} %, RSS {IdleRssMiB:F1} MiB");
    }

    private sealed record Metric(string Name, string Unit, Func<Run, double?> Value);
}
