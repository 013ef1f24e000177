namespace Gateway.Codecs;

/// <summary>
/// What SDP and RTP need to know about one codec: its rtpmap name, RTP clock, the PCM rate it works on, and the
/// payload type. Static payload types (RFC 3551) are fixed; dynamic ones are only a default the offer may change.
/// </summary>
/// <param name="EncodingName">The rtpmap encoding name, e.g. "PCMU", "G722", "opus".</param>
/// <param name="ClockRate">The RTP timestamp clock in Hz as written in rtpmap (G.722 says 8000, Opus 48000).</param>
/// <param name="SampleRate">The PCM sample rate the encoder takes and the decoder gives.</param>
/// <param name="Channels">Audio channels; always 1 on the pay-phone but written to rtpmap for Opus.</param>
/// <param name="PayloadType">The static payload type, or the default dynamic one (96–127).</param>
/// <param name="FrameSamples">PCM samples in one 20 ms frame at <paramref name="SampleRate"/>.</param>
public sealed record AudioCodecInfo(string EncodingName, int ClockRate, int SampleRate, int Channels, int PayloadType, int FrameSamples)
{
    /// <summary>Whether the payload type is static (0–95) rather than negotiated.</summary>
    public bool IsStaticPayloadType => PayloadType < 96;

    /// <summary>RTP timestamp increment of one frame of <see cref="FrameSamples"/> samples.</summary>
    public int FrameTimestampIncrement => FrameSamples * ClockRate / SampleRate;
}
