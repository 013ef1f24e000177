using Concentus;
using Concentus.Enums;

namespace Gateway.Codecs.Opus;

/// <summary>A Concentus Opus encoder for voice, with in-band FEC on so the far end can recover single losses.</summary>
public sealed class OpusAudioEncoder : IAudioEncoder
{
    private readonly IOpusEncoder _encoder;

    /// <summary>Creates an encoder for the codec's PCM rate, mono.</summary>
    public OpusAudioEncoder(AudioCodecInfo info, int bitrate)
    {
        ArgumentNullException.ThrowIfNull(info);
        Info = info;
        _encoder = OpusCodecFactory.CreateEncoder(info.SampleRate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
        _encoder.Bitrate = bitrate;
        _encoder.MaxBandwidth = info.SampleRate == 8000 ? OpusBandwidth.OPUS_BANDWIDTH_NARROWBAND : OpusBandwidth.OPUS_BANDWIDTH_WIDEBAND;
        _encoder.UseInbandFEC = true;
        _encoder.PacketLossPercent = 5;
        _encoder.SignalType = OpusSignal.OPUS_SIGNAL_VOICE;
    }

    /// <inheritdoc/>
    public AudioCodecInfo Info { get; }

    /// <inheritdoc/>
    public int MaxPayloadBytes => 1275;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        try
        {
            return _encoder.Encode(pcm, pcm.Length, payload, payload.Length);
        }
        catch (OpusException ex)
        {
            throw new AudioCodecException($"Opus encode failed: {ex.Message}", ex);
        }
    }
}
