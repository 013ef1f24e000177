using System.Net;
using System.Net.Sockets;

namespace Gateway.Media.Sessions;

/// <summary>
/// A call's RTP/RTCP sockets, bound before the first offer is written so the port in the SDP is ours until the stream
/// takes the sockets over: RTP on an even port, RTCP on the next odd one (RFC 3550 §11).
/// </summary>
internal sealed class RtpPortPair : IDisposable
{
    private const int Attempts = 64;

    private Socket? _rtp;
    private Socket? _rtcp;

    private RtpPortPair(Socket rtp, Socket rtcp)
    {
        _rtp = rtp;
        _rtcp = rtcp;
        Local = (IPEndPoint)rtp.LocalEndPoint!;
    }

    /// <summary>The bound RTP endpoint.</summary>
    public IPEndPoint Local { get; }

    /// <summary>Binds an ephemeral even port and the odd one above it on <paramref name="address"/>.</summary>
    /// <exception cref="SocketException">No pair could be bound.</exception>
    public static RtpPortPair BindEphemeral(IPAddress address)
    {
        SocketException? last = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var rtp = NewSocket(address);
            try
            {
                rtp.Bind(new IPEndPoint(address, 0));
                var port = ((IPEndPoint)rtp.LocalEndPoint!).Port;
                if (port % 2 == 1 || port == IPEndPoint.MaxPort)
                {
                    // An odd ephemeral port: try again rather than guess at a neighbour another process may own.
                    rtp.Dispose();
                    continue;
                }

                var rtcp = NewSocket(address);
                try
                {
                    rtcp.Bind(new IPEndPoint(address, port + 1));
                    return new RtpPortPair(rtp, rtcp);
                }
                catch (SocketException ex)
                {
                    last = ex;
                    rtcp.Dispose();
                    rtp.Dispose();
                }
            }
            catch (SocketException ex)
            {
                last = ex;
                rtp.Dispose();
            }
        }

        throw last ?? new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    /// <summary>Binds exactly <paramref name="local"/> and its port + 1 (a stream rebuilt on the port its SDP named).</summary>
    /// <exception cref="SocketException">A port is taken.</exception>
    public static RtpPortPair Bind(IPEndPoint local)
    {
        var rtp = NewSocket(local.Address);
        try
        {
            rtp.Bind(local);
            var rtcp = NewSocket(local.Address);
            try
            {
                rtcp.Bind(new IPEndPoint(local.Address, local.Port + 1));
                return new RtpPortPair(rtp, rtcp);
            }
            catch
            {
                rtcp.Dispose();
                throw;
            }
        }
        catch
        {
            rtp.Dispose();
            throw;
        }
    }

    /// <summary>Hands both sockets over; the caller owns them from now on.</summary>
    /// <exception cref="InvalidOperationException">Already taken.</exception>
    public (Socket Rtp, Socket Rtcp) Take()
    {
        var rtp = Interlocked.Exchange(ref _rtp, null) ?? throw new InvalidOperationException("the sockets were already taken");
        var rtcp = Interlocked.Exchange(ref _rtcp, null)!;
        return (rtp, rtcp);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Interlocked.Exchange(ref _rtp, null)?.Dispose();
        Interlocked.Exchange(ref _rtcp, null)?.Dispose();
    }

    private static Socket NewSocket(IPAddress address) => new(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
}
