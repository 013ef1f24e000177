namespace Gateway.Codecs.G711;

/// <summary>
/// G.711 μ-law as RTP payload type 0 (PCMU, RFC 3551): one octet per sample at 8 kHz. It has no state, so the
/// module is its own encoder and decoder. It has no concealment of its own: the jitter buffer's G.711 PLC does that.
/// </summary>
public sealed class PcmuCodec : IAudioCodec, IAudioEncoder, IAudioDecoder
{
    /// <summary>The one shared instance.</summary>
    public static PcmuCodec Instance { get; } = new();

    /// <inheritdoc/>
    public AudioCodecInfo Info { get; } = new("PCMU", 8000, 8000, 1, 0, 160);

    /// <inheritdoc/>
    public string? Fmtp => null;

    /// <inheritdoc/>
    public int MaxPayloadBytes => Info.FrameSamples;

    /// <inheritdoc/>
    public IAudioEncoder CreateEncoder() => this;

    /// <inheritdoc/>
    public IAudioDecoder CreateDecoder() => this;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        MuLaw.Encode(pcm, payload);
        return pcm.Length;
    }

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        MuLaw.Decode(payload, pcm);
        return payload.Length;
    }

    /// <inheritdoc/>
    public int Conceal(Span<short> pcm) => 0;
}
