using System.Net;

namespace Gateway.Sip.Transport;

/// <summary>Where a message goes: a transport protocol and an IP endpoint.</summary>
/// <param name="Transport">The transport protocol.</param>
/// <param name="EndPoint">The remote IP address and port.</param>
public readonly record struct SipEndPoint(SipTransportKind Transport, IPEndPoint EndPoint)
{
    /// <summary>True for transports that retransmit themselves, so timers A, E and G stay off (RFC 3261 §17).</summary>
    public bool IsReliable => Transport != SipTransportKind.Udp;

    /// <inheritdoc/>
    public override string ToString() => $"{Transport.ToString().ToUpperInvariant()}:{EndPoint}";
}
