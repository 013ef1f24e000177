namespace Gateway.Codecs.G711;

/// <summary>
/// ITU-T G.711 μ-law companding. The encoder works on the 14-bit magnitude (16-bit input rounded to 14 bits),
/// biased by 33 so each segment's end is a power of two, as the recommendation's segment table describes.
/// Encoding uses a 64 K-entry table indexed by the 16-bit input; decoding a 256-entry table.
/// </summary>
public static class MuLaw
{
    private const int Bias = 33;
    private const int Clip = 8159;

    private static readonly byte[] s_encode = BuildEncodeTable();
    private static readonly short[] s_decode = BuildDecodeTable();

    /// <summary>Encodes one 16-bit linear sample.</summary>
    public static byte Encode(short sample) => s_encode[(ushort)sample];

    /// <summary>Decodes one μ-law octet to 16-bit linear.</summary>
    public static short Decode(byte code) => s_decode[code];

    /// <summary>Encodes samples; <paramref name="destination"/> must be at least as long as <paramref name="pcm"/>.</summary>
    public static void Encode(ReadOnlySpan<short> pcm, Span<byte> destination) => G711Table.Encode(s_encode, pcm, destination);

    /// <summary>Decodes octets; <paramref name="destination"/> must be at least as long as <paramref name="codes"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> codes, Span<short> destination) => G711Table.Decode(s_decode, codes, destination);

    /// <summary>The segment-and-step computation the encode table is built from.</summary>
    internal static byte EncodeFourteenBit(int value)
    {
        // The code is the complement of sign, segment and step; the sign bit set means positive.
        int mask;
        if (value < 0)
        {
            value = -value;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }

        value = Math.Min(value, Clip) + Bias;
        var segment = 0;
        while (segment < 8 && value >= (0x40 << segment))
        {
            segment++;
        }

        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var code = (segment << 4) | ((value >> (segment + 1)) & 0x0F);
        return (byte)(code ^ mask);
    }

    private static byte[] BuildEncodeTable()
    {
        // One entry per 16-bit input. The reduction to 14 bits rounds to nearest (as sox does); G.711 itself
        // defines only the 14-bit mapping.
        var table = new byte[65536];
        for (var i = 0; i < table.Length; i++)
        {
            var value = Math.Min(((short)i + 2) >> 2, 8191);
            table[i] = EncodeFourteenBit(value);
        }

        return table;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            var code = ~i & 0xFF;
            var magnitude = (((code & 0x0F) << 3) + (Bias << 2)) << ((code & 0x70) >> 4);
            table[i] = (short)((code & 0x80) != 0 ? (Bias << 2) - magnitude : magnitude - (Bias << 2));
        }

        return table;
    }
}
