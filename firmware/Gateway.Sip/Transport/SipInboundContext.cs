using System.Net;

namespace Gateway.Sip.Transport;

/// <summary>Where an inbound message came from: the local transport it arrived on and the remote endpoint.</summary>
/// <param name="Transport">The local transport (responses leave through the same one).</param>
/// <param name="Remote">The source address and port of the datagram or connection.</param>
public readonly record struct SipInboundContext(ISipTransport Transport, IPEndPoint Remote)
{
    /// <summary>The remote side as a <see cref="SipEndPoint"/>.</summary>
    public SipEndPoint RemoteEndPoint => new(Transport.Kind, Remote);
}
