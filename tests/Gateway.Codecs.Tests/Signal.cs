namespace Gateway.Codecs.Tests;

/// <summary>Test signals and their measurement: a sine fit at a known frequency gives level and SNR without aligning delays.</summary>
internal static class Signal
{
    public static short[] Tone(double frequency, int sampleRate, int samples, double amplitude)
    {
        var pcm = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            pcm[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return pcm;
    }

    /// <summary>Least-squares fit of a·sin + b·cos + c at <paramref name="frequency"/>; returns amplitude and SNR in dB of the rest.</summary>
    public static (double Amplitude, double SnrDb) FitTone(ReadOnlySpan<short> pcm, double frequency, int sampleRate)
    {
        double ss = 0, sc = 0, cc = 0, ys = 0, yc = 0, mean = 0;
        for (var i = 0; i < pcm.Length; i++)
        {
            mean += pcm[i];
        }

        mean /= pcm.Length;
        for (var i = 0; i < pcm.Length; i++)
        {
            var w = 2 * Math.PI * frequency * i / sampleRate;
            double s = Math.Sin(w), c = Math.Cos(w), y = pcm[i] - mean;
            ss += s * s;
            sc += s * c;
            cc += c * c;
            ys += y * s;
            yc += y * c;
        }

        var det = (ss * cc) - (sc * sc);
        var a = ((ys * cc) - (yc * sc)) / det;
        var b = ((yc * ss) - (ys * sc)) / det;
        double signal = 0, noise = 0;
        for (var i = 0; i < pcm.Length; i++)
        {
            var w = 2 * Math.PI * frequency * i / sampleRate;
            var fit = (a * Math.Sin(w)) + (b * Math.Cos(w));
            signal += fit * fit;
            var e = pcm[i] - mean - fit;
            noise += e * e;
        }

        return (Math.Sqrt((a * a) + (b * b)), 10 * Math.Log10(signal / Math.Max(noise, 1e-9)));
    }

    /// <summary>RMS of the samples.</summary>
    public static double Rms(ReadOnlySpan<short> pcm)
    {
        double sum = 0;
        foreach (var s in pcm)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / Math.Max(1, pcm.Length));
    }

    /// <summary>Runs whole frames of <paramref name="pcm"/> through an encoder and decoder.</summary>
    public static short[] RoundTrip(IAudioEncoder encoder, IAudioDecoder decoder, short[] pcm, int frame)
    {
        var output = new short[pcm.Length];
        var payload = new byte[Math.Max(encoder.MaxPayloadBytes, 1500)];
        for (var offset = 0; offset + frame <= pcm.Length; offset += frame)
        {
            var n = encoder.Encode(pcm.AsSpan(offset, frame), payload);
            var m = decoder.Decode(payload.AsSpan(0, n), output.AsSpan(offset, frame));
            Assert.Equal(frame, m);
        }

        return output;
    }
}
