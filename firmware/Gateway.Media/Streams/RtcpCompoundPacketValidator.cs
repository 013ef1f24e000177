using Gateway.Rtp.Rtcp;

namespace Gateway.Media.Streams;

/// <summary>RFC 3550 A.2 validity of an RTCP compound, as a yes/no (the session counts the failures).</summary>
internal static class RtcpCompoundPacketValidator
{
    public static bool IsValid(ReadOnlySpan<byte> datagram) => RtcpCompoundPacket.TryParse(datagram, datagram.Length, out _, out _);
}
