namespace Gateway.Media.Tests;

internal static class Tone
{
    public static short[] Sine(int rate, double frequency, int samples, double amplitude)
    {
        var pcm = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            pcm[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        }

        return pcm;
    }

    /// <summary>Goertzel power of <paramref name="frequency"/>, normalised so a full-scale-A sine gives about (A/2)^2.</summary>
    public static double Power(ReadOnlySpan<short> pcm, int rate, double frequency)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / rate);
        double s1 = 0, s2 = 0;
        foreach (var x in pcm)
        {
            var s0 = x + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        return power / ((double)pcm.Length * pcm.Length);
    }

    public static double Rms(ReadOnlySpan<short> pcm)
    {
        double sum = 0;
        foreach (var x in pcm)
        {
            sum += (double)x * x;
        }

        return Math.Sqrt(sum / pcm.Length);
    }

    public static void WriteWav(string path, int rate, short[] pcm)
    {
        using var sink = new Devices.Wav.WavFileSink(path, rate);
        sink.Write(pcm);
    }
}
