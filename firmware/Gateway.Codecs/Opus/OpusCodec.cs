namespace Gateway.Codecs.Opus;

/// <summary>
/// The Opus module (RFC 7587) through Concentus, narrowband (8 kHz PCM) or wideband (16 kHz PCM). The rtpmap is
/// always opus/48000/2 and the RTP clock 48 kHz whatever the PCM rate, so a 20 ms frame is 960 timestamp units.
/// </summary>
public sealed class OpusCodec : IAudioCodec
{
    /// <summary>Creates the module for one PCM rate (8000 or 16000) and a dynamic payload type.</summary>
    public OpusCodec(int sampleRate, int payloadType = 111, int bitrate = 0)
    {
        if (sampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "narrowband (8000) or wideband (16000)");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(payloadType, 96);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, 127);
        Info = new AudioCodecInfo("opus", 48000, sampleRate, 2, payloadType, sampleRate / 50);
        Bitrate = bitrate > 0 ? bitrate : (sampleRate == 8000 ? 16000 : 24000);
    }

    /// <inheritdoc/>
    public AudioCodecInfo Info { get; }

    /// <summary>The encoder's target bitrate in bit/s.</summary>
    public int Bitrate { get; }

    /// <inheritdoc/>
    public string? Fmtp => Info.SampleRate == 8000
        ? "maxplaybackrate=8000;sprop-maxcapturerate=8000;useinbandfec=1"
        : "maxplaybackrate=16000;sprop-maxcapturerate=16000;useinbandfec=1";

    /// <inheritdoc/>
    public IAudioEncoder CreateEncoder() => new OpusAudioEncoder(Info, Bitrate);

    /// <inheritdoc/>
    public IAudioDecoder CreateDecoder() => new OpusAudioDecoder(Info);
}
