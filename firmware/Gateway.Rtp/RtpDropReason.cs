namespace Gateway.Rtp;

/// <summary>Why a datagram was not accepted as RTP; each is counted separately so a bad peer shows in the stats.</summary>
public enum RtpDropReason
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Shorter than the 12-octet fixed header.</summary>
    TooShort,

    /// <summary>Version field not 2.</summary>
    BadVersion,

    /// <summary>The CSRC list runs past the end of the packet.</summary>
    CsrcBeyondPacket,

    /// <summary>The header extension (or its 4-octet header) runs past the end of the packet.</summary>
    ExtensionBeyondPacket,

    /// <summary>The P bit is set but the padding count is zero or longer than the payload.</summary>
    BadPadding,

    /// <summary>Larger than the receiver's configured maximum.</summary>
    Oversized,
}
