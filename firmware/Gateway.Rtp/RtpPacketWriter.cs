using System.Buffers.Binary;

namespace Gateway.Rtp;

/// <summary>Writes RTP packets into a caller's buffer (no allocation); the counterpart of <see cref="RtpPacket.TryParse(ReadOnlySpan{byte}, out RtpPacket, out RtpDropReason)"/>.</summary>
public static class RtpPacketWriter
{
    /// <summary>Octets a packet with these parts needs.</summary>
    public static int GetLength(int csrcCount, int payloadLength, int extensionLength = -1)
        => RtpHeader.FixedLength + (csrcCount * 4) + (extensionLength >= 0 ? 4 + extensionLength : 0) + payloadLength;

    /// <summary>
    /// Writes header, CSRCs, an optional extension (its data a multiple of 4 octets) and the payload.
    /// </summary>
    /// <returns>The packet length.</returns>
    public static int Write(Span<byte> destination, RtpHeader header, ReadOnlySpan<byte> payload, ReadOnlySpan<uint> csrcs = default, ushort extensionProfile = 0, ReadOnlySpan<byte> extension = default, bool withExtension = false)
    {
        if (csrcs.Length > 15)
        {
            throw new ArgumentException("at most 15 CSRCs", nameof(csrcs));
        }

        if (header.PayloadType > 127)
        {
            throw new ArgumentException("payload type is 7 bits", nameof(header));
        }

        if ((extension.Length & 3) != 0 || extension.Length > ushort.MaxValue * 4)
        {
            throw new ArgumentException("extension data is a whole number of 32-bit words", nameof(extension));
        }

        var length = GetLength(csrcs.Length, payload.Length, withExtension ? extension.Length : -1);
        if (destination.Length < length)
        {
            throw new ArgumentException($"destination needs {length} octets", nameof(destination));
        }

        destination[0] = (byte)((RtpHeader.Version << 6) | (withExtension ? 0x10 : 0) | csrcs.Length);
        destination[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], header.Ssrc);
        var offset = RtpHeader.FixedLength;
        foreach (var csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }

        if (withExtension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], extensionProfile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(extension.Length / 4));
            extension.CopyTo(destination[(offset + 4)..]);
            offset += 4 + extension.Length;
        }

        payload.CopyTo(destination[offset..]);
        return offset + payload.Length;
    }
}
