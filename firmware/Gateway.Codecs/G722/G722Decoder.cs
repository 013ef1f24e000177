namespace Gateway.Codecs.G722;

/// <summary>
/// ITU-T G.722 decoder at 64 kbit/s (mode 1: all six lower-band bits used): SB-ADPCM decoding of both bands, then
/// the receive QMF that interleaves them back into 16 kHz PCM. It has no concealment of its own.
/// </summary>
public sealed class G722Decoder : IAudioDecoder
{
    private readonly G722Band _low = new(lower: true);
    private readonly G722Band _high = new(lower: false);
    private readonly int[] _difference = new int[12];
    private readonly int[] _sum = new int[12];

    /// <inheritdoc/>
    public AudioCodecInfo Info => G722Codec.CodecInfo;

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if (pcm.Length < payload.Length * 2)
        {
            throw new ArgumentException("pcm buffer too small", nameof(pcm));
        }

        for (var i = 0; i < payload.Length; i++)
        {
            var code = payload[i];
            var rLow = DecodeLow(code & 0x3F);
            var rHigh = DecodeHigh(code >> 6);
            Synthesize(rLow, rHigh, out pcm[2 * i], out pcm[(2 * i) + 1]);
        }

        return payload.Length * 2;
    }

    /// <inheritdoc/>
    public int Conceal(Span<short> pcm) => 0;

    private int DecodeLow(int code)
    {
        var scale = _low.Scale;

        // The output uses all six bits; the predictor adapts on the four-bit value as the encoder did.
        var output = G722Band.Saturate(_low.Estimate + ((scale * G722Tables.Qm6[code]) >> 15));
        var code4 = code >> 2;
        var d = (scale * G722Tables.Qm4[code4]) >> 15;
        _low.AdaptScale(G722Tables.Rl42[code4]);
        _low.Update(d);
        return Math.Clamp(output, -16384, 16383);
    }

    private int DecodeHigh(int code)
    {
        var d = (_high.Scale * G722Tables.Qm2[code]) >> 15;
        var output = G722Band.Saturate(_high.Estimate + d);
        _high.AdaptScale(G722Tables.Rh2[code]);
        _high.Update(d);
        return Math.Clamp(output, -16384, 16383);
    }

    private void Synthesize(int rLow, int rHigh, out short first, out short second)
    {
        // Receive QMF: the even output filters the band difference with even taps, the odd output the sum with odd taps.
        Array.Copy(_difference, 0, _difference, 1, 11);
        Array.Copy(_sum, 0, _sum, 1, 11);
        _difference[0] = rLow - rHigh;
        _sum[0] = rLow + rHigh;
        long even = 0, odd = 0;
        for (var i = 0; i < 12; i++)
        {
            even += (long)G722Tables.Qmf[2 * i] * _difference[i];
            odd += (long)G722Tables.Qmf[(2 * i) + 1] * _sum[i];
        }

        first = (short)G722Band.Saturate((int)(even >> 11));
        second = (short)G722Band.Saturate((int)(odd >> 11));
    }
}
