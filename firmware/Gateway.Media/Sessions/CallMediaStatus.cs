namespace Gateway.Media.Sessions;

/// <summary>What call status and the call-end event show of a call's media. Counter names follow webrtc-stats.</summary>
public sealed record CallMediaStatus
{
    /// <summary>Gets the negotiated codec, or null before negotiation.</summary>
    public string? Codec { get; init; }

    /// <summary>Gets the direction (sendrecv, sendonly, recvonly, inactive).</summary>
    public string Direction { get; init; } = "sendrecv";

    /// <summary>Gets the remote RTP address as "ip:port", or null.</summary>
    public string? RemoteRtp { get; init; }

    /// <summary>Gets the packets sent.</summary>
    public long PacketsSent { get; init; }

    /// <summary>Gets the packets received.</summary>
    public long PacketsReceived { get; init; }

    /// <summary>Gets the packets lost (RFC 3550 cumulative).</summary>
    public long PacketsLost { get; init; }

    /// <summary>Gets the interarrival jitter in milliseconds.</summary>
    public double JitterMs { get; init; }

    /// <summary>Gets webrtc-stats concealedSamples.</summary>
    public long ConcealedSamples { get; init; }

    /// <summary>Gets webrtc-stats concealmentEvents.</summary>
    public long ConcealmentEvents { get; init; }

    /// <summary>Gets webrtc-stats jitterBufferDelay in seconds (the sum over emitted samples).</summary>
    public double JitterBufferDelay { get; init; }

    /// <summary>Gets webrtc-stats jitterBufferEmittedCount.</summary>
    public long JitterBufferEmittedCount { get; init; }

    /// <summary>Gets webrtc-stats insertedSamplesForDeceleration.</summary>
    public long InsertedSamplesForDeceleration { get; init; }

    /// <summary>Gets webrtc-stats removedSamplesForAcceleration.</summary>
    public long RemovedSamplesForAcceleration { get; init; }
}
