using Concentus;

namespace Gateway.Codecs.Opus;

/// <summary>
/// A Concentus Opus decoder. Besides plain decoding it has Opus's own concealment (<see cref="Conceal"/>) and
/// in-band FEC recovery of a lost frame from the packet after it (<see cref="DecodeFec"/>).
/// </summary>
public sealed class OpusAudioDecoder : IAudioDecoder
{
    private readonly IOpusDecoder _decoder;

    /// <summary>Creates a decoder that gives mono PCM at the codec's rate.</summary>
    public OpusAudioDecoder(AudioCodecInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        Info = info;
        _decoder = OpusCodecFactory.CreateDecoder(info.SampleRate, 1);
    }

    /// <inheritdoc/>
    public AudioCodecInfo Info { get; }

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if (payload.IsEmpty)
        {
            throw new AudioCodecException("empty Opus payload");
        }

        return Run(payload, pcm, pcm.Length, fec: false);
    }

    /// <summary>Conceals one lost frame of <see cref="AudioCodecInfo.FrameSamples"/> samples with Opus's PLC.</summary>
    public int Conceal(Span<short> pcm) => Run(default, pcm, Math.Min(pcm.Length, Info.FrameSamples), fec: false);

    /// <summary>
    /// Recovers the frame lost just before <paramref name="nextPayload"/> from its in-band FEC data (or conceals it
    /// when that packet carries none). Call it before decoding <paramref name="nextPayload"/> itself.
    /// </summary>
    public int DecodeFec(ReadOnlySpan<byte> nextPayload, Span<short> pcm)
        => Run(nextPayload, pcm, Math.Min(pcm.Length, Info.FrameSamples), fec: true);

    private int Run(ReadOnlySpan<byte> payload, Span<short> pcm, int frameSize, bool fec)
    {
        try
        {
            return _decoder.Decode(payload, pcm, frameSize, fec);
        }
        catch (OpusException ex)
        {
            throw new AudioCodecException($"Opus decode failed: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new AudioCodecException($"Opus decode failed: {ex.Message}", ex);
        }
    }
}
