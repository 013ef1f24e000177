namespace Gateway.Codecs.G711;

/// <summary>
/// G.711 A-law as RTP payload type 8 (PCMA, RFC 3551): one octet per sample at 8 kHz. It has no state, so the
/// module is its own encoder and decoder. It has no concealment of its own: the jitter buffer's G.711 PLC does that.
/// </summary>
public sealed class PcmaCodec : IAudioCodec, IAudioEncoder, IAudioDecoder
{
    /// <summary>The one shared instance.</summary>
    public static PcmaCodec Instance { get; } = new();

    /// <inheritdoc/>
    public AudioCodecInfo Info { get; } = new("PCMA", 8000, 8000, 1, 8, 160);

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
        ALaw.Encode(pcm, payload);
        return pcm.Length;
    }

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        ALaw.Decode(payload, pcm);
        return payload.Length;
    }

    /// <inheritdoc/>
    public int Conceal(Span<short> pcm) => 0;
}
