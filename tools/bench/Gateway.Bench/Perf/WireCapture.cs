using System.Globalization;
using System.Text;

namespace Gateway.Bench.Perf;

/// <summary>
/// Every frame with a payload on the gateway's API port (TCP) and the network server's SIP port (UDP), from one tshark
/// on <c>lo</c>: one clock for the HTTP request, the SIP datagrams and the SSE events. TCP reassembly is off, so each
/// segment is reported when it crossed the wire, not when its HTTP message was complete.
/// </summary>
internal sealed class WireCapture : IAsyncDisposable
{
    private readonly List<WireFrame> _frames = [];
    private readonly Lock _gate = new();
    private TsharkCapture? _tshark;

    private WireCapture()
    {
    }

    public static async Task<WireCapture> StartAsync(int apiPort, int sipServerPort, CancellationToken ct)
    {
        var capture = new WireCapture();
        var filter = string.Create(CultureInfo.InvariantCulture, $"tcp port {apiPort} or udp port {sipServerPort}");
        capture._tshark = await TsharkCapture.StartAsync(
            filter,
            ["-o", "tcp.desegment_tcp_streams:FALSE"],
            ["frame.time_epoch", "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport", "tcp.payload", "udp.payload"],
            capture.OnFields,
            ct);
        return capture;
    }

    /// <summary>Stops tshark and returns every frame with a payload, in capture order.</summary>
    public async Task<IReadOnlyList<WireFrame>> StopAsync()
    {
        await _tshark!.StopAsync();
        lock (_gate)
        {
            return [.. _frames];
        }
    }

    public async ValueTask DisposeAsync() => await _tshark!.DisposeAsync();

    private void OnFields(string[] f)
    {
        if (f.Length != 7 || !double.TryParse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        var udp = f[3].Length > 0;
        var hex = udp ? f[6] : f[5];
        if (hex.Length == 0
            || !int.TryParse(udp ? f[3] : f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var source)
            || !int.TryParse(udp ? f[4] : f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var destination))
        {
            return;
        }

        // tshark 4.0 prints bytes as plain hex; older ones put colons between them.
        var text = Encoding.UTF8.GetString(Convert.FromHexString(hex.Replace(":", string.Empty, StringComparison.Ordinal)));
        lock (_gate)
        {
            _frames.Add(new WireFrame(seconds, udp, source, destination, text));
        }
    }
}
