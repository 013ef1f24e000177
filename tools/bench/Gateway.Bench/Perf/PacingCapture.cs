using System.Diagnostics;
using System.Globalization;

namespace Gateway.Bench.Perf;

/// <summary>
/// Send pacing from a capture: tshark on <c>lo</c>, filtered to UDP packets towards one port, records the kernel's
/// timestamp of every packet and its source port. Each source port is one RTP stream; its deviation is
/// |interval − ptime| between consecutive packets.
/// </summary>
internal sealed class PacingCapture : IAsyncDisposable
{
    private readonly Process _tshark;
    private readonly List<(int SourcePort, double Seconds)> _packets = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _capturing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _stderr = [];

    private PacingCapture(Process tshark)
    {
        _tshark = tshark;
        tshark.OutputDataReceived += (_, e) => OnLine(e.Data);
        tshark.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_gate)
            {
                _stderr.Add(e.Data);
            }

            if (e.Data.Contains("Capturing on", StringComparison.Ordinal))
            {
                _capturing.TrySetResult();
            }
        };
        tshark.BeginOutputReadLine();
        tshark.BeginErrorReadLine();
    }

    /// <summary>Starts tshark and returns once it reports it is capturing.</summary>
    public static async Task<PacingCapture> StartAsync(int destinationPort, CancellationToken ct)
    {
        var info = new ProcessStartInfo("tshark")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-i", "lo", "-n", "-l", "-f", $"udp dst port {destinationPort.ToString(CultureInfo.InvariantCulture)}", "-T", "fields", "-e", "udp.srcport", "-e", "frame.time_relative" })
        {
            info.ArgumentList.Add(arg);
        }

        var capture = new PacingCapture(Process.Start(info) ?? throw new InvalidOperationException("tshark did not start"));
        var started = await Task.WhenAny(capture._capturing.Task, capture._tshark.WaitForExitAsync(ct), Task.Delay(TimeSpan.FromSeconds(20), ct));
        if (started != capture._capturing.Task)
        {
            var why = capture.Stderr();
            await capture.DisposeAsync();
            throw new InvalidOperationException($"tshark did not start capturing on lo: {why}");
        }

        return capture;
    }

    /// <summary>Forgets every packet so far (the window starts now).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _packets.Clear();
        }
    }

    /// <summary>Stops tshark (SIGINT, so it flushes) and returns every stream's deviations in milliseconds.</summary>
    public async Task<PacingFigures> StopAsync(double ptimeMs)
    {
        await StopTsharkAsync();
        List<(int SourcePort, double Seconds)> packets;
        lock (_gate)
        {
            packets = [.. _packets];
        }

        return PacingFigures.Of(packets, ptimeMs);
    }

    public async ValueTask DisposeAsync()
    {
        await StopTsharkAsync();
        _tshark.Dispose();
    }

    private async Task StopTsharkAsync()
    {
        if (_tshark.HasExited)
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-INT", _tshark.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _tshark.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _tshark.Kill();
        }
    }

    private string Stderr()
    {
        lock (_gate)
        {
            return string.Join(" | ", _stderr.TakeLast(5));
        }
    }

    private void OnLine(string? line)
    {
        var parts = line?.Split('\t');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        lock (_gate)
        {
            _packets.Add((port, seconds));
        }
    }
}
