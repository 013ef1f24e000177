using System.Buffers.Binary;
using Gateway.Dsp;
using Gateway.Media.Devices.Wav;

namespace Gateway.Bench;

/// <summary>The tour's audio evidence: a test tone to send, and Goertzel over what was recorded.</summary>
internal static class Wav
{
    private const int Rate = 8000;

    /// <summary>A mono 16-bit 8 kHz WAV of a tone at about -10 dBm0.</summary>
    public static byte[] Tone(double hz, int seconds)
    {
        var samples = Rate * seconds;
        var file = new byte[WavHeader.Length + (samples * 2)];
        WavHeader.Write(file, Rate, samples * 2);
        var pcm = file.AsSpan(WavHeader.Length);
        for (var i = 0; i < samples; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pcm[(i * 2)..], (short)(7000 * Math.Sin(2 * Math.PI * hz * i / Rate)));
        }

        return file;
    }

    /// <summary>
    /// How many seconds of the file carry <paramref name="hz"/> clearly above the rest of the band (20 ms blocks whose
    /// Goertzel power at the tone is at least 10× that at two off frequencies).
    /// </summary>
    public static double SecondsOfTone(string path, double hz)
    {
        var (samples, rate) = Read(path);
        var block = rate / 50;
        var on = 0;
        var tone = new Goertzel(hz, rate);
        var below = new Goertzel(hz * 0.7, rate);
        var above = new Goertzel(hz * 1.45, rate);
        for (var start = 0; start + block <= samples.Length; start += block)
        {
            var span = samples.AsSpan(start, block);
            tone.Reset();
            below.Reset();
            above.Reset();
            tone.Process(span);
            below.Process(span);
            above.Process(span);
            if (tone.Power > 1e6 && tone.Power > 10 * Math.Max(below.Power, above.Power))
            {
                on++;
            }
        }

        return on * block / (double)rate;
    }

    // Reads PCM16 mono whatever the header's sizes say: a recorder killed mid-call leaves them unpatched.
    private static (short[] Samples, int Rate) Read(string path)
    {
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }

        var rate = bytes.Length >= 28 ? BitConverter.ToInt32(bytes, 24) : Rate;
        var data = FindData(bytes);
        var samples = new short[(bytes.Length - data) / 2];
        Buffer.BlockCopy(bytes, data, samples, 0, samples.Length * 2);
        return (samples, rate is > 0 and <= 192000 ? rate : Rate);
    }

    private static int FindData(byte[] bytes)
    {
        for (var i = 12; i + 8 <= bytes.Length; i++)
        {
            if (bytes[i] == 'd' && bytes[i + 1] == 'a' && bytes[i + 2] == 't' && bytes[i + 3] == 'a')
            {
                return i + 8;
            }
        }

        return Math.Min(44, bytes.Length);
    }
}
