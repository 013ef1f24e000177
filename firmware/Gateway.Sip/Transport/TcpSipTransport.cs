using System.Net;
using System.Net.Sockets;

namespace Gateway.Sip.Transport;

/// <summary>SIP over TCP (RFC 3261 §18): a <see cref="SipStreamTransport"/> over plain sockets.</summary>
public sealed class TcpSipTransport : SipStreamTransport
{
    /// <summary>Binds and listens.</summary>
    /// <param name="bindAddress">The local address and port (0 for ephemeral), IPv4 or IPv6.</param>
    /// <param name="options">Limits, idle timeout, clock, logger; defaults when null.</param>
    public TcpSipTransport(IPEndPoint bindAddress, SipTransportOptions? options = null)
        : base(bindAddress, options)
    {
    }

    /// <inheritdoc/>
    public override SipTransportKind Kind => SipTransportKind.Tcp;

    /// <inheritdoc/>
    protected override ValueTask<Stream> OpenServerStreamAsync(Socket accepted, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Stream>(new NetworkStream(accepted, ownsSocket: true));

    /// <inheritdoc/>
    protected override ValueTask<Stream> OpenClientStreamAsync(Socket connected, IPEndPoint remote, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Stream>(new NetworkStream(connected, ownsSocket: true));
}
