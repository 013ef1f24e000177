using System.Diagnostics;
using System.Globalization;

namespace Gateway.Bench.Perf;

/// <summary>
/// tshark on <c>lo</c> with a capture filter, printing chosen fields of every frame as it is captured (kernel
/// timestamps). Each output line is split on tabs and handed to the caller; stopping sends SIGINT so tshark flushes.
/// </summary>
internal sealed class TsharkCapture : IAsyncDisposable
{
    private readonly Process _tshark;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _capturing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _stderr = [];

    private TsharkCapture(Process tshark, Action<string[]> onFields)
    {
        _tshark = tshark;
        tshark.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                onFields(line.Split('\t'));
            }
        };
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
    /// <param name="filter">The capture (BPF) filter.</param>
    /// <param name="options">Further tshark arguments (e.g. <c>-o</c> preferences).</param>
    /// <param name="fields">The <c>-e</c> fields, in the order <paramref name="onFields"/> gets them.</param>
    /// <param name="onFields">Called on tshark's output thread for every frame.</param>
    /// <param name="ct">Cancels the wait for tshark to start.</param>
    public static async Task<TsharkCapture> StartAsync(string filter, IEnumerable<string> options, IEnumerable<string> fields, Action<string[]> onFields, CancellationToken ct)
    {
        var info = new ProcessStartInfo("tshark")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-i", "lo", "-n", "-l", "-f", filter }.Concat(options).Append("-T").Append("fields"))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var field in fields)
        {
            info.ArgumentList.Add("-e");
            info.ArgumentList.Add(field);
        }

        var capture = new TsharkCapture(Process.Start(info) ?? throw new InvalidOperationException("tshark did not start"), onFields);
        var started = await Task.WhenAny(capture._capturing.Task, capture._tshark.WaitForExitAsync(ct), Task.Delay(TimeSpan.FromSeconds(20), ct));
        if (started != capture._capturing.Task)
        {
            var why = capture.Stderr();
            await capture.DisposeAsync();
            throw new InvalidOperationException($"tshark did not start capturing on lo: {why}");
        }

        return capture;
    }

    /// <summary>Stops tshark (SIGINT, so every captured frame is printed first) and waits for it to exit.</summary>
    public async Task StopAsync()
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
            // tshark runs dumpcap as its child; killing tshark alone left dumpcap capturing (seen on a loaded machine).
            _tshark.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _tshark.Dispose();
    }

    private string Stderr()
    {
        lock (_gate)
        {
            return string.Join(" | ", _stderr.TakeLast(5));
        }
    }
}
