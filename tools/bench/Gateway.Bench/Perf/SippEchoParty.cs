using System.Diagnostics;
using System.Globalization;
using Gateway.NetworkServer;

namespace Gateway.Bench.Perf;

/// <summary>
/// Case e's far end: SIPp's built-in UAS on the bench's PSTN port, answering every call (180, then 200 with a PCMU
/// offer answer) and echoing each RTP packet back to its sender from one media port, so every station both sends
/// and receives a full stream. Pacing is captured towards <see cref="MediaPort"/>.
/// </summary>
internal sealed class SippEchoParty : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private SippEchoParty(Process process, int mediaPort)
    {
        _process = process;
        MediaPort = mediaPort;
        _stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    }

    /// <summary>Gets the port every call's RTP goes to (the echo port of the answer's SDP).</summary>
    public int MediaPort { get; }

    /// <summary>Starts SIPp on <paramref name="sipPort"/> and returns once it has bound it.</summary>
    public static async Task<SippEchoParty> StartAsync(int sipPort, CancellationToken ct)
    {
        var mediaPort = LoopbackPorts.GetFree();
        var info = new ProcessStartInfo("sipp") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     "-sn", "uas", "-i", "127.0.0.1", "-p", sipPort.ToString(CultureInfo.InvariantCulture),
                     "-mp", mediaPort.ToString(CultureInfo.InvariantCulture), "-rtp_echo", "-nostdin",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        var party = new SippEchoParty(process, mediaPort);
        var deadline = Environment.TickCount64 + 10_000;
        while (!IsBound(sipPort) || !IsBound(mediaPort))
        {
            if (process.HasExited)
            {
                var error = await party._stderr;
                await party.DisposeAsync();
                throw new InvalidOperationException($"sipp (UAS on {sipPort}) exited with {process.ExitCode}: {error.Trim()}");
            }

            if (Environment.TickCount64 > deadline)
            {
                await party.DisposeAsync();
                throw new TimeoutException($"sipp did not bind 127.0.0.1:{sipPort} and :{mediaPort} within 10 s");
            }

            await Task.Delay(50, ct);
        }

        return party;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // SIPp prints nothing on start without a terminal, so "ready" is its sockets in the kernel's table (binding a
    // probe instead would race SIPp's own bind).
    private static bool IsBound(int port)
    {
        var suffix = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/net/udp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(fields => fields.Length > 1 && fields[1].EndsWith(suffix, StringComparison.Ordinal));
    }
}
