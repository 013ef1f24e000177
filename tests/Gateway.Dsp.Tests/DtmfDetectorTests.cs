using Gateway.Dsp.Dtmf;

namespace Gateway.Dsp.Tests;

public class DtmfDetectorTests
{
    private static List<DtmfDigitEvent> Detect(short[] pcm, int sampleRate, int chunk = 160)
    {
        var detector = new DtmfDetector(sampleRate);
        var found = new List<DtmfDigitEvent>();
        for (var i = 0; i < pcm.Length; i += chunk)
        {
            detector.Process(pcm.AsSpan(i, Math.Min(chunk, pcm.Length - i)));
            while (detector.TryGetDigit(out var d))
            {
                found.Add(d);
            }
        }

        return found;
    }

    private static string Digits(short[] pcm, int sampleRate, int chunk = 160) =>
        new(Detect(pcm, sampleRate, chunk).Select(d => d.Digit).ToArray());

    private static short[] Padded(int rate, short[] tone) => TestSignal.Concat(TestSignal.Silence(rate, 60), tone, TestSignal.Silence(rate, 100));

    private static short[] Digit(int rate, double low, double high, double ms = 60, double lowDbm0 = -8, double highDbm0 = -6) =>
        Padded(rate, TestSignal.Tones(rate, ms, (low, lowDbm0), (high, highDbm0)));

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void EveryDigit_FromOwnGenerator_IsDetectedWithTiming(int rate)
    {
        var pcm = TestSignal.Concat(TestSignal.Silence(rate, 50), DtmfGenerator.RenderDigits(DtmfFrequencies.AllDigits, rate));
        var events = Detect(pcm, rate);
        Assert.Equal(DtmfFrequencies.AllDigits, new string(events.Select(e => e.Digit).ToArray()));
        for (var i = 0; i < events.Count; i++)
        {
            Assert.InRange(events[i].Start.TotalMilliseconds, 50 + (200 * i) - 7, 50 + (200 * i) + 7);
            Assert.InRange(events[i].Duration.TotalMilliseconds, 93, 107);
        }
    }

    [Theory]
    [InlineData(8000, 0.985)]
    [InlineData(8000, 1.015)]
    [InlineData(16000, 0.985)]
    [InlineData(16000, 1.015)]
    public void OffFrequency1Point5Percent_IsAccepted(int rate, double factor)
    {
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                var pcm = Digit(rate, DtmfFrequencies.Rows[r] * factor, DtmfFrequencies.Columns[c] * factor);
                Assert.Equal(DtmfFrequencies.Digit(r, c).ToString(), Digits(pcm, rate));
            }
        }
    }

    [Theory]
    [InlineData(8000, 0.965)]
    [InlineData(8000, 1.035)]
    [InlineData(16000, 0.965)]
    [InlineData(16000, 1.035)]
    public void OffFrequency3Point5Percent_IsRejected_InEitherGroup(int rate, double factor)
    {
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                Assert.Empty(Digits(Digit(rate, DtmfFrequencies.Rows[r] * factor, DtmfFrequencies.Columns[c]), rate));
                Assert.Empty(Digits(Digit(rate, DtmfFrequencies.Rows[r], DtmfFrequencies.Columns[c] * factor), rate));
            }
        }
    }

    [Theory]
    [InlineData(-6, -13, true)]   // low group 7 dB up: normal twist within 8 dB
    [InlineData(-6, -16, false)]  // 10 dB normal twist
    [InlineData(-9, -6, true)]    // high group 3 dB up: reverse twist within 4 dB
    [InlineData(-12, -6, false)]  // 6 dB reverse twist
    public void Twist_IsLimited(double lowDbm0, double highDbm0, bool accepted)
    {
        var digits = Digits(Digit(8000, 852, 1477, 60, lowDbm0, highDbm0), 8000);
        Assert.Equal(accepted ? "9" : string.Empty, digits);
    }

    [Theory]
    [InlineData(-26, true)]
    [InlineData(-36, false)]
    public void Level_PerTone(double dbm0, bool accepted)
    {
        var digits = Digits(Digit(8000, 941, 1336, 60, dbm0, dbm0), 8000);
        Assert.Equal(accepted ? "0" : string.Empty, digits);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Duration_40msAccepted_23msRejected(int rate)
    {
        // Every alignment against the detector's 6.4 ms hop.
        for (var offset = 0; offset < 52 * rate / 8000; offset += 7)
        {
            var lead = new short[offset];
            Assert.Equal("5", Digits(TestSignal.Concat(lead, Digit(rate, 770, 1336, 40)), rate));
            Assert.Empty(Digits(TestSignal.Concat(lead, Digit(rate, 770, 1336, 23)), rate));
        }
    }

    [Fact]
    public void SameDigitTwice_With40msPause_IsTwoDigits_ShortDropoutIsBridged()
    {
        var tone = TestSignal.Tones(8000, 50, (697, -8), (1209, -6));
        Assert.Equal("11", Digits(Padded(8000, TestSignal.Concat(tone, TestSignal.Silence(8000, 40), tone)), 8000));
        Assert.Equal("1", Digits(Padded(8000, TestSignal.Concat(tone, TestSignal.Silence(8000, 5), tone)), 8000));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(160)]
    [InlineData(1000)]
    public void ChunkBoundaries_DoNotMatter(int chunk)
    {
        var pcm = TestSignal.Concat(TestSignal.Silence(8000, 13), DtmfGenerator.RenderDigits("0123456789*#ABCD", 8000,
            new DtmfGeneratorOptions { ToneDuration = TimeSpan.FromMilliseconds(45), Pause = TimeSpan.FromMilliseconds(45) }));
        var reference = Detect(pcm, 8000, pcm.Length);
        Assert.Equal("0123456789*#ABCD", new string(reference.Select(d => d.Digit).ToArray()));
        Assert.Equal(reference, Detect(pcm, 8000, chunk));
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void SpeechAndMusic_GiveNoDigits(int rate)
    {
        for (var seed = 1; seed <= 5; seed++)
        {
            var speech = Digits(TestSignal.SpeechLike(rate, 10, seed), rate);
            Assert.True(speech.Length == 0, $"speech seed {seed}: {speech}");
            var music = Digits(TestSignal.MusicLike(rate, 10, seed), rate);
            Assert.True(music.Length == 0, $"music seed {seed}: {music}");
        }
    }

    [Fact]
    public void DigitsInNoise_AreDetected()
    {
        var pcm = TestSignal.Concat(TestSignal.Silence(8000, 50), DtmfGenerator.RenderDigits("159#", 8000));
        TestSignal.AddNoise(pcm, PcmLevel.PeakAmplitude(-30), 3);
        Assert.Equal("159#", Digits(pcm, 8000));
    }

    [Fact]
    public void DigitsFromSox_AreDetected()
    {
        var rate = 8000;
        var raw = Sox.Synth(rate, "0.08", "697", "1336");
        var pcm = TestSignal.Concat(TestSignal.Silence(rate, 50), raw, TestSignal.Silence(rate, 100));
        Assert.Equal("2", Digits(pcm, rate));
        var raw16 = Sox.Synth(16000, "0.06", "941", "1633");
        Assert.Equal("D", Digits(Padded(16000, raw16), 16000));
    }
}
