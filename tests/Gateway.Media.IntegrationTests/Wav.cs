using System.Text;
using Gateway.Dsp;

namespace Gateway.Media.IntegrationTests;

/// <summary>Test audio: tone files to send, and Goertzel judgements of recordings.</summary>
internal static class Wav
{
    public static void WriteTone(string path, int rate, double frequency, int seconds, double amplitude = 8000)
    {
        var pcm = new short[rate * seconds];
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        }

        using var sink = new Devices.Wav.WavFileSink(path, rate);
        sink.Write(pcm);
    }

    /// <summary>Reads a 16-bit PCM WAV (ours or libsndfile's), mono or the first channel of stereo.</summary>
    public static short[] Read(string path, out int rate)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 44 && Encoding.ASCII.GetString(bytes, 0, 4) == "RIFF", $"{path} is not a WAV file");
        var offset = 12;
        int channels = 1;
        rate = 8000;
        while (offset + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, offset, 4);
            var size = BitConverter.ToInt32(bytes, offset + 4);
            if (id == "fmt ")
            {
                channels = BitConverter.ToInt16(bytes, offset + 10);
                rate = BitConverter.ToInt32(bytes, offset + 12);
            }
            else if (id == "data")
            {
                // A writer killed mid-call may leave the size unpatched: take what is there.
                var length = size <= 0 || offset + 8 + size > bytes.Length ? bytes.Length - offset - 8 : size;
                var frames = length / 2 / channels;
                var pcm = new short[frames];
                for (var i = 0; i < frames; i++)
                {
                    pcm[i] = BitConverter.ToInt16(bytes, offset + 8 + (i * 2 * channels));
                }

                return pcm;
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk");
    }

    /// <summary>
    /// Splits the loud part of a recording into 100 ms windows and counts those where
    /// <paramref name="frequency"/> dominates (30× the power 30 % off either side, and most of the window's energy).
    /// </summary>
    public static (int Good, int Windows) JudgeTone(short[] pcm, int rate, double frequency)
    {
        var window = rate / 10;
        int good = 0, windows = 0;
        for (var offset = 0; offset + window <= pcm.Length; offset += window)
        {
            var w = pcm.AsSpan(offset, window);
            var energy = MeanSquare(w);
            if (energy < 1e4)
            {
                continue; // silence before answer or after hang-up
            }

            windows++;
            var at = Power(w, rate, frequency);
            if (at > 30 * Power(w, rate, frequency * 0.7) && at > 30 * Power(w, rate, frequency * 1.3) && at > 0.5 * energy)
            {
                good++;
            }
        }

        return (good, windows);
    }

    public static double Power(ReadOnlySpan<short> pcm, int rate, double frequency)
    {
        var g = new Goertzel(frequency, rate);
        g.Process(pcm);
        return g.Power;
    }

    public static double MeanSquare(ReadOnlySpan<short> pcm)
    {
        double sum = 0;
        foreach (var s in pcm)
        {
            sum += (double)s * s;
        }

        return sum / pcm.Length;
    }
}
