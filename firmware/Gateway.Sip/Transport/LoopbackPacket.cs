using System.Net;

namespace Gateway.Sip.Transport;

/// <summary>One message carried by a <see cref="LoopbackSipNetwork"/>.</summary>
/// <param name="Kind">The transport protocol.</param>
/// <param name="From">The sender's local endpoint.</param>
/// <param name="To">The destination.</param>
/// <param name="Data">The bytes.</param>
public sealed record LoopbackPacket(SipTransportKind Kind, IPEndPoint From, IPEndPoint To, ReadOnlyMemory<byte> Data)
{
    /// <summary>The bytes as text, for assertions.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Data.Span);
}
