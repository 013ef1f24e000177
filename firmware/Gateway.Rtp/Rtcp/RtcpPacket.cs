using System.Buffers.Binary;

namespace Gateway.Rtp.Rtcp;

/// <summary>
/// One packet inside a validated compound RTCP datagram: its type, count field, first SSRC and body. Accessors
/// read SR/RR report blocks, SDES chunks and BYE sources without copying.
/// </summary>
public readonly ref struct RtcpPacket
{
    internal RtcpPacket(int type, int count, ReadOnlySpan<byte> packet)
    {
        RawType = type;
        Count = count;
        Bytes = packet;
    }

    /// <summary>The packet type octet.</summary>
    public int RawType { get; }

    /// <summary>The packet type, or <see cref="RtcpPacketType.None"/> for a type this stack does not know.</summary>
    public RtcpPacketType Type => RawType is >= 200 and <= 204 ? (RtcpPacketType)RawType : RtcpPacketType.None;

    /// <summary>The 5-bit count field (report blocks, SDES chunks or BYE sources).</summary>
    public int Count { get; }

    /// <summary>The whole packet including its header, without padding.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>The SSRC after the header (sender of SR/RR, first chunk of SDES, first source of BYE).</summary>
    public uint Ssrc => Bytes.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(Bytes[4..]) : 0;

    /// <summary>The sender info of an SR.</summary>
    public RtcpSenderInfo SenderInfo => Type == RtcpPacketType.SenderReport
        ? RtcpSenderInfo.Read(Bytes[8..])
        : throw new InvalidOperationException("only a sender report has sender info");

    /// <summary>Report block <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>) of an SR or RR.</summary>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var start = (Type == RtcpPacketType.SenderReport ? 8 + RtcpSenderInfo.Length : 8) + (index * RtcpReportBlock.Length);
        return RtcpReportBlock.Read(Bytes.Slice(start, RtcpReportBlock.Length));
    }

    /// <summary>The BYE source at <paramref name="index"/>.</summary>
    public uint GetByeSource(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return BinaryPrimitives.ReadUInt32BigEndian(Bytes[(4 + (index * 4))..]);
    }

    /// <summary>The reason text of a BYE (raw UTF-8), empty when absent or malformed.</summary>
    public ReadOnlySpan<byte> ByeReason
    {
        get
        {
            var offset = 4 + (Count * 4);
            if (Type != RtcpPacketType.Goodbye || offset >= Bytes.Length)
            {
                return default;
            }

            var length = Bytes[offset];
            return offset + 1 + length <= Bytes.Length ? Bytes.Slice(offset + 1, length) : default;
        }
    }

    /// <summary>Finds an SDES item (e.g. 1 = CNAME) of the first chunk; false when absent or malformed.</summary>
    public bool TryGetSdesItem(byte itemType, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (Type != RtcpPacketType.SourceDescription || Count == 0)
        {
            return false;
        }

        var offset = 8;
        while (offset < Bytes.Length && Bytes[offset] != 0)
        {
            if (offset + 2 > Bytes.Length)
            {
                return false;
            }

            var type = Bytes[offset];
            var length = Bytes[offset + 1];
            if (offset + 2 + length > Bytes.Length)
            {
                return false;
            }

            if (type == itemType)
            {
                value = Bytes.Slice(offset + 2, length);
                return true;
            }

            offset += 2 + length;
        }

        return false;
    }
}
