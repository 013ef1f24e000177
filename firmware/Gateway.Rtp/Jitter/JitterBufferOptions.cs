namespace Gateway.Rtp.Jitter;

/// <summary>How an <see cref="AdaptiveJitterBuffer"/> is sized and how far its delay may adapt.</summary>
/// <param name="ClockRate">The RTP clock of the stream (8000 for G.711).</param>
/// <param name="FrameTimestampUnits">Timestamp units per frame (160 for 20 ms at 8 kHz).</param>
/// <param name="SamplesPerFrame">PCM samples per frame after decoding (for the sample counters).</param>
/// <param name="MinimumDelayMs">Lowest target delay.</param>
/// <param name="MaximumDelayMs">Highest target delay.</param>
/// <param name="Capacity">Frames the buffer can hold; packets further ahead restart it.</param>
/// <param name="MaxPayloadBytes">Largest payload kept (larger ones are discarded).</param>
public sealed record JitterBufferOptions(
    int ClockRate = 8000,
    int FrameTimestampUnits = 160,
    int SamplesPerFrame = 160,
    int MinimumDelayMs = 20,
    int MaximumDelayMs = 300,
    int Capacity = 32,
    int MaxPayloadBytes = 512)
{
    /// <summary>Milliseconds per frame.</summary>
    public int FrameMs => FrameTimestampUnits * 1000 / ClockRate;
}
