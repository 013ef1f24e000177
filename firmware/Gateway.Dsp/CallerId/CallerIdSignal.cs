namespace Gateway.Dsp.CallerId;

/// <summary>
/// Renders the on-hook caller ID data burst played between the first and second ring (GR-30) or after the
/// alerting signal (EN 300 659-1): channel seizure of 300 alternating bits starting with space (it frames as
/// thirty 'U' characters), a mark period of 180 bits, the message bytes, and a few trailing mark bits.
/// Built once per call; the buffer is allocated here, not per frame.
/// </summary>
public static class CallerIdSignal
{
    /// <summary>Channel seizure length in bits.</summary>
    public const int SeizureBits = 300;

    /// <summary>Mark period length in bits.</summary>
    public const int MarkBits = 180;

    private const int TrailingMarkBits = 10;

    /// <summary>Modulates <paramref name="message"/> (e.g. from <see cref="Mdmf.Encode"/>) into PCM.</summary>
    public static short[] Render(ReadOnlySpan<byte> message, FskStandard standard, int sampleRate, double levelDbm0 = -13)
    {
        var modulator = new FskModulator(standard, sampleRate, levelDbm0);
        var bits = SeizureBits + MarkBits + (message.Length * 10) + TrailingMarkBits;
        var pcm = new short[(bits * modulator.MaxSamplesPerBit) + 1];
        var written = 0;
        for (var i = 0; i < SeizureBits; i++)
        {
            written += modulator.WriteBit(i % 2 == 1, pcm.AsSpan(written));
        }

        for (var i = 0; i < MarkBits; i++)
        {
            written += modulator.WriteBit(true, pcm.AsSpan(written));
        }

        foreach (var b in message)
        {
            written += modulator.WriteByte(b, pcm.AsSpan(written));
        }

        for (var i = 0; i < TrailingMarkBits; i++)
        {
            written += modulator.WriteBit(true, pcm.AsSpan(written));
        }

        return pcm[..written];
    }
}
