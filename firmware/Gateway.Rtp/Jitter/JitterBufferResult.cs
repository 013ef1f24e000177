namespace Gateway.Rtp.Jitter;

/// <summary>What <see cref="AdaptiveJitterBuffer.Get"/> hands the decoder for one frame period.</summary>
public enum JitterBufferResult
{
    /// <summary>Still filling up to the target delay, or idle: play silence (or comfort noise).</summary>
    Buffering = 0,

    /// <summary>A payload to decode.</summary>
    Frame,

    /// <summary>The frame is missing: conceal it (codec PLC, or <c>G711Concealment</c> for G.711).</summary>
    Conceal,
}
