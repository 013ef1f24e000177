namespace Gateway.Codecs;

/// <summary>Decodes RTP payloads into 16-bit PCM. A decoder keeps state between frames: one per stream.</summary>
public interface IAudioDecoder
{
    /// <summary>The codec this decoder reads.</summary>
    AudioCodecInfo Info { get; }

    /// <summary>Decodes one payload into <paramref name="pcm"/>.</summary>
    /// <returns>The samples written.</returns>
    /// <exception cref="AudioCodecException">The payload is not valid for this codec.</exception>
    int Decode(ReadOnlySpan<byte> payload, Span<short> pcm);

    /// <summary>
    /// Fills <paramref name="pcm"/> for a lost frame (packet loss concealment). Codecs without their own PLC
    /// return 0 and leave it to the jitter buffer's generic concealment.
    /// </summary>
    /// <returns>The samples written, or 0 when the codec has no concealment of its own.</returns>
    int Conceal(Span<short> pcm);
}
