namespace Gateway.Codecs.G722;

/// <summary>
/// The G.722 module, RTP payload type 9. Its rtpmap clock is 8000 although it samples at 16 kHz (RFC 3551 §4.5.2
/// keeps the erroneous value for compatibility), so a 20 ms frame is 320 samples, 160 octets and 160 timestamp units.
/// </summary>
public sealed class G722Codec : IAudioCodec
{
    /// <summary>The one shared instance; encoders and decoders it creates carry the state.</summary>
    public static G722Codec Instance { get; } = new();

    /// <summary>G.722's codec description.</summary>
    public static AudioCodecInfo CodecInfo { get; } = new("G722", 8000, 16000, 1, 9, 320);

    /// <inheritdoc/>
    public AudioCodecInfo Info => CodecInfo;

    /// <inheritdoc/>
    public string? Fmtp => null;

    /// <inheritdoc/>
    public IAudioEncoder CreateEncoder() => new G722Encoder();

    /// <inheritdoc/>
    public IAudioDecoder CreateDecoder() => new G722Decoder();
}
