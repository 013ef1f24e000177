namespace Gateway.Rtp.Jitter;

/// <summary>
/// Jitter-buffer counters named after the W3C webrtc-stats RTCInboundRtpStreamStats members (in brackets), so that
/// a stats page or a test can compare them with a browser's. Delays are in seconds summed per emitted sample.
/// </summary>
public sealed class JitterBufferStatistics
{
    /// <summary>[packetsReceived] Packets handed to the buffer.</summary>
    public long PacketsReceived { get; internal set; }

    /// <summary>[packetsDiscarded] Packets dropped as late, duplicate, oversized or overflowing.</summary>
    public long PacketsDiscarded { get; internal set; }

    /// <summary>[jitterBufferDelay] Sum over emitted samples of the time from arrival to playout, in seconds.</summary>
    public double JitterBufferDelay { get; internal set; }

    /// <summary>[jitterBufferTargetDelay] Sum over emitted samples of the target delay at that time, in seconds.</summary>
    public double JitterBufferTargetDelay { get; internal set; }

    /// <summary>[jitterBufferEmittedCount] Samples that left the buffer as received audio.</summary>
    public long JitterBufferEmittedCount { get; internal set; }

    /// <summary>[totalSamplesReceived] Samples played out, received or concealed.</summary>
    public long TotalSamplesReceived { get; internal set; }

    /// <summary>[concealedSamples] Samples played out as concealment.</summary>
    public long ConcealedSamples { get; internal set; }

    /// <summary>
    /// [silentConcealedSamples] Concealed samples played as silence: while the buffer refills after it ran dry
    /// (also counted in concealedSamples and totalSamplesReceived, as webrtc counts its silent expansion).
    /// </summary>
    public long SilentConcealedSamples { get; internal set; }

    /// <summary>[concealmentEvents] Runs of consecutive concealed frames.</summary>
    public long ConcealmentEvents { get; internal set; }

    /// <summary>[insertedSamplesForDeceleration] Concealment samples inserted to grow the delay.</summary>
    public long InsertedSamplesForDeceleration { get; internal set; }

    /// <summary>[removedSamplesForAcceleration] Received samples dropped to shrink the delay.</summary>
    public long RemovedSamplesForAcceleration { get; internal set; }

    /// <summary>The average playout delay so far in milliseconds (jitterBufferDelay / jitterBufferEmittedCount).</summary>
    public double AverageDelayMs => JitterBufferEmittedCount == 0 ? 0 : JitterBufferDelay * 1000 / JitterBufferEmittedCount;
}
