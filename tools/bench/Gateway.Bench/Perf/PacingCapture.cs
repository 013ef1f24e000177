using System.Globalization;

namespace Gateway.Bench.Perf;

/// <summary>
/// Send pacing from a capture: tshark on <c>lo</c>, filtered to UDP packets towards one port, records the kernel's
/// timestamp of every packet and its source port. Each source port is one RTP stream; its deviation is
/// |interval − ptime| between consecutive packets.
/// </summary>
internal sealed class PacingCapture : IAsyncDisposable
{
    // Headers only (loopback 14 + IPv4 up to 60 + UDP 8 bytes): the source port and the timestamp are all that is
    // read, and dumpcap's temporary file of a 10-minute call stays a few MB instead of holding every payload.
    private const string SnapLength = "96";

    private readonly List<(int SourcePort, double Seconds)> _packets = [];
    private readonly Lock _gate = new();
    private TsharkCapture? _tshark;

    private PacingCapture()
    {
    }

    /// <summary>Starts tshark and returns once it reports it is capturing.</summary>
    public static async Task<PacingCapture> StartAsync(int destinationPort, CancellationToken ct)
    {
        var capture = new PacingCapture();
        capture._tshark = await TsharkCapture.StartAsync(
            $"udp dst port {destinationPort.ToString(CultureInfo.InvariantCulture)}", ["-s", SnapLength], ["udp.srcport", "frame.time_relative"], capture.OnFields, ct);
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
        await _tshark!.StopAsync();
        List<(int SourcePort, double Seconds)> packets;
        lock (_gate)
        {
            packets = [.. _packets];
        }

        return PacingFigures.Of(packets, ptimeMs);
    }

    public async ValueTask DisposeAsync() => await _tshark!.DisposeAsync();

    private void OnFields(string[] parts)
    {
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
