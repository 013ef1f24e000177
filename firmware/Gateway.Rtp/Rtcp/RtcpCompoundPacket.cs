using System.Buffers.Binary;

namespace Gateway.Rtp.Rtcp;

/// <summary>
/// A compound RTCP datagram validated as RFC 3550 A.2 asks: version 2 throughout, SR or RR first, padding only on
/// the last packet, lengths adding up exactly, and counts that fit. Iterate it with foreach; nothing is copied.
/// </summary>
public readonly ref struct RtcpCompoundPacket
{
    private readonly ReadOnlySpan<byte> _datagram;

    private RtcpCompoundPacket(ReadOnlySpan<byte> datagram) => _datagram = datagram;

    /// <summary>Validates a datagram; never throws for any input.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, int maxLength, out RtcpCompoundPacket compound, out RtcpDropReason reason)
    {
        compound = default;
        reason = Validate(datagram, maxLength);
        if (reason != RtcpDropReason.None)
        {
            return false;
        }

        compound = new RtcpCompoundPacket(datagram);
        return true;
    }

    /// <summary>Enumerates the packets.</summary>
    public Enumerator GetEnumerator() => new(_datagram);

    private static RtcpDropReason Validate(ReadOnlySpan<byte> datagram, int maxLength)
    {
        if (datagram.Length > maxLength)
        {
            return RtcpDropReason.Oversized;
        }

        if (datagram.Length < 8 || (datagram.Length & 3) != 0)
        {
            return RtcpDropReason.TooShort;
        }

        if (datagram[1] is not (200 or 201))
        {
            return datagram[0] >> 6 != 2 ? RtcpDropReason.BadVersion : RtcpDropReason.NotReportFirst;
        }

        var offset = 0;
        while (offset < datagram.Length)
        {
            if (offset + 4 > datagram.Length)
            {
                return RtcpDropReason.BadLength;
            }

            var first = datagram[offset];
            if (first >> 6 != 2)
            {
                return RtcpDropReason.BadVersion;
            }

            var length = (BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]) + 1) * 4;
            if (offset + length > datagram.Length)
            {
                return RtcpDropReason.BadLength;
            }

            var last = offset + length == datagram.Length;
            var body = length;
            if ((first & 0x20) != 0)
            {
                if (!last)
                {
                    return RtcpDropReason.BadPadding;
                }

                int padding = datagram[offset + length - 1];
                if (padding == 0 || padding > length - 4)
                {
                    return RtcpDropReason.BadPadding;
                }

                body -= padding;
            }

            if (!CountFits(datagram[offset + 1], first & 0x1F, body))
            {
                return RtcpDropReason.BadCount;
            }

            offset += length;
        }

        return RtcpDropReason.None;
    }

    private static bool CountFits(int type, int count, int length) => type switch
    {
        200 => length >= 8 + RtcpSenderInfo.Length + (count * RtcpReportBlock.Length),
        201 => length >= 8 + (count * RtcpReportBlock.Length),
        202 => count == 0 || length >= 4 + (count * 8),
        203 => length >= 4 + (count * 4),
        _ => true,
    };

    /// <summary>Walks the packets of a validated compound.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _datagram;
        private int _next;

        internal Enumerator(ReadOnlySpan<byte> datagram)
        {
            _datagram = datagram;
            _next = 0;
            Current = default;
        }

        /// <summary>The current packet.</summary>
        public RtcpPacket Current { get; private set; }

        /// <summary>Moves to the next packet.</summary>
        public bool MoveNext()
        {
            if (_next >= _datagram.Length)
            {
                return false;
            }

            var first = _datagram[_next];
            var length = (BinaryPrimitives.ReadUInt16BigEndian(_datagram[(_next + 2)..]) + 1) * 4;
            var body = (first & 0x20) != 0 ? length - _datagram[_next + length - 1] : length;
            Current = new RtcpPacket(_datagram[_next + 1], first & 0x1F, _datagram.Slice(_next, body));
            _next += length;
            return true;
        }
    }
}
