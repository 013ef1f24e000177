using System.Buffers.Binary;

namespace Gateway.Rtp.Rtcp;

/// <summary>The sender information of an SR (RFC 3550 §6.4.1).</summary>
/// <param name="NtpTimestamp">64-bit NTP wallclock time of the report.</param>
/// <param name="RtpTimestamp">The same instant in the stream's RTP clock.</param>
/// <param name="PacketCount">RTP packets sent since the stream started.</param>
/// <param name="OctetCount">Payload octets sent since the stream started.</param>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    /// <summary>Octets of sender info.</summary>
    public const int Length = 20;

    /// <summary>The middle 32 bits of the NTP timestamp, which receivers echo as LSR.</summary>
    public uint CompactNtp => (uint)(NtpTimestamp >> 16);

    /// <summary>Reads sender info from 20 octets.</summary>
    public static RtcpSenderInfo Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt64BigEndian(source),
        BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
        BinaryPrimitives.ReadUInt32BigEndian(source[12..]),
        BinaryPrimitives.ReadUInt32BigEndian(source[16..]));

    /// <summary>Writes sender info into 20 octets.</summary>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], OctetCount);
    }
}
