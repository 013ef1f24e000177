using System.Net;

namespace Gateway.Sip.Transport;

/// <summary>
/// One local transport (a bound UDP socket, a TCP listener with its connections, ...). It frames
/// inbound bytes into messages and hands them to exactly one <see cref="ISipTransportReceiver"/>.
/// </summary>
public interface ISipTransport : IAsyncDisposable
{
    /// <summary>The protocol.</summary>
    SipTransportKind Kind { get; }

    /// <summary>True for stream transports (no retransmission timers above them).</summary>
    bool IsReliable { get; }

    /// <summary>The bound local endpoint, with the real port when bound to port 0.</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Starts receiving. Called once.</summary>
    /// <param name="receiver">The single consumer of inbound messages.</param>
    void Start(ISipTransportReceiver receiver);

    /// <summary>Sends serialized bytes (a whole message) to a remote endpoint, opening a connection if needed.</summary>
    /// <param name="remote">The destination.</param>
    /// <param name="data">The bytes.</param>
    /// <param name="cancellationToken">Cancels a connection attempt or a blocked write.</param>
    /// <returns>Completes when the bytes were handed to the OS.</returns>
    ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends an RFC 5626 §4.4.1 CRLF keep-alive ("\r\n\r\n") so NAT bindings stay open. Stream
    /// transports send it only on an existing connection and answer the peer's ping with "\r\n".
    /// </summary>
    /// <param name="remote">The peer.</param>
    /// <param name="cancellationToken">Cancels a blocked write.</param>
    /// <returns>False when there is no connection to the peer (stream transports only).</returns>
    ValueTask<bool> SendKeepAliveAsync(IPEndPoint remote, CancellationToken cancellationToken = default);
}
