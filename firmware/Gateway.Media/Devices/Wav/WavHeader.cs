using System.Buffers.Binary;

namespace Gateway.Media.Devices.Wav;

/// <summary>The RIFF/WAVE header of 16-bit PCM files: written canonical (44 bytes), read by walking the chunks.</summary>
public static class WavHeader
{
    /// <summary>Length of the canonical header we write.</summary>
    public const int Length = 44;

    /// <summary>Offset of the RIFF chunk size.</summary>
    internal const int RiffSizeOffset = 4;

    /// <summary>Offset of the data chunk size in the canonical header.</summary>
    internal const int DataSizeOffset = 40;

    /// <summary>Writes a canonical header for mono 16-bit PCM with <paramref name="dataBytes"/> of samples.</summary>
    public static void Write(Span<byte> destination, int sampleRate, int dataBytes)
    {
        "RIFF"u8.CopyTo(destination);
        BinaryPrimitives.WriteInt32LittleEndian(destination[RiffSizeOffset..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(destination[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(destination[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(destination[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(destination[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(destination[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(destination[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(destination[34..], 16);
        "data"u8.CopyTo(destination[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination[DataSizeOffset..], dataBytes);
    }

    /// <summary>Reads a mono 16-bit PCM WAV file's samples and rate.</summary>
    /// <exception cref="AudioDeviceException">Not a RIFF/WAVE file, not PCM 16-bit mono, or truncated.</exception>
    public static short[] ReadSamples(ReadOnlySpan<byte> file, out int sampleRate)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new AudioDeviceException("not a RIFF/WAVE file");
        }

        sampleRate = 0;
        var position = 12;
        while (position + 8 <= file.Length)
        {
            var id = file.Slice(position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(file[(position + 4)..]);
            var body = position + 8;
            if (size < 0)
            {
                throw new AudioDeviceException("negative WAV chunk size");
            }

            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > file.Length)
                {
                    throw new AudioDeviceException("truncated fmt chunk");
                }

                var format = BinaryPrimitives.ReadInt16LittleEndian(file[body..]);
                var channels = BinaryPrimitives.ReadInt16LittleEndian(file[(body + 2)..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(file[(body + 4)..]);
                var bits = BinaryPrimitives.ReadInt16LittleEndian(file[(body + 14)..]);
                if (format != 1 || channels != 1 || bits != 16 || sampleRate <= 0)
                {
                    throw new AudioDeviceException($"only mono 16-bit PCM WAV is supported (format {format}, {channels} channels, {bits} bits)");
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (sampleRate == 0)
                {
                    throw new AudioDeviceException("data chunk before fmt chunk");
                }

                // A writer stopped abruptly may leave a size larger than the file: take what is there.
                var available = Math.Min(size, file.Length - body) & ~1;
                var samples = new short[available / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(file[(body + (2 * i))..]);
                }

                return samples;
            }

            position = body + size + (size & 1);
        }

        throw new AudioDeviceException("no data chunk");
    }
}
