using Gateway.Dsp.Dtmf;
using Gateway.Dsp.Fax;

namespace Gateway.Dsp.Tests;

public class FaxToneDetectorTests
{
    private static List<FaxToneEvent> Detect(short[] pcm, int rate, int chunk = 160)
    {
        var detector = new FaxToneDetector(rate);
        var events = new List<FaxToneEvent>();
        for (var i = 0; i < pcm.Length; i += chunk)
        {
            detector.Process(pcm.AsSpan(i, Math.Min(chunk, pcm.Length - i)));
            while (detector.TryGetEvent(out var e))
            {
                events.Add(e);
            }
        }

        return events;
    }

    /// <summary>ANSam per V.8: 2100 Hz, 15 Hz AM at 20 % depth, phase reversed every 450 ms.</summary>
    private static short[] AnsAm(int rate, double seconds, double frequency = 2100)
    {
        var pcm = new short[(int)(seconds * rate)];
        for (var i = 0; i < pcm.Length; i++)
        {
            var t = (double)i / rate;
            var reversal = ((int)(t / 0.45) % 2) * Math.PI;
            var envelope = 1 + (0.2 * Math.Sin(2 * Math.PI * 15 * t));
            pcm[i] = PcmLevel.Saturate(PcmLevel.PeakAmplitude(-12) * envelope * Math.Sin((2 * Math.PI * frequency * t) + reversal));
        }

        return pcm;
    }

    [Theory]
    [InlineData(8000, 1100)]
    [InlineData(16000, 1100)]
    [InlineData(8000, 1135)]
    [InlineData(8000, 1065)]
    public void CngCadence_GivesOneEventPerBurst(int rate, double frequency)
    {
        var burst = TestSignal.Tones(rate, 500, (frequency, -20));
        var pcm = TestSignal.Concat(TestSignal.Silence(rate, 200), burst, TestSignal.Silence(rate, 3000), burst, TestSignal.Silence(rate, 300));
        TestSignal.AddNoise(pcm, PcmLevel.PeakAmplitude(-45), 5);
        var events = Detect(pcm, rate, 77);
        Assert.Equal([FaxTone.Cng, FaxTone.Cng], events.Select(e => e.Tone));
        Assert.InRange(events[0].Start.TotalMilliseconds, 190, 210);
        Assert.InRange(events[0].Duration.TotalMilliseconds, 490, 510);
        Assert.InRange(events[1].Start.TotalMilliseconds, 3690, 3710);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(2000)]
    public void Tone1100_OutsideCngBurstLength_IsNotCng(int milliseconds)
    {
        var pcm = TestSignal.Concat(TestSignal.Tones(8000, milliseconds, (1100, -20)), TestSignal.Silence(8000, 300));
        Assert.Empty(Detect(pcm, 8000));
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Ced_PlainAndAnsAm_ReportedOnceAfterHalfASecond(int rate)
    {
        var plain = TestSignal.Concat(TestSignal.Silence(rate, 100), TestSignal.Tones(rate, 3000, (2100, -12)));
        var ced = Assert.Single(Detect(plain, rate));
        Assert.Equal(FaxTone.Ced, ced.Tone);
        Assert.InRange(ced.Start.TotalMilliseconds, 90, 110);
        Assert.InRange(ced.Duration.TotalMilliseconds, 490, 510);

        var ansam = TestSignal.Concat(TestSignal.Silence(rate, 100), AnsAm(rate, 3.3));
        TestSignal.AddNoise(ansam, PcmLevel.PeakAmplitude(-40), 9);
        Assert.Equal(FaxTone.Ced, Assert.Single(Detect(ansam, rate)).Tone);
    }

    [Fact]
    public void TwoThousandHertz_IsNotCed()
    {
        Assert.Empty(Detect(TestSignal.Tones(8000, 1000, (2000, -12)), 8000));
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void SpeechMusicAndDtmf_GiveNoFaxTones(int rate)
    {
        for (var seed = 1; seed <= 3; seed++)
        {
            Assert.Empty(Detect(TestSignal.SpeechLike(rate, 10, seed), rate));
            Assert.Empty(Detect(TestSignal.MusicLike(rate, 10, seed), rate));
        }

        var dtmf = DtmfGenerator.RenderDigits("0123456789*#ABCD", rate,
            new DtmfGeneratorOptions { ToneDuration = TimeSpan.FromMilliseconds(600), Pause = TimeSpan.FromMilliseconds(100) });
        Assert.Empty(Detect(dtmf, rate));
    }
}
