using Gateway.Dsp.Dtmf;

namespace Gateway.Dsp.Tests;

public class GoertzelAndGeneratorTests
{
    [Theory]
    [InlineData(1000, 8000, -10)]
    [InlineData(697, 16000, -26)]
    public void Goertzel_MeasuresSineLevel_AndRejectsOtherFrequencies(double frequency, int rate, double dbm0)
    {
        var pcm = TestSignal.Tones(rate, 100, (frequency, dbm0));
        var on = new Goertzel(frequency, rate);
        on.Process(pcm);
        Assert.InRange(PcmLevel.ToDbm0(on.Power), dbm0 - 0.2, dbm0 + 0.2);
        var off = new Goertzel(frequency + 200, rate);
        off.Process(pcm);
        Assert.True(PcmLevel.ToDbm0(off.Power) < dbm0 - 30);
        on.Reset();
        Assert.Equal(0, on.Power);
    }

    [Fact]
    public void Generator_SendsBothTonesAtTheirLevels_ForTheSetDuration()
    {
        var options = new DtmfGeneratorOptions { ToneDuration = TimeSpan.FromMilliseconds(80), Pause = TimeSpan.FromMilliseconds(60) };
        var pcm = DtmfGenerator.RenderDigits("7", 8000, options);
        Assert.Equal(8000 * 140 / 1000, pcm.Length);
        var tone = pcm.AsSpan(0, 640);
        var low = new Goertzel(852, 8000);
        var high = new Goertzel(1209, 8000);
        low.Process(tone);
        high.Process(tone);
        Assert.InRange(PcmLevel.ToDbm0(low.Power), -8.3, -7.7);
        Assert.InRange(PcmLevel.ToDbm0(high.Power), -6.3, -5.7);
        Assert.All(pcm[640..], s => Assert.Equal(0, s));
    }

    [Fact]
    public void Generator_RendersAcrossFrames_AndGoesIdle()
    {
        var generator = new DtmfGenerator(8000);
        generator.Enqueue("12");
        Assert.False(generator.IsIdle);
        var frame = new short[160];
        var produced = 0;
        for (var i = 0; i < 20; i++)
        {
            produced += generator.Render(frame);
        }

        Assert.Equal(2 * 1600, produced);
        Assert.True(generator.IsIdle);
        Assert.Equal(0, generator.Render(frame));
        Assert.All(frame, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Generator_RejectsNonDigits_AndOverflow()
    {
        var generator = new DtmfGenerator(8000);
        Assert.Throws<ArgumentException>(() => generator.Enqueue("12x"));
        Assert.True(generator.IsIdle);
        Assert.Throws<InvalidOperationException>(() => generator.Enqueue(new string('5', 65)));
    }

    [Fact]
    public void Detector_RejectsUnsupportedRates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtmfDetector(11025));
    }
}
