using System.Globalization;
using System.Text.Json;

namespace Gateway.Bench.Perf;

/// <summary>
/// Case e: the gateway host on a bay board of N bench stations (<see cref="BayBoard"/>), every station off hook and
/// in a real SIP call at once: each dials the bench's toll-free number without a card, the box's own account pays,
/// Kamailio relays it to its PSTN gateway, where SIPp answers and echoes the RTP. Per N: the gateway's CPU per call,
/// its RSS, pacing of every stream at the far end (tshark), GC in the window, and the packets each call got back.
/// The largest N whose pooled p99.9 stays within 2 ms is reported per build.
/// </summary>
internal static class MultiCallCase
{
    private const double LimitMs = 2;
    private const double PtimeMs = 20;

    public static async Task RunAsync(PerfContext context, PerfCase result, PerfCase? singleCall, CancellationToken ct)
    {
        var window = context.Durations.MultiCallWindow;
        result.Notes.Add($"The gateway host (each build in turn) on a generated bay board of N stations (simulated GPIO hook line, simulated keypad, WAV audio: a 1 kHz tone as the microphone, the earpiece written to a WAV file; no card readers). One gateway process per N; every station goes off hook, waits for its dial tone and dials {BenchNetwork.TollFreeNumber}, a free number of the board, as the box's own account ({BenchNetwork.Box.Username}). Kamailio relays each INVITE to its PSTN gateway: SIPp's built-in UAS with -rtp_echo, so each call also receives a full stream back (its jitter buffer, decoder and WAV sink run).");
        result.Notes.Add($"N = {string.Join(", ", context.Durations.MultiCallStations)}; window {window.TotalSeconds:F0} s per N from 1 s after every station's call.answered; CPU per call = gateway process CPU over the window (/proc, three equal parts give min and max) / N; pacing from tshark on lo towards SIPp's media port, pooled over every stream; GC from /api/status at the window's ends; packets from each station's call.ended.");
        var wav = Path.Combine(context.Options.RunDirectory, "perf-tone.wav");
        await File.WriteAllBytesAsync(wav, Wav.Tone(BaresipParty.ToneHz, seconds: 5), ct);
        await using var farEnd = await SippEchoParty.StartAsync(context.Network.PstnPort, ct);
        var baresipPercent = BaresipCallPercent(context, singleCall);
        foreach (var build in context.Aot is { } aot ? new[] { aot, GatewayBuild.Jit } : [GatewayBuild.Jit])
        {
            int? largest = null;
            var over = new List<string>();
            foreach (var n in context.Durations.MultiCallStations)
            {
                var subject = $"{build.Name}, {n} station(s)";
                try
                {
                    var step = await MeasureAsync(context, build, n, wav, farEnd, ct);
                    step.AddRows(result, subject, baresipPercent);
                    if (step.Pacing.P999 <= LimitMs && step.Pacing.Streams == n)
                    {
                        largest = n;
                    }
                    else
                    {
                        over.Add(string.Create(CultureInfo.InvariantCulture, $"{n} ({step.Pacing.P999:F2} ms, {step.Pacing.Streams} of {n} streams)"));
                    }
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
                {
                    result.Add(PerfRow.Unavailable(subject, "CPU per call", "% of a core", ex.Message.Split('\n')[0]));
                    break;
                }
            }

            result.Add(largest is { } best
                ? PerfRow.Single(build.Name, "largest N with p99.9 ≤ 2 ms", "stations", best,
                    $"of N tried ({string.Join(", ", context.Durations.MultiCallStations)}); {Environment.ProcessorCount} cores; " + (over.Count == 0 ? "every N tried within 2 ms" : "over 2 ms: " + string.Join(", ", over)))
                : PerfRow.Unavailable(build.Name, "largest N with p99.9 ≤ 2 ms", "stations", "no N tried stayed within 2 ms"));
        }

        if (context.Aot is null)
        {
            result.Add(PerfRow.Unavailable("gateway (NativeAOT)", "largest N with p99.9 ≤ 2 ms", "stations", context.AotMissing));
        }
    }

    /// <summary>baresip's CPU in case b's call as % of a core (the same G.711 call through the same Kamailio); null when case b did not run.</summary>
    private static double? BaresipCallPercent(PerfContext context, PerfCase? singleCall) =>
        singleCall?.Rows.FirstOrDefault(r => r.Subject == "baresip" && r.Metric == "call CPU" && r.Available) is { Median: { } seconds }
            ? seconds / context.Durations.CallWindow.TotalSeconds * 100
            : null;

    private static async Task<Step> MeasureAsync(PerfContext context, GatewayBuild build, int n, string wav, SippEchoParty farEnd, CancellationToken ct)
    {
        var directory = Path.Combine(context.Options.RunDirectory, "perf-bay");
        var board = BayBoard.Write(directory, n, wav);
        var environment = new Dictionary<string, string>
        {
            ["Gateway__Sip__BoxUser"] = BenchNetwork.Box.Username,
            ["Gateway__Sip__BoxPassword"] = BenchNetwork.Box.Password,
        };
        await using var gateway = await GatewayUnderTest.StartAsync(context, build, ct, environment, board);
        var stations = Enumerable.Range(0, n).Select(BayBoard.StationId).ToList();
        await using var capture = await PacingCapture.StartAsync(farEnd.MediaPort, ct);
        var since = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // Up to eight people dialling at a time, each after its own dial tone (keys 120 ms apart, 1.3 s a number).
            using (var dialling = new SemaphoreSlim(8))
            {
                await Task.WhenAll(stations.Select(async station =>
                {
                    await dialling.WaitAsync(ct);
                    try
                    {
                        var offHook = System.Diagnostics.Stopwatch.GetTimestamp();
                        await gateway.Api.SetHookAsync(station, offHook: true, ct);
                        await gateway.WaitForAsync("hook.off", station, offHook, ct);
                        await gateway.Api.PressKeysAsync(station, BenchNetwork.TollFreeNumber, ct);
                    }
                    finally
                    {
                        dialling.Release();
                    }
                }));
            }

            foreach (var station in stations)
            {
                await gateway.WaitForAsync("call.answered", station, since, ct);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            capture.Reset();
            var atStart = RuntimeFigures.FromStatus(await gateway.Api.GetStatusAsync(ct));
            var window = context.Durations.MultiCallWindow;
            var figures = (await ProcessWindow.MeasureAsync(new Dictionary<string, int> { ["gateway"] = gateway.ProcessId }, window / 3, 3, ct))["gateway"];
            var pacing = await capture.StopAsync(PtimeMs);
            var atEnd = RuntimeFigures.FromStatus(await gateway.Api.GetStatusAsync(ct));
            var hangUp = System.Diagnostics.Stopwatch.GetTimestamp();
            foreach (var station in stations)
            {
                await gateway.Api.SetHookAsync(station, offHook: false, ct);
            }

            var ended = new List<GatewayEvent>();
            foreach (var station in stations)
            {
                ended.Add(await gateway.WaitForAsync("call.ended", station, hangUp, ct));
            }

            return new Step(n, figures, pacing, atStart is null || atEnd is null ? null : atEnd.WindowRow("", atStart), ended);
        }
        catch
        {
            foreach (var station in stations)
            {
                await gateway.TryOnHookAsync(station, ct);
            }

            throw;
        }
    }

    private sealed record Step(int Stations, ProcessFigures Process, PacingFigures Pacing, PerfRow? GcWindow, IReadOnlyList<GatewayEvent> Ended)
    {
        public void AddRows(PerfCase result, string subject, double? baresipPercent)
        {
            var perCall = Process.CpuPercent.Select(p => p / Stations).ToList();
            var cpu = new PerfRow(subject, "CPU per call", "% of a core", perCall.Count, Process.CpuSeconds / Process.WallSeconds * 100 / Stations, perCall.Min(), perCall.Max(),
                string.Create(CultureInfo.InvariantCulture, $"process total {Process.CpuSeconds / Process.WallSeconds * 100:F1} % of a core"));
            result.Add(cpu);
            if (baresipPercent is { } anchor)
            {
                result.Add(PerfRow.Single(subject, "CPU per call / baresip's one call (case b)", "ratio", cpu.Median!.Value / anchor,
                    string.Create(CultureInfo.InvariantCulture, $"baresip {anchor:F2} % of a core in case b's call, same run")));
            }

            result.Add(PerfRow.Single(subject, "RSS", "MiB", Process.RssMiB[^1], string.Create(CultureInfo.InvariantCulture, $"peak {Process.HwmMiB:F1} MiB")));
            var note = string.Create(CultureInfo.InvariantCulture, $"{Pacing.Streams} of {Stations} streams, {Pacing.Intervals} intervals; p50 {Pacing.P50:F3}, p99 {Pacing.P99:F3}");
            result.Add(new PerfRow(subject, "send-interval deviation p99.9", "ms", Pacing.Intervals, Pacing.P999, Pacing.P999, Pacing.P999, note));
            result.Add(new PerfRow(subject, "send-interval deviation max", "ms", Pacing.Intervals, Pacing.Max, Pacing.Max, Pacing.Max, note));
            result.Add(GcWindow is null
                ? PerfRow.Unavailable(subject, "max GC pause in the call window (≤)", "ms", "/api/status has no runtime object")
                : GcWindow with { Subject = subject });
            long sent = 0, received = 0, lost = 0, concealed = 0;
            foreach (var e in Ended)
            {
                sent += Number(e.Data, "packetsSent");
                received += Number(e.Data, "packetsReceived");
                lost += Number(e.Data, "packetsLost");
                concealed += Number(e.Data, "concealedSamples");
            }

            result.Add(PerfRow.Single(subject, "packets received / sent (echo)", "ratio", sent == 0 ? double.NaN : (double)received / sent,
                string.Create(CultureInfo.InvariantCulture, $"{Ended.Count} calls: {sent} sent, {received} received, {lost} lost, {concealed} samples concealed")));
        }

        private static long Number(JsonElement data, string name) =>
            data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;
    }
}
