namespace Gateway.Codecs.G711;

/// <summary>The table lookups both G.711 laws run their spans through; only the tables differ.</summary>
internal static class G711Table
{
    /// <summary>Encodes through a 64 K-entry table indexed by the 16-bit sample.</summary>
    public static void Encode(byte[] table, ReadOnlySpan<short> pcm, Span<byte> destination)
    {
        if (destination.Length < pcm.Length)
        {
            throw new ArgumentException("destination is shorter than the input", nameof(destination));
        }

        for (var i = 0; i < pcm.Length; i++)
        {
            destination[i] = table[(ushort)pcm[i]];
        }
    }

    /// <summary>Decodes through a 256-entry table.</summary>
    public static void Decode(short[] table, ReadOnlySpan<byte> codes, Span<short> destination)
    {
        if (destination.Length < codes.Length)
        {
            throw new ArgumentException("destination is shorter than the input", nameof(destination));
        }

        for (var i = 0; i < codes.Length; i++)
        {
            destination[i] = table[codes[i]];
        }
    }
}
