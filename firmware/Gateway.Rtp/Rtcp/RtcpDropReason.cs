namespace Gateway.Rtp.Rtcp;

/// <summary>Why a datagram was rejected as an RTCP compound packet (RFC 3550 A.2 validity checks).</summary>
public enum RtcpDropReason
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Shorter than one 8-octet header, or not a multiple of 4.</summary>
    TooShort,

    /// <summary>A packet's version is not 2.</summary>
    BadVersion,

    /// <summary>The first packet is not an SR or RR.</summary>
    NotReportFirst,

    /// <summary>A length field runs past the datagram, or the lengths do not add up to it.</summary>
    BadLength,

    /// <summary>Padding on a packet other than the last, or a padding count larger than the packet.</summary>
    BadPadding,

    /// <summary>An SR, RR, SDES or BYE whose count does not fit its length.</summary>
    BadCount,

    /// <summary>Larger than the receiver's configured maximum.</summary>
    Oversized,
}
