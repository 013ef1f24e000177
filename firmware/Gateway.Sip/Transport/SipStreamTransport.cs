using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Gateway.Sip.Transport;

/// <summary>
/// Base of stream transports (TCP, and TLS later): a listener, outbound connections reused per
/// remote endpoint, framing by Content-Length, idle connections closed after
/// <see cref="SipTransportOptions.IdleTimeout"/>. A subclass only decides how a socket becomes a
/// <see cref="Stream"/> (plain, or after a TLS handshake).
/// </summary>
public abstract class SipStreamTransport : ISipTransport
{
    private readonly Socket _listener;
    private readonly ConcurrentDictionary<IPEndPoint, SipStreamConnection> _connections = new();
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly SipLogRateLimiter _logLimiter;
    private ISipTransportReceiver? _receiver;
    private ITimer? _idleSweep;
    private Task _acceptLoop = Task.CompletedTask;

    /// <summary>Binds and listens (port 0 picks an ephemeral port, see <see cref="LocalEndPoint"/>).</summary>
    /// <param name="bindAddress">The local address and port, IPv4 or IPv6.</param>
    /// <param name="options">Limits, idle timeout, clock, logger; defaults when null.</param>
    protected SipStreamTransport(IPEndPoint bindAddress, SipTransportOptions? options)
    {
        ArgumentNullException.ThrowIfNull(bindAddress);
        Options = options ?? SipTransportOptions.Default;
        _logLimiter = new SipLogRateLimiter(Options.TimeProvider, TimeSpan.FromMinutes(1));
        _listener = new Socket(bindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (bindAddress.AddressFamily == AddressFamily.InterNetworkV6)
            {
                _listener.DualMode = false;
            }

            _listener.Bind(bindAddress);
            _listener.Listen(64);
        }
        catch
        {
            _listener.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    /// <inheritdoc/>
    public abstract SipTransportKind Kind { get; }

    /// <inheritdoc/>
    public bool IsReliable => true;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Open connections, inbound and outbound.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>The settings.</summary>
    protected SipTransportOptions Options { get; }

    /// <inheritdoc/>
    public void Start(ISipTransportReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (Interlocked.CompareExchange(ref _receiver, receiver, null) is not null)
        {
            throw new InvalidOperationException("The transport has already been started.");
        }

        var period = Options.IdleTimeout / 4;
        _idleSweep = Options.TimeProvider.CreateTimer(static s => ((SipStreamTransport)s!).SweepIdle(), this, period, period);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <inheritdoc/>
    public async ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var connection = await GetOrConnectAsync(remote, cancellationToken);
        await connection.WriteAsync(data, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> SendKeepAliveAsync(IPEndPoint remote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (!_connections.TryGetValue(remote, out var connection))
        {
            return false;
        }

        await connection.WriteAsync("\r\n\r\n"u8.ToArray(), cancellationToken);
        return true;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Turns an accepted socket into the stream messages are read from (TLS: authenticate as server).</summary>
    /// <param name="accepted">The socket; the stream should own it.</param>
    /// <param name="cancellationToken">Cancelled when the transport stops.</param>
    /// <returns>The stream.</returns>
    protected abstract ValueTask<Stream> OpenServerStreamAsync(Socket accepted, CancellationToken cancellationToken);

    /// <summary>Turns a connected socket into a stream (TLS: authenticate as client).</summary>
    /// <param name="connected">The socket; the stream should own it.</param>
    /// <param name="remote">The peer.</param>
    /// <param name="cancellationToken">Cancelled on connect timeout or transport stop.</param>
    /// <returns>The stream.</returns>
    protected abstract ValueTask<Stream> OpenClientStreamAsync(Socket connected, IPEndPoint remote, CancellationToken cancellationToken);

    /// <summary>Stops listening and closes every connection.</summary>
    /// <returns>Completes when every loop has ended.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        await _stop.CancelAsync();
        if (_idleSweep is not null)
        {
            await _idleSweep.DisposeAsync();
        }

        _listener.Dispose();
        foreach (var connection in _connections.Values)
        {
            connection.Close();
            await connection.Completion;
        }

        await _acceptLoop;
    }

    internal void Forget(SipStreamConnection connection) =>
        _connections.TryRemove(new KeyValuePair<IPEndPoint, SipStreamConnection>(connection.Remote, connection));

    private async ValueTask<SipStreamConnection> GetOrConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (_connections.TryGetValue(remote, out var existing))
        {
            return existing;
        }

        // One connect at a time keeps two sends to a new peer from opening two connections.
        await _connectGate.WaitAsync(cancellationToken);
        try
        {
            if (_connections.TryGetValue(remote, out existing))
            {
                return existing;
            }

            var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = new CancellationTokenSource(Options.ConnectTimeout, Options.TimeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, _stop.Token);
                await socket.ConnectAsync(remote, linked.Token);
                var stream = await OpenClientStreamAsync(socket, remote, linked.Token);
                return Register(stream, remote);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private SipStreamConnection Register(Stream stream, IPEndPoint remote)
    {
        var connection = new SipStreamConnection(this, stream, remote, Options.TimeProvider);
        _connections[remote] = connection;
        connection.Start(_receiver ?? throw new InvalidOperationException("Start the transport before sending."), Options);
        return connection;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                if (_logLimiter.ShouldLog("accept"))
                {
                    Options.Logger.LogWarning(ex, "SIP {Kind} {Local}: accept failed", Kind, LocalEndPoint);
                }

                continue;
            }

            _ = AcceptOneAsync(accepted);
        }
    }

    // Separate from the accept loop so a slow TLS handshake cannot hold up other peers.
    private async Task AcceptOneAsync(Socket accepted)
    {
        try
        {
            accepted.NoDelay = true;
            var remote = (IPEndPoint)accepted.RemoteEndPoint!;
            var stream = await OpenServerStreamAsync(accepted, _stop.Token);
            Register(stream, remote);
        }
        catch (Exception ex)
        {
            accepted.Dispose();
            if (_logLimiter.ShouldLog("open"))
            {
                Options.Logger.LogWarning(ex, "SIP {Kind} {Local}: opening an accepted connection failed", Kind, LocalEndPoint);
            }
        }
    }

    private void SweepIdle()
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.IdleFor > Options.IdleTimeout)
            {
                connection.Close();
            }
        }
    }
}
