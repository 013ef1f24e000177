using System.Buffers.Binary;

namespace Gateway.Rtp;

/// <summary>
/// A validated view of one RTP datagram: the header fields plus slices of the CSRC list, header extension and
/// payload (padding removed). Nothing is copied; the slices point into the receive buffer.
/// </summary>
public readonly ref struct RtpPacket
{
    private RtpPacket(RtpHeader header, ReadOnlySpan<byte> csrcs, ushort extensionProfile, ReadOnlySpan<byte> extension, bool hasExtension, ReadOnlySpan<byte> payload, int paddingLength)
    {
        Header = header;
        CsrcBytes = csrcs;
        ExtensionProfile = extensionProfile;
        Extension = extension;
        HasExtension = hasExtension;
        Payload = payload;
        PaddingLength = paddingLength;
    }

    /// <summary>The fixed header fields.</summary>
    public RtpHeader Header { get; }

    /// <summary>The CSRC list as raw octets (4 per source).</summary>
    public ReadOnlySpan<byte> CsrcBytes { get; }

    /// <summary>Number of contributing sources.</summary>
    public int CsrcCount => CsrcBytes.Length / 4;

    /// <summary>Whether the X bit was set.</summary>
    public bool HasExtension { get; }

    /// <summary>The 16-bit profile-defined value of the header extension (0xBEDE for RFC 8285 one-byte headers).</summary>
    public ushort ExtensionProfile { get; }

    /// <summary>The header extension's data, without its 4-octet header.</summary>
    public ReadOnlySpan<byte> Extension { get; }

    /// <summary>The payload, padding removed.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Octets of padding that followed the payload.</summary>
    public int PaddingLength { get; }

    /// <summary>The CSRC at <paramref name="index"/>.</summary>
    public uint GetCsrc(int index) => BinaryPrimitives.ReadUInt32BigEndian(CsrcBytes.Slice(index * 4, 4));

    /// <summary>
    /// Validates and reads a datagram. Never throws for any input: a rejected datagram gives false and the reason.
    /// </summary>
    /// <param name="datagram">The received bytes.</param>
    /// <param name="maxLength">Largest datagram accepted (a Path-MTU-sized default keeps a flood of jumbo packets out).</param>
    /// <param name="packet">The packet when valid.</param>
    /// <param name="reason">Why it was dropped, or <see cref="RtpDropReason.None"/>.</param>
    public static bool TryParse(ReadOnlySpan<byte> datagram, int maxLength, out RtpPacket packet, out RtpDropReason reason)
    {
        packet = default;
        reason = Validate(datagram, maxLength, out var csrcEnd, out var payloadStart, out var payloadEnd);
        if (reason != RtpDropReason.None)
        {
            return false;
        }

        var first = datagram[0];
        var second = datagram[1];
        var header = new RtpHeader(
            (byte)(second & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]),
            (second & 0x80) != 0);
        var hasExtension = (first & 0x10) != 0;
        ushort profile = 0;
        var extension = ReadOnlySpan<byte>.Empty;
        if (hasExtension)
        {
            profile = BinaryPrimitives.ReadUInt16BigEndian(datagram[csrcEnd..]);
            extension = datagram[(csrcEnd + 4)..payloadStart];
        }

        packet = new RtpPacket(header, datagram[RtpHeader.FixedLength..csrcEnd], profile, extension, hasExtension, datagram[payloadStart..payloadEnd], datagram.Length - payloadEnd);
        return true;
    }

    /// <summary><see cref="TryParse(ReadOnlySpan{byte}, int, out RtpPacket, out RtpDropReason)"/> with a 1500-octet limit.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtpPacket packet, out RtpDropReason reason)
        => TryParse(datagram, 1500, out packet, out reason);

    private static RtpDropReason Validate(ReadOnlySpan<byte> datagram, int maxLength, out int csrcEnd, out int payloadStart, out int payloadEnd)
    {
        csrcEnd = payloadStart = payloadEnd = 0;
        if (datagram.Length > maxLength)
        {
            return RtpDropReason.Oversized;
        }

        if (datagram.Length < RtpHeader.FixedLength)
        {
            return RtpDropReason.TooShort;
        }

        var first = datagram[0];
        if (first >> 6 != RtpHeader.Version)
        {
            return RtpDropReason.BadVersion;
        }

        csrcEnd = RtpHeader.FixedLength + ((first & 0x0F) * 4);
        if (csrcEnd > datagram.Length)
        {
            return RtpDropReason.CsrcBeyondPacket;
        }

        payloadStart = csrcEnd;
        if ((first & 0x10) != 0)
        {
            if (csrcEnd + 4 > datagram.Length)
            {
                return RtpDropReason.ExtensionBeyondPacket;
            }

            payloadStart = csrcEnd + 4 + (BinaryPrimitives.ReadUInt16BigEndian(datagram[(csrcEnd + 2)..]) * 4);
            if (payloadStart > datagram.Length)
            {
                return RtpDropReason.ExtensionBeyondPacket;
            }
        }

        payloadEnd = datagram.Length;
        if ((first & 0x20) != 0)
        {
            int padding = datagram[^1];
            if (padding == 0 || padding > datagram.Length - payloadStart)
            {
                return RtpDropReason.BadPadding;
            }

            payloadEnd -= padding;
        }

        return RtpDropReason.None;
    }
}
