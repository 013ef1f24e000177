using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Bench.Perf;

/// <summary>
/// Case h's media run: the stations worker of case e (N stations in PCMU calls to a UDP sink here) started under the
/// gateway's own runtimeconfig.json plus a candidate's environment, measured over one window: CPU per call, pacing at
/// the sink (tshark), and the GC counts the worker prints when it stops.
/// </summary>
internal static class StationsProbe
{
    /// <summary>
    /// What one run measured: the worker's CPU (% of a core, all its stations), pacing at the sink, and the two lines it
    /// prints when it stops (<see cref="Gc"/> and <see cref="Runtime"/> are null when it printed none).
    /// </summary>
    public sealed record Result(int Stations, double CpuPercent, PacingFigures Pacing, GcCounts? Gc, RuntimeFigures? Runtime)
    {
        /// <summary>CPU per call: the worker's CPU over its stations.</summary>
        public double CpuPerCallPercent => CpuPercent / Stations;
    }

    /// <summary>
    /// The gateway's runtimeconfig.json (beside gateway.dll), so the child runs with the shipped GC and JIT settings;
    /// null when the build has none (the child then runs under the bench's own, and the case says so).
    /// </summary>
    public static string? GatewayRuntimeConfig(BenchOptions options)
    {
        var path = Path.ChangeExtension(options.GatewayDll, ".runtimeconfig.json");
        return File.Exists(path) ? path : null;
    }

    public static async Task<Result> RunAsync(PerfContext context, int stations, string wav, TimeSpan window, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)sink.LocalEndPoint!).Port;
        using var drainStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var drain = DrainAsync(sink, drainStop.Token);
        await using var capture = await PacingCapture.StartAsync(port, ct);
        using var worker = Process.Start(StartInfo(context, stations, port, wav, environment)) ?? throw new InvalidOperationException("the stations worker did not start");
        var stopped = false;
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
            worker.StandardInput.Close();
            stopped = true;
            var (gc, runtime) = await ReadLastLinesAsync(worker, ct);
            return new Result(stations, figures.CpuPercent[0], pacing, gc, runtime);
        }
        finally
        {
            if (!stopped)
            {
                worker.StandardInput.Close();
            }

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
                // The sink closes with the run.
            }
        }
    }

    private static ProcessStartInfo StartInfo(PerfContext context, int stations, int port, string wav, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("exec");
        if (GatewayRuntimeConfig(context.Options) is { } runtimeConfig)
        {
            // The gateway's frameworks include Microsoft.NETCore.App, so the bench's assembly runs under them unchanged.
            info.ArgumentList.Add("--runtimeconfig");
            info.ArgumentList.Add(runtimeConfig);
        }

        foreach (var arg in new[] { typeof(StationsProbe).Assembly.Location, StationsWorker.Flag, stations.ToString(CultureInfo.InvariantCulture), port.ToString(CultureInfo.InvariantCulture), wav })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    // After its standard input closes the worker prints its runtime line (GC pauses, clock scheduling) and its GC counts,
    // then disposes the stations and exits.
    private static async Task<(GcCounts? Gc, RuntimeFigures? Runtime)> ReadLastLinesAsync(Process worker, CancellationToken ct)
    {
        GcCounts? gc = null;
        RuntimeFigures? runtime = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            while (await worker.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                gc = GcCounts.TryParse(line) ?? gc;
                runtime = RuntimeFigures.FromWorkerLine(line) ?? runtime;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A worker that hangs on the way out has no GC figures; its other figures stand.
        }

        return (gc, runtime);
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
