using Gateway.Rtp.Jitter;

namespace Gateway.Media.Streams;

/// <summary>A copy of the jitter buffer's webrtc-stats counters at one moment.</summary>
public sealed record JitterBufferSnapshot(
    long PacketsReceived,
    long PacketsDiscarded,
    double JitterBufferDelay,
    double JitterBufferTargetDelay,
    long JitterBufferEmittedCount,
    long TotalSamplesReceived,
    long ConcealedSamples,
    long ConcealmentEvents,
    long InsertedSamplesForDeceleration,
    long RemovedSamplesForAcceleration,
    int TargetDelayMs,
    int BufferedMs,
    long SilentConcealedSamples = 0)
{
    /// <summary>An empty snapshot.</summary>
    public static JitterBufferSnapshot Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Copies <paramref name="buffer"/>'s counters (call under the buffer's lock).</summary>
    public static JitterBufferSnapshot From(AdaptiveJitterBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var s = buffer.Statistics;
        return new(
            s.PacketsReceived,
            s.PacketsDiscarded,
            s.JitterBufferDelay,
            s.JitterBufferTargetDelay,
            s.JitterBufferEmittedCount,
            s.TotalSamplesReceived,
            s.ConcealedSamples,
            s.ConcealmentEvents,
            s.InsertedSamplesForDeceleration,
            s.RemovedSamplesForAcceleration,
            buffer.TargetDelayMs,
            buffer.BufferedMs,
            s.SilentConcealedSamples);
    }
}
