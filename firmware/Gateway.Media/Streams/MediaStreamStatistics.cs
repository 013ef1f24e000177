namespace Gateway.Media.Streams;

/// <summary>A snapshot of one RTP audio stream's counters (taken by <see cref="RtpAudioStream.GetStatistics"/>).</summary>
public sealed class MediaStreamStatistics
{
    /// <summary>RTP packets sent (audio and telephone-event).</summary>
    public long PacketsSent { get; internal set; }

    /// <summary>Payload octets sent.</summary>
    public long OctetsSent { get; internal set; }

    /// <summary>Datagrams the socket refused to send.</summary>
    public long SendErrors { get; internal set; }

    /// <summary>Valid RTP packets accepted from the current source (RFC 3550 A.1 count).</summary>
    public long PacketsReceived { get; internal set; }

    /// <summary>Cumulative packets lost (RFC 3550 A.3).</summary>
    public long PacketsLost { get; internal set; }

    /// <summary>Interarrival jitter in RTP timestamp units (RFC 3550 A.8).</summary>
    public uint JitterRtpUnits { get; internal set; }

    /// <summary>Datagrams that were not valid RTP.</summary>
    public long InvalidRtp { get; internal set; }

    /// <summary>Packets dropped because they came from another source than the latched one.</summary>
    public long LatchRejected { get; internal set; }

    /// <summary>Times the remote SSRC changed.</summary>
    public long SsrcChanges { get; internal set; }

    /// <summary>Packets of a payload type not negotiated.</summary>
    public long UnknownPayloadType { get; internal set; }

    /// <summary>Packets dropped because the direction does not receive (hold).</summary>
    public long DroppedWhileNotReceiving { get; internal set; }

    /// <summary>Payloads the decoder rejected.</summary>
    public long Undecodable { get; internal set; }

    /// <summary>Telephone-event end packets sent (three per digit).</summary>
    public long TelephoneEventEndPacketsSent { get; internal set; }

    /// <summary>Telephone-event end packets received, repeats included.</summary>
    public long TelephoneEventEndPacketsReceived { get; internal set; }

    /// <summary>RTCP compound packets sent.</summary>
    public long RtcpSent { get; internal set; }

    /// <summary>Sender reports received.</summary>
    public long SenderReportsReceived { get; internal set; }

    /// <summary>Receiver reports received.</summary>
    public long ReceiverReportsReceived { get; internal set; }

    /// <summary>RTCP BYE packets received.</summary>
    public long ByesReceived { get; internal set; }

    /// <summary>RTCP datagrams that failed validation.</summary>
    public long InvalidRtcp { get; internal set; }

    /// <summary>Cumulative loss the remote reported about our stream (last report block), or null.</summary>
    public int? RemoteReportedCumulativeLost { get; internal set; }

    /// <summary>Jitter the remote reported about our stream, in RTP units, or null.</summary>
    public uint? RemoteReportedJitter { get; internal set; }

    /// <summary>The jitter buffer's webrtc-stats counters.</summary>
    public JitterBufferSnapshot JitterBuffer { get; internal set; } = JitterBufferSnapshot.Empty;
}
