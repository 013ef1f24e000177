using System.Buffers.Binary;

namespace Gateway.Codecs;

/// <summary>
/// L16 (RFC 3551 §4.5.11): uncompressed 16-bit samples in network byte order, at any clock rate. Payload types
/// 10 and 11 are 44.1 kHz only, so for the rates we use the type is dynamic.
/// </summary>
public sealed class L16Codec : IAudioCodec, IAudioEncoder, IAudioDecoder
{
    /// <summary>Creates the module for one sample rate and a dynamic payload type.</summary>
    public L16Codec(int sampleRate, int payloadType)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadType);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, 127);
        Info = new AudioCodecInfo("L16", sampleRate, sampleRate, 1, payloadType, sampleRate / 50);
    }

    /// <inheritdoc/>
    public AudioCodecInfo Info { get; }

    /// <inheritdoc/>
    public string? Fmtp => null;

    /// <inheritdoc/>
    public int MaxPayloadBytes => Info.FrameSamples * 2;

    /// <inheritdoc/>
    public IAudioEncoder CreateEncoder() => this;

    /// <inheritdoc/>
    public IAudioDecoder CreateDecoder() => this;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        if (payload.Length < pcm.Length * 2)
        {
            throw new ArgumentException("payload buffer too small", nameof(payload));
        }

        for (var i = 0; i < pcm.Length; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(payload[(i * 2)..], pcm[i]);
        }

        return pcm.Length * 2;
    }

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if ((payload.Length & 1) != 0)
        {
            throw new AudioCodecException("L16 payload has an odd number of octets");
        }

        var samples = payload.Length / 2;
        if (pcm.Length < samples)
        {
            throw new ArgumentException("pcm buffer too small", nameof(pcm));
        }

        for (var i = 0; i < samples; i++)
        {
            pcm[i] = BinaryPrimitives.ReadInt16BigEndian(payload[(i * 2)..]);
        }

        return samples;
    }

    /// <inheritdoc/>
    public int Conceal(Span<short> pcm) => 0;
}
