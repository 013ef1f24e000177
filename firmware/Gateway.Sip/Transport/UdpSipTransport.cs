using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Gateway.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 §18): one socket per bind address, one message per datagram of at most
/// 64 KiB. Requests are stamped with received/rport (RFC 3581) before delivery. A datagram that does
/// not parse is reported to the receiver and the loop goes on.
/// </summary>
public sealed class UdpSipTransport : ISipTransport
{
    private const int MaxDatagram = 65_536;

    private readonly Socket _socket;
    private readonly SipTransportOptions _options;
    private readonly SipLogRateLimiter _logLimiter;
    private readonly CancellationTokenSource _stop = new();
    private Task _receiveLoop = Task.CompletedTask;
    private int _started;

    /// <summary>Binds the socket (port 0 picks an ephemeral port, see <see cref="LocalEndPoint"/>).</summary>
    /// <param name="bindAddress">The local address and port, IPv4 or IPv6.</param>
    /// <param name="options">Limits, clock and logger; defaults when null.</param>
    public UdpSipTransport(IPEndPoint bindAddress, SipTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bindAddress);
        _options = options ?? SipTransportOptions.Default;
        _logLimiter = new SipLogRateLimiter(_options.TimeProvider, TimeSpan.FromMinutes(1));
        _socket = new Socket(bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (bindAddress.AddressFamily == AddressFamily.InterNetworkV6)
            {
                _socket.DualMode = false;
            }

            _socket.Bind(bindAddress);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <inheritdoc/>
    public SipTransportKind Kind => SipTransportKind.Udp;

    /// <inheritdoc/>
    public bool IsReliable => false;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc/>
    public void Start(ISipTransportReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The transport has already been started.");
        }

        _receiveLoop = Task.Run(() => ReceiveLoopAsync(receiver));
    }

    /// <inheritdoc/>
    public async ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        await _socket.SendToAsync(data, SocketFlags.None, remote, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> SendKeepAliveAsync(IPEndPoint remote, CancellationToken cancellationToken = default)
    {
        await SendAsync(remote, "\r\n\r\n"u8.ToArray(), cancellationToken);
        return true;
    }

    /// <summary>Releases a transport that was never started (nothing to await).</summary>
    internal void CloseUnstarted()
    {
        if (Volatile.Read(ref _started) != 0)
        {
            throw new InvalidOperationException("A started transport is released with DisposeAsync.");
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _receiveLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(ISipTransportReceiver receiver)
    {
        // One pooled buffer for the life of the socket: datagrams are parsed into their own arrays before the next receive.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                SocketReceiveFromResult result;
                try
                {
                    result = await _socket.ReceiveFromAsync(buffer.AsMemory(0, MaxDatagram), SocketFlags.None, any, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException ex)
                {
                    // ICMP errors from earlier sends surface here on some platforms; the socket is still usable.
                    if (_logLimiter.ShouldLog("receive"))
                    {
                        _options.Logger.LogWarning(ex, "SIP UDP {Local}: receive error {Error}", LocalEndPoint, ex.SocketErrorCode);
                    }

                    continue;
                }

                var remote = (IPEndPoint)result.RemoteEndPoint;
                SipDatagramDispatcher.Dispatch(buffer.AsSpan(0, result.ReceivedBytes), receiver, new SipInboundContext(this, remote), _options.Parser, _options.Logger);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
