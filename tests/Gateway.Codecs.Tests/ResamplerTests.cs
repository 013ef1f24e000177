namespace Gateway.Codecs.Tests;

public class ResamplerTests
{
    public static TheoryData<int, int, double> Pairs => new()
    {
        { 8000, 16000, 1000 },
        { 16000, 8000, 1000 },
        { 8000, 48000, 3000 },
        { 48000, 8000, 440 },
        { 16000, 48000, 6000 },
        { 48000, 16000, 6000 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Process_InBandTone_KeepsFrequencyAndLevel(int from, int to, double frequency)
    {
        var output = Run(from, to, Signal.Tone(frequency, from, from / 2, 10000));
        Assert.Equal(to / 2, output.Length);
        var (amplitude, snr) = Signal.FitTone(output.AsSpan(to / 10), frequency, to);
        Assert.InRange(amplitude, 10000 * 0.97, 10000 * 1.03);
        Assert.True(snr > 50, $"SNR {snr:F1} dB");
    }

    [Theory]
    [InlineData(48000, 8000, 6000)]
    [InlineData(48000, 8000, 4500)]
    [InlineData(16000, 8000, 5000)]
    [InlineData(48000, 16000, 9000)]
    public void Process_ToneAboveNewNyquist_IsAttenuatedBy60Db(int from, int to, double frequency)
    {
        var output = Run(from, to, Signal.Tone(frequency, from, from / 2, 10000));

        // Whatever is left is aliasing; it must be at least 60 dB under the input.
        var rms = Signal.Rms(output.AsSpan(to / 10));
        var attenuationDb = 20 * Math.Log10(10000 / Math.Sqrt(2) / Math.Max(rms, 1e-3));
        Assert.True(attenuationDb >= 60, $"attenuation {attenuationDb:F1} dB");
    }

    [Fact]
    public void Process_OddBlockLengths_JoinWithoutGlitch()
    {
        var input = Signal.Tone(1000, 8000, 8000, 10000);
        var resampler = new Resampler(8000, 48000);
        var output = new List<short>();
        var buffer = new short[resampler.MaxOutputLength(1000)];
        var rng = new Random(5);
        for (var offset = 0; offset < input.Length;)
        {
            var n = Math.Min(rng.Next(1, 300), input.Length - offset);
            var m = resampler.Process(input.AsSpan(offset, n), buffer);
            output.AddRange(buffer.AsSpan(0, m).ToArray());
            offset += n;
        }

        Assert.Equal(48000, output.Count);
        var (_, snr) = Signal.FitTone(output.ToArray().AsSpan(4800), 1000, 48000);
        Assert.True(snr > 50, $"SNR {snr:F1} dB");
    }

    [Fact]
    public void Constructor_UnsupportedRate_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Resampler(8000, 44100));
    }

    private static short[] Run(int from, int to, short[] input)
    {
        var resampler = new Resampler(from, to);
        var frame = from / 50;
        var output = new short[input.Length * to / from];
        var buffer = new short[resampler.MaxOutputLength(frame)];
        var written = 0;
        for (var offset = 0; offset < input.Length; offset += frame)
        {
            var n = resampler.Process(input.AsSpan(offset, frame), buffer);
            Assert.Equal(to / 50, n);
            buffer.AsSpan(0, n).CopyTo(output.AsSpan(written));
            written += n;
        }

        return output;
    }
}
