namespace Gateway.Rtp;

/// <summary>The fields of the RTP fixed header (RFC 3550 §5.1) a sender sets and a receiver reads.</summary>
/// <param name="PayloadType">7-bit payload type.</param>
/// <param name="SequenceNumber">16-bit sequence number.</param>
/// <param name="Timestamp">32-bit media timestamp.</param>
/// <param name="Ssrc">Synchronization source.</param>
/// <param name="Marker">The M bit (first packet of a talkspurt, or the start of an event).</param>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false)
{
    /// <summary>RTP version 2, the only one.</summary>
    public const int Version = 2;

    /// <summary>Length of the fixed header without CSRCs or extension.</summary>
    public const int FixedLength = 12;
}
