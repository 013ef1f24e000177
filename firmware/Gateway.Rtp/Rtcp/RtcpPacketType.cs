namespace Gateway.Rtp.Rtcp;

/// <summary>RTCP packet types of RFC 3550 §12.1.</summary>
public enum RtcpPacketType
{
    /// <summary>Not a known type.</summary>
    None = 0,

    /// <summary>Sender report.</summary>
    SenderReport = 200,

    /// <summary>Receiver report.</summary>
    ReceiverReport = 201,

    /// <summary>Source description.</summary>
    SourceDescription = 202,

    /// <summary>Goodbye.</summary>
    Goodbye = 203,

    /// <summary>Application-defined.</summary>
    ApplicationDefined = 204,
}
