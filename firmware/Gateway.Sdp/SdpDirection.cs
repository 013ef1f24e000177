namespace Gateway.Sdp;

/// <summary>The media direction attributes of RFC 8866 §6.7 (from the point of view of the description's author).</summary>
public enum SdpDirection
{
    /// <summary>Send and receive (the default when none is given).</summary>
    SendRecv = 0,

    /// <summary>Send only.</summary>
    SendOnly,

    /// <summary>Receive only.</summary>
    RecvOnly,

    /// <summary>Neither.</summary>
    Inactive,
}
