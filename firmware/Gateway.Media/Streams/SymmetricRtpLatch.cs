using System.Net;
using System.Net.Sockets;

namespace Gateway.Media.Streams;

/// <summary>
/// Symmetric RTP (RFC 4961 practice behind NATs): latch onto the source address of the first valid packet, send to
/// it from then on, and drop packets from any other source (counted). <see cref="Reset"/> unlatches when the remote
/// address changes (re-INVITE).
/// </summary>
public sealed class SymmetricRtpLatch
{
    private SocketAddress? _latched;
    private long _rejected;

    /// <summary>Whether a source has been latched.</summary>
    public bool IsLatched => Volatile.Read(ref _latched) is not null;

    /// <summary>Packets dropped because they came from another source than the latched one.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>The latched source, or null before the first valid packet.</summary>
    public SocketAddress? Latched => Volatile.Read(ref _latched);

    /// <summary>The latched source as an endpoint (allocates; for diagnostics).</summary>
    public IPEndPoint? LatchedEndPoint =>
        Latched is { } address ? (IPEndPoint)new IPEndPoint(address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(address) : null;

    /// <summary>Checks a valid packet's source; the first one latches (copied, so the caller may reuse its buffer).</summary>
    /// <returns>False when the packet comes from a source other than the latched one.</returns>
    public bool Accept(SocketAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var latched = Volatile.Read(ref _latched);
        if (latched is null)
        {
            var copy = new SocketAddress(source.Family, source.Size);
            source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
            Volatile.Write(ref _latched, copy);
            return true;
        }

        if (latched.Equals(source))
        {
            return true;
        }

        Interlocked.Increment(ref _rejected);
        return false;
    }

    /// <summary>Forgets the latched source; the next valid packet latches again.</summary>
    public void Reset() => Volatile.Write(ref _latched, null);
}
