using System.Net;
using System.Net.Sockets;

namespace Gateway.Sip.Transport;

/// <summary>
/// The set of local transports. Sends pick a transport by protocol and address family; every
/// transport delivers to the one receiver given to <see cref="Start"/>.
/// </summary>
public sealed class SipTransportLayer : IAsyncDisposable
{
    private readonly List<ISipTransport> _transports = [];
    private ISipTransportReceiver? _receiver;

    /// <summary>The transports, in the order added.</summary>
    public IReadOnlyList<ISipTransport> Transports => _transports;

    /// <summary>Adds a transport; before <see cref="Start"/> it waits, afterwards it starts at once.</summary>
    /// <param name="transport">The transport; the layer disposes it.</param>
    public void Add(ISipTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transports.Add(transport);
        if (_receiver is not null)
        {
            transport.Start(_receiver);
        }
    }

    /// <summary>Starts every transport, delivering to one receiver.</summary>
    /// <param name="receiver">The consumer (the transaction layer).</param>
    public void Start(ISipTransportReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (_receiver is not null)
        {
            throw new InvalidOperationException("The transport layer has already been started.");
        }

        _receiver = receiver;
        foreach (var transport in _transports)
        {
            transport.Start(receiver);
        }
    }

    /// <summary>Finds a transport for a protocol and address family.</summary>
    /// <param name="kind">The protocol.</param>
    /// <param name="family">IPv4 or IPv6.</param>
    /// <returns>The first match, or null.</returns>
    public ISipTransport? Find(SipTransportKind kind, AddressFamily family)
    {
        foreach (var transport in _transports)
        {
            if (transport.Kind == kind && transport.LocalEndPoint.AddressFamily == family)
            {
                return transport;
            }
        }

        return null;
    }

    /// <summary>Finds the transport to reach a destination.</summary>
    /// <param name="destination">The destination.</param>
    /// <returns>The transport.</returns>
    /// <exception cref="InvalidOperationException">No transport of that protocol and family exists.</exception>
    public ISipTransport Resolve(SipEndPoint destination) =>
        Find(destination.Transport, destination.EndPoint.AddressFamily)
        ?? throw new InvalidOperationException($"No {destination.Transport} transport for {destination.EndPoint.AddressFamily}.");

    /// <summary>Sends bytes to a destination.</summary>
    /// <param name="destination">Protocol and endpoint.</param>
    /// <param name="data">A whole serialized message.</param>
    /// <param name="cancellationToken">Cancels a connect or write.</param>
    /// <returns>Completes when handed to the OS.</returns>
    public ValueTask SendAsync(SipEndPoint destination, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        Resolve(destination).SendAsync(destination.EndPoint, data, cancellationToken);

    /// <summary>Sends an RFC 5626 CRLF keep-alive; the registration layer calls this periodically.</summary>
    /// <param name="destination">The registrar or outbound proxy.</param>
    /// <param name="cancellationToken">Cancels a write.</param>
    /// <returns>False when a stream transport has no connection to the peer.</returns>
    public ValueTask<bool> SendKeepAliveAsync(SipEndPoint destination, CancellationToken cancellationToken = default) =>
        Resolve(destination).SendKeepAliveAsync(destination.EndPoint, cancellationToken);

    /// <summary>The local endpoint a message to this destination leaves from (for Via sent-by and Contact).</summary>
    /// <param name="destination">The destination.</param>
    /// <returns>The local endpoint.</returns>
    public IPEndPoint GetLocalEndPoint(SipEndPoint destination) => Resolve(destination).LocalEndPoint;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _transports)
        {
            await transport.DisposeAsync();
        }
    }
}
