namespace Gateway.Dsp.Tests;

/// <summary>Test signals: tones at dBm0 levels, silence, speech-like and music-like material.</summary>
internal static class TestSignal
{
    public static short[] Tones(int sampleRate, double milliseconds, params (double Frequency, double Dbm0)[] tones)
    {
        var pcm = new short[(int)Math.Round(milliseconds * sampleRate / 1000)];
        for (var i = 0; i < pcm.Length; i++)
        {
            double v = 0;
            foreach (var (f, level) in tones)
            {
                v += PcmLevel.PeakAmplitude(level) * Math.Sin(2 * Math.PI * f * i / sampleRate);
            }

            pcm[i] = PcmLevel.Saturate(v);
        }

        return pcm;
    }

    public static short[] Silence(int sampleRate, double milliseconds) => new short[(int)Math.Round(milliseconds * sampleRate / 1000)];

    public static short[] Concat(params short[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>
    /// Voiced-speech-like signal: a glottal pulse train (pitch gliding 90–250 Hz) through two resonances that move
    /// like formants, with a syllabic envelope, plus some noise. Rich in harmonics, like the speech that causes talk-off.
    /// </summary>
    public static short[] SpeechLike(int sampleRate, double seconds, int seed, double peak = 12000)
    {
        var rng = new Random(seed);
        var pcm = new short[(int)(seconds * sampleRate)];
        double phase = 0, y1 = 0, y2 = 0, z1 = 0, z2 = 0;
        double f0 = 120, formant1 = 500, formant2 = 1500;
        for (var i = 0; i < pcm.Length; i++)
        {
            if (i % (sampleRate / 20) == 0)
            {
                f0 = 90 + (rng.NextDouble() * 160);
                formant1 = 300 + (rng.NextDouble() * 600);
                formant2 = 900 + (rng.NextDouble() * 1500);
            }

            phase += f0 / sampleRate;
            var excitation = phase >= 1 ? 1.0 : 0.0;
            phase -= Math.Floor(phase);
            excitation += (rng.NextDouble() - 0.5) * 0.05;
            var a = Resonator(excitation, formant1, sampleRate, ref y1, ref y2);
            var b = Resonator(excitation, formant2, sampleRate, ref z1, ref z2);
            var envelope = 0.5 * (1 - Math.Cos(2 * Math.PI * 4 * i / sampleRate));
            pcm[i] = PcmLevel.Saturate(peak * envelope * ((a * 0.5) + (b * 0.3)));
        }

        return pcm;
    }

    /// <summary>
    /// Random chords of two to four equal-tempered notes, 100–300 ms each, each note with a second harmonic 10.5 dB
    /// down as instruments have. Some notes lie within 1–2.5 % of DTMF frequencies (F5 ≈ 697, E6 ≈ 1336 −1.3 %).
    /// </summary>
    public static short[] MusicLike(int sampleRate, double seconds, int seed)
    {
        var rng = new Random(seed);
        var pcm = new short[(int)(seconds * sampleRate)];
        var i = 0;
        while (i < pcm.Length)
        {
            var notes = Enumerable.Range(0, rng.Next(2, 5)).Select(_ => 220 * Math.Pow(2, rng.Next(0, 36) / 12.0)).ToArray();
            var length = Math.Min(pcm.Length - i, sampleRate * rng.Next(100, 300) / 1000);
            for (var n = 0; n < length; n++, i++)
            {
                double v = 0;
                foreach (var f in notes)
                {
                    v += Math.Sin(2 * Math.PI * f * n / sampleRate) + (0.3 * Math.Sin(4 * Math.PI * f * n / sampleRate));
                }

                pcm[i] = PcmLevel.Saturate(3000 * v);
            }
        }

        return pcm;
    }

    public static void AddNoise(short[] pcm, double rms, int seed)
    {
        var rng = new Random(seed);
        for (var i = 0; i < pcm.Length; i++)
        {
            // Box-Muller Gaussian.
            var g = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            pcm[i] = PcmLevel.Saturate(pcm[i] + (rms * g));
        }
    }

    private static double Resonator(double x, double frequency, int sampleRate, ref double y1, ref double y2)
    {
        const double r = 0.97;
        var y = x + (2 * r * Math.Cos(2 * Math.PI * frequency / sampleRate) * y1) - (r * r * y2);
        y2 = y1;
        y1 = y;
        return y * 0.1;
    }
}
