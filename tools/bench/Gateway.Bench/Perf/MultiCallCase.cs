using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Bench.Perf;

/// <summary>
/// Case e: N simulated stations all in calls at once (a child process, see <see cref="StationsWorker"/>): CPU per
/// call from the child's /proc figures, and pacing of every stream from tshark at the sink. The largest N whose
/// p99.9 deviation stays within 2 ms is reported.
/// </summary>
internal static class MultiCallCase
{
    private const double LimitMs = 2;

    public static async Task RunAsync(PerfContext context, PerfCase result, CancellationToken ct)
    {
        var window = context.Durations.MultiCallWindow;
        result.Notes.Add($"Measured variant: the gateway's media stack (Gateway.Media StationAudio + CallMediaSession, one media clock per station, WAV source, PCMU 20 ms) in a child process, sending to a UDP sink here — not the host process: a bay board of N stations in the host needs N cards and N far ends.");
        result.Notes.Add($"N = {string.Join(", ", context.Durations.MultiCallStations)}; window {window.TotalSeconds:F0} s per N from 1 s after all calls send; CPU per call = child CPU / window / N; pacing from tshark at the sink, pooled over all streams; max GC pause from the child's GcPauseMonitor (runtime GC events) from 'ready' to the end of the window, with the media clock's scheduling (fifo:15 or normal).");
        var wav = Path.Combine(context.Options.RunDirectory, "perf-tone.wav");
        await File.WriteAllBytesAsync(wav, Wav.Tone(BaresipParty.ToneHz, seconds: 5), ct);
        int? largest = null;
        foreach (var n in context.Durations.MultiCallStations)
        {
            var (cpuPercent, pacing, runtime) = await MeasureAsync(context, n, wav, window, ct);
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

    private static async Task<(double CpuPercent, PacingFigures Pacing, RuntimeFigures? Runtime)> MeasureAsync(PerfContext context, int stations, string wav, TimeSpan window, CancellationToken ct)
    {
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)sink.LocalEndPoint!).Port;
        using var drainStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var drain = DrainAsync(sink, drainStop.Token);
        await using var capture = await PacingCapture.StartAsync(port, ct);
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { typeof(MultiCallCase).Assembly.Location, StationsWorker.Flag, stations.ToString(CultureInfo.InvariantCulture), port.ToString(CultureInfo.InvariantCulture), wav })
        {
            info.ArgumentList.Add(arg);
        }

        using var worker = Process.Start(info) ?? throw new InvalidOperationException("the stations worker did not start");
        try
        {
            var line = await worker.StandardOutput.ReadLineAsync(ct);
            if (line != "ready")
            {
                throw new InvalidOperationException($"the stations worker did not get ready (said '{line}', exit {(worker.HasExited ? worker.ExitCode : -1)})");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            capture.Reset();
            var figures = (await ProcessWindow.MeasureAsync(new Dictionary<string, int> { ["worker"] = worker.Id }, window, 1, ct))["worker"];
            var pacing = await capture.StopAsync(20);

            // Closing its input ends the worker's window; its last line carries its GC pauses and clock scheduling.
            worker.StandardInput.Close();
            RuntimeFigures? runtime = null;
            using var lines = CancellationTokenSource.CreateLinkedTokenSource(ct);
            lines.CancelAfter(TimeSpan.FromSeconds(15));
            while (await worker.StandardOutput.ReadLineAsync(lines.Token) is { } rest)
            {
                runtime = RuntimeFigures.FromWorkerLine(rest) ?? runtime;
            }

            return (figures.CpuPercent[0], pacing, runtime);
        }
        finally
        {
            worker.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await worker.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                worker.Kill();
            }

            await drainStop.CancelAsync();
            sink.Close();
            try
            {
                await drain;
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The sink closes with the case.
            }
        }
    }

    // Reading keeps the sink's queue short (and the port open, so no ICMP unreachable reaches the senders).
    private static async Task DrainAsync(Socket sink, CancellationToken ct)
    {
        var buffer = new byte[2048];
        while (!ct.IsCancellationRequested)
        {
            await sink.ReceiveAsync(buffer, SocketFlags.None, ct);
        }
    }
}
