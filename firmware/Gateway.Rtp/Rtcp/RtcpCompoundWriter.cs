using System.Buffers.Binary;

namespace Gateway.Rtp.Rtcp;

/// <summary>
/// Builds a compound RTCP datagram into a caller's buffer: an SR or RR first, then SDES with the CNAME, and BYE
/// when leaving (RFC 3550 §6.1). Each Write method appends one packet; <see cref="Length"/> is the datagram so far.
/// </summary>
public ref struct RtcpCompoundWriter
{
    private readonly Span<byte> _buffer;

    /// <summary>Starts writing into <paramref name="buffer"/>.</summary>
    public RtcpCompoundWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        Length = 0;
    }

    /// <summary>Octets written so far.</summary>
    public int Length { get; private set; }

    /// <summary>Appends a sender report with up to 31 report blocks.</summary>
    public void WriteSenderReport(uint ssrc, RtcpSenderInfo info, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        var length = 8 + RtcpSenderInfo.Length + (blocks.Length * RtcpReportBlock.Length);
        var packet = Begin(RtcpPacketType.SenderReport, blocks.Length, length);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        info.Write(packet[8..]);
        WriteBlocks(packet[(8 + RtcpSenderInfo.Length)..], blocks);
    }

    /// <summary>Appends a receiver report with up to 31 report blocks.</summary>
    public void WriteReceiverReport(uint ssrc, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        var packet = Begin(RtcpPacketType.ReceiverReport, blocks.Length, 8 + (blocks.Length * RtcpReportBlock.Length));
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        WriteBlocks(packet[8..], blocks);
    }

    /// <summary>Appends an SDES packet with one chunk holding the CNAME (ASCII/UTF-8, at most 255 octets).</summary>
    public void WriteSourceDescription(uint ssrc, ReadOnlySpan<byte> cname)
    {
        if (cname.Length > 255)
        {
            throw new ArgumentException("an SDES item is at most 255 octets", nameof(cname));
        }

        // SSRC, item type and length, text, then at least one null octet up to the next 32-bit boundary.
        var length = (4 + 4 + 2 + cname.Length + 4) & ~3;
        var packet = Begin(RtcpPacketType.SourceDescription, 1, length);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        packet[8] = 1;
        packet[9] = (byte)cname.Length;
        cname.CopyTo(packet[10..]);
        packet[(10 + cname.Length)..].Clear();
    }

    /// <summary>Appends a BYE for up to 31 sources with an optional reason (at most 255 octets).</summary>
    public void WriteGoodbye(ReadOnlySpan<uint> sources, ReadOnlySpan<byte> reason = default)
    {
        if (reason.Length > 255)
        {
            throw new ArgumentException("the reason is at most 255 octets", nameof(reason));
        }

        var length = 4 + (sources.Length * 4) + (reason.IsEmpty ? 0 : (1 + reason.Length + 3) & ~3);
        var packet = Begin(RtcpPacketType.Goodbye, sources.Length, length);
        for (var i = 0; i < sources.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet[(4 + (i * 4))..], sources[i]);
        }

        if (!reason.IsEmpty)
        {
            var at = 4 + (sources.Length * 4);
            packet[at] = (byte)reason.Length;
            reason.CopyTo(packet[(at + 1)..]);
            packet[(at + 1 + reason.Length)..].Clear();
        }
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i].Write(destination[(i * RtcpReportBlock.Length)..]);
        }
    }

    private Span<byte> Begin(RtcpPacketType type, int count, int length)
    {
        if (count > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "the count field is 5 bits");
        }

        if (Length + length > _buffer.Length)
        {
            throw new ArgumentException($"the buffer has no room for {length} more octets");
        }

        var packet = _buffer.Slice(Length, length);
        packet[0] = (byte)(0x80 | count);
        packet[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)((length / 4) - 1));
        Length += length;
        return packet;
    }
}
