namespace Gateway.Codecs;

/// <summary>Encodes 16-bit PCM frames into RTP payloads. An encoder keeps state between frames: one per stream.</summary>
public interface IAudioEncoder
{
    /// <summary>The codec this encoder produces.</summary>
    AudioCodecInfo Info { get; }

    /// <summary>Largest payload one frame of <see cref="AudioCodecInfo.FrameSamples"/> can produce.</summary>
    int MaxPayloadBytes { get; }

    /// <summary>Encodes <paramref name="pcm"/> (a whole number of samples at the codec's rate) into <paramref name="payload"/>.</summary>
    /// <returns>The payload bytes written.</returns>
    int Encode(ReadOnlySpan<short> pcm, Span<byte> payload);
}
