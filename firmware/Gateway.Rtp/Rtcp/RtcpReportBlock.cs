using System.Buffers.Binary;

namespace Gateway.Rtp.Rtcp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1).</summary>
/// <param name="Ssrc">The source this block reports on.</param>
/// <param name="FractionLost">Loss since the last report, as a fraction of 256.</param>
/// <param name="CumulativeLost">Cumulative packets lost, a signed 24-bit value.</param>
/// <param name="ExtendedHighestSequence">Extended highest sequence number received.</param>
/// <param name="Jitter">Interarrival jitter in timestamp units.</param>
/// <param name="LastSenderReport">Middle 32 bits of the last SR's NTP timestamp, or 0.</param>
/// <param name="DelaySinceLastSenderReport">Delay since that SR in 1/65536 s, or 0.</param>
public readonly record struct RtcpReportBlock(uint Ssrc, byte FractionLost, int CumulativeLost, uint ExtendedHighestSequence, uint Jitter, uint LastSenderReport, uint DelaySinceLastSenderReport)
{
    /// <summary>Octets of one block.</summary>
    public const int Length = 24;

    /// <summary>Reads a block from exactly 24 octets or more.</summary>
    public static RtcpReportBlock Read(ReadOnlySpan<byte> source)
    {
        var lost = (source[5] << 16) | (source[6] << 8) | source[7];
        if ((lost & 0x800000) != 0)
        {
            lost -= 0x1000000;
        }

        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(source),
            source[4],
            lost,
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[20..]));
    }

    /// <summary>Writes the block into 24 octets.</summary>
    public void Write(Span<byte> destination)
    {
        if (CumulativeLost is < -0x800000 or > 0x7FFFFF)
        {
            throw new InvalidOperationException("cumulative lost is a signed 24-bit value");
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        destination[4] = FractionLost;
        destination[5] = (byte)(CumulativeLost >> 16);
        destination[6] = (byte)(CumulativeLost >> 8);
        destination[7] = (byte)CumulativeLost;
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], DelaySinceLastSenderReport);
    }
}
