using System.Net;

namespace Gateway.Sip.Transport;

/// <summary>A transport on a <see cref="LoopbackSipNetwork"/>; delivery is synchronous, inside <see cref="SendAsync"/>.</summary>
public sealed class LoopbackSipTransport : ISipTransport
{
    private readonly LoopbackSipNetwork _network;

    internal LoopbackSipTransport(LoopbackSipNetwork network, SipTransportKind kind, IPEndPoint local)
    {
        _network = network;
        Kind = kind;
        LocalEndPoint = local;
    }

    /// <inheritdoc/>
    public SipTransportKind Kind { get; }

    /// <inheritdoc/>
    public bool IsReliable => Kind != SipTransportKind.Udp;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    internal ISipTransportReceiver? Receiver { get; private set; }

    /// <inheritdoc/>
    public void Start(ISipTransportReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        Receiver = receiver;
    }

    /// <inheritdoc/>
    public ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        _network.Deliver(this, remote, data);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<bool> SendKeepAliveAsync(IPEndPoint remote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        _network.Deliver(this, remote, "\r\n\r\n"u8.ToArray());
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _network.Remove(this);
        return ValueTask.CompletedTask;
    }
}
