namespace Gateway.Codecs.G722;

/// <summary>
/// ITU-T G.722 encoder at 64 kbit/s: a 24-tap QMF splits 16 kHz PCM into two 8 kHz bands, coded by SB-ADPCM with
/// 6 bits (lower band) and 2 bits (higher band). Each octet carries the higher band's bits on top (RFC 3551 §4.5.2).
/// </summary>
public sealed class G722Encoder : IAudioEncoder
{
    private readonly G722Band _low = new(lower: true);
    private readonly G722Band _high = new(lower: false);
    private readonly int[] _history = new int[24];

    /// <inheritdoc/>
    public AudioCodecInfo Info => G722Codec.CodecInfo;

    /// <inheritdoc/>
    public int MaxPayloadBytes => Info.FrameSamples / 2;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        if ((pcm.Length & 1) != 0)
        {
            throw new ArgumentException("G.722 encodes sample pairs; the frame has an odd length", nameof(pcm));
        }

        if (payload.Length < pcm.Length / 2)
        {
            throw new ArgumentException("payload buffer too small", nameof(payload));
        }

        for (var j = 0; j < pcm.Length; j += 2)
        {
            payload[j / 2] = EncodePair(pcm[j], pcm[j + 1]);
        }

        return pcm.Length / 2;
    }

    private byte EncodePair(short first, short second)
    {
        // Transmit QMF: xA sums even taps over the newest-first history, xB odd taps; the bands are their sum and difference.
        var h = _history;
        Array.Copy(h, 0, h, 2, 22);
        h[1] = first;
        h[0] = second;
        long xa = 0, xb = 0;
        for (var i = 0; i < 12; i++)
        {
            xa += (long)G722Tables.Qmf[2 * i] * h[2 * i];
            xb += (long)G722Tables.Qmf[(2 * i) + 1] * h[(2 * i) + 1];
        }

        var xLow = G722Band.Saturate((int)((xa + xb) >> 14));
        var xHigh = G722Band.Saturate((int)((xa - xb) >> 14));
        return (byte)((EncodeHigh(xHigh) << 6) | EncodeLow(xLow));
    }

    private int EncodeLow(int xLow)
    {
        var el = G722Band.Saturate(xLow - _low.Estimate);
        var magnitude = el >= 0 ? el : -(el + 1);
        var scale = _low.Scale;
        var interval = 1;
        while (interval < 30 && magnitude >= (G722Tables.Q6[interval] * scale) >> 12)
        {
            interval++;
        }

        var code = el < 0 ? G722Tables.Iln[interval] : G722Tables.Ilp[interval];
        var code4 = code >> 2;
        var d = (scale * G722Tables.Qm4[code4]) >> 15;
        _low.AdaptScale(G722Tables.Rl42[code4]);
        _low.Update(d);
        return code;
    }

    private int EncodeHigh(int xHigh)
    {
        var eh = G722Band.Saturate(xHigh - _high.Estimate);
        var magnitude = eh >= 0 ? eh : -(eh + 1);
        var scale = _high.Scale;
        var interval = magnitude >= (564 * scale) >> 12 ? 2 : 1;
        var code = eh < 0 ? G722Tables.Ihn[interval] : G722Tables.Ihp[interval];
        var d = (scale * G722Tables.Qm2[code]) >> 15;
        _high.AdaptScale(G722Tables.Rh2[code]);
        _high.Update(d);
        return code;
    }
}
