namespace Gateway.Codecs;

/// <summary>
/// One pluggable codec module: says what it is and creates per-stream encoders and decoders
/// (like a baresip aucodec). Offer/answer picks modules by <see cref="AudioCodecInfo.EncodingName"/>.
/// </summary>
public interface IAudioCodec
{
    /// <summary>The codec's name, rates and default payload type.</summary>
    AudioCodecInfo Info { get; }

    /// <summary>The fmtp parameters we offer for it, or null for none.</summary>
    string? Fmtp { get; }

    /// <summary>Creates an encoder with its own state.</summary>
    IAudioEncoder CreateEncoder();

    /// <summary>Creates a decoder with its own state.</summary>
    IAudioDecoder CreateDecoder();
}
