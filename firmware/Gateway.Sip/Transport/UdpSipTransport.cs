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
/// <remarks>
/// The socket is used only synchronously: one dedicated thread blocks in <c>recvfrom</c> and dispatches each datagram
/// inline, and sends are plain <c>sendto</c> calls (a UDP send only waits while the kernel's send buffer is full).
/// An async receive on Linux costs an epoll wake-up plus a thread-pool hop per datagram, and one async operation
/// would switch the socket to non-blocking mode for good; measured on the registration benchmark, the thread-pool
/// path cost about a quarter of the process's CPU.
/// </remarks>
public sealed class UdpSipTransport : ISipTransport
{
    private const int MaxDatagram = 65_536;

    private static readonly ReadOnlyMemory<byte> s_keepAlive = "\r\n\r\n"u8.ToArray();

    private readonly Socket _socket;
    private readonly SipTransportOptions _options;
    private readonly SipLogRateLimiter _logLimiter;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _receiveLoopDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiveLoop = Task.CompletedTask;
    private int _started;

    // The serialized form of the last destination: a stack sends almost everything to one registrar or proxy.
    private SendTarget? _lastTarget;

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

        _receiveLoop = _receiveLoopDone.Task;
        var thread = new Thread(() => ReceiveLoop(receiver))
        {
            IsBackground = true,
            Name = "SIP UDP " + LocalEndPoint,
        };
        thread.Start();
    }

    /// <inheritdoc/>
    /// <remarks>Completes synchronously: the datagram is in the kernel when this returns.</remarks>
    public ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        try
        {
            var target = _lastTarget;
            if (target is null || !target.EndPoint.Equals(remote))
            {
                target = new SendTarget(new IPEndPoint(remote.Address, remote.Port), remote.Serialize());
                _lastTarget = target;
            }

            _socket.SendTo(data.Span, SocketFlags.None, target.Address);
            return ValueTask.CompletedTask;
        }
        catch (Exception ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> SendKeepAliveAsync(IPEndPoint remote, CancellationToken cancellationToken = default)
    {
        await SendAsync(remote, s_keepAlive, cancellationToken);
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

    private void ReceiveLoop(ISipTransportReceiver receiver)
    {
        // One pooled buffer for the life of the socket: datagrams are parsed into their own arrays before the next receive.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        var address = new SocketAddress(LocalEndPoint.AddressFamily);
        var template = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        SocketAddress? lastAddress = null;
        IPEndPoint? lastRemote = null;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int received;
                try
                {
                    received = _socket.ReceiveFrom(buffer.AsSpan(0, MaxDatagram), SocketFlags.None, address);
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException) when (_stop.IsCancellationRequested)
                {
                    // Disposing the socket wakes the blocked receive with an error.
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

                // Most datagrams come from the peer of the previous one; reuse its endpoint rather than decode a new one.
                if (lastRemote is null || !address.Equals(lastAddress))
                {
                    lastRemote = (IPEndPoint)template.Create(address);
                    lastAddress = new SocketAddress(address.Family, address.Size);
                    address.Buffer.Span[..address.Size].CopyTo(lastAddress.Buffer.Span);
                }

                SipDatagramDispatcher.Dispatch(buffer.AsSpan(0, received), receiver, new SipInboundContext(this, lastRemote), _options.Parser, _options.Logger);
            }
        }
        catch (Exception ex)
        {
            // Dispatch catches what the layers above throw; anything else here would end the process on this thread.
            _options.Logger.LogError(ex, "SIP UDP {Local}: the receive loop stopped", LocalEndPoint);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _receiveLoopDone.TrySetResult();
        }
    }

    private sealed record SendTarget(IPEndPoint EndPoint, SocketAddress Address);
}
