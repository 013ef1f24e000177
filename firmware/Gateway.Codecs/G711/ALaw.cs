namespace Gateway.Codecs.G711;

/// <summary>
/// ITU-T G.711 A-law companding on the 13-bit value (16-bit input rounded to 13 bits). Negative values are
/// folded as one's complement (−x−1) as the recommendation does, and even bits are inverted (XOR 0x55) on the line.
/// Encoding uses a 64 K-entry table indexed by the 16-bit input; decoding a 256-entry table.
/// </summary>
public static class ALaw
{
    private static readonly byte[] s_encode = BuildEncodeTable();
    private static readonly short[] s_decode = BuildDecodeTable();

    /// <summary>Encodes one 16-bit linear sample.</summary>
    public static byte Encode(short sample) => s_encode[(ushort)sample];

    /// <summary>Decodes one A-law octet to 16-bit linear.</summary>
    public static short Decode(byte code) => s_decode[code];

    /// <summary>Encodes samples; <paramref name="destination"/> must be at least as long as <paramref name="pcm"/>.</summary>
    public static void Encode(ReadOnlySpan<short> pcm, Span<byte> destination) => G711Table.Encode(s_encode, pcm, destination);

    /// <summary>Decodes octets; <paramref name="destination"/> must be at least as long as <paramref name="codes"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> codes, Span<short> destination) => G711Table.Decode(s_decode, codes, destination);

    /// <summary>The segment-and-step computation the encode table is built from.</summary>
    internal static byte EncodeThirteenBit(int value)
    {
        int mask;
        if (value >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            value = -value - 1;
        }

        var segment = 0;
        while (segment < 8 && value >= (0x20 << segment))
        {
            segment++;
        }

        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        // The first two segments share one step size.
        var step = segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte)(((segment << 4) | step) ^ mask);
    }

    private static byte[] BuildEncodeTable()
    {
        // One entry per 16-bit input. The reduction to 13 bits rounds to nearest (as sox does); G.711 itself
        // defines only the 13-bit mapping.
        var table = new byte[65536];
        for (var i = 0; i < table.Length; i++)
        {
            var value = Math.Min(((short)i + 4) >> 3, 4095);
            table[i] = EncodeThirteenBit(value);
        }

        return table;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            var code = i ^ 0x55;
            var segment = (code & 0x70) >> 4;
            var magnitude = (code & 0x0F) << 4;
            magnitude = segment switch
            {
                0 => magnitude + 8,
                1 => magnitude + 0x108,
                _ => (magnitude + 0x108) << (segment - 1),
            };
            table[i] = (short)((code & 0x80) != 0 ? magnitude : -magnitude);
        }

        return table;
    }
}
