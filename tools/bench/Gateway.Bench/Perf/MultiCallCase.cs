using System.Globalization;

namespace Gateway.Bench.Perf;

/// <summary>
/// Case e: N simulated stations all in calls at once (a child process, see <see cref="StationsWorker"/>): CPU per
/// call from the child's /proc figures, and pacing of every stream from tshark at the sink. The largest N whose
/// p99.9 deviation stays within 2 ms is reported.
/// </summary>
internal static class MultiCallCase
{
    private const double LimitMs = 2;

    private static readonly Dictionary<string, string> NoEnvironment = [];

    public static async Task RunAsync(PerfContext context, PerfCase result, CancellationToken ct)
    {
        var window = context.Durations.MultiCallWindow;
        result.Notes.Add($"Measured variant: the gateway's media stack (Gateway.Media StationAudio + CallMediaSession, one media clock per station, WAV source, PCMU 20 ms) in a child process under the gateway's runtimeconfig.json (its GC and JIT settings), sending to a UDP sink here — not the host process: a bay board of N stations in the host needs N cards and N far ends.");
        result.Notes.Add($"N = {string.Join(", ", context.Durations.MultiCallStations)}; window {window.TotalSeconds:F0} s per N from 1 s after all calls send; CPU per call = child CPU / window / N; pacing from tshark at the sink, pooled over all streams; max GC pause from the child's GcPauseMonitor (runtime GC events) from 'ready' to the end of the window, with the media clock's scheduling (fifo:15 or normal).");
        var wav = Path.Combine(context.Options.RunDirectory, "perf-tone.wav");
        await File.WriteAllBytesAsync(wav, Wav.Tone(BaresipParty.ToneHz, seconds: 5), ct);
        int? largest = null;
        foreach (var n in context.Durations.MultiCallStations)
        {
            var (_, cpuPercent, pacing, _, runtime) = await StationsProbe.RunAsync(context, n, wav, window, NoEnvironment, ct);
            result.Add(PerfRow.Single($"{n} station(s)", "CPU per call", "% of a core", cpuPercent / n, string.Create(CultureInfo.InvariantCulture, $"process total {cpuPercent:F1} %")));
            result.Add(new PerfRow($"{n} station(s)", "send-interval deviation p99.9", "ms", pacing.Intervals, pacing.P999, pacing.P999, pacing.P999, $"p50 {pacing.P50:F3}, p99 {pacing.P99:F3}"));
            result.Add(new PerfRow($"{n} station(s)", "send-interval deviation max", "ms", pacing.Intervals, pacing.Max, pacing.Max, pacing.Max, $"{pacing.Streams} streams"));
            result.Add(runtime?.MaxPauseRow($"{n} station(s)", "child process from 'ready' on")
                ?? PerfRow.Unavailable($"{n} station(s)", "max GC pause", "ms", "the stations worker printed no runtime line"));
            if (pacing.P999 <= LimitMs && pacing.Streams == n)
            {
                largest = n;
            }
        }

        result.Add(largest is { } best
            ? PerfRow.Single("media stack", "largest N with p99.9 ≤ 2 ms", "stations", best, $"of those tried; {Environment.ProcessorCount} cores")
            : PerfRow.Unavailable("media stack", "largest N with p99.9 ≤ 2 ms", "stations", "no N tried stayed within 2 ms"));
    }
}
