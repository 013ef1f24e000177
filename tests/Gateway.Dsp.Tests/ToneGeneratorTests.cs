using Gateway.Dsp.Tones;

namespace Gateway.Dsp.Tests;

public class ToneGeneratorTests
{
    public static TheoryData<string, ToneKind, int> AllTones()
    {
        var data = new TheoryData<string, ToneKind, int>();
        foreach (var plan in TonePlans.All)
        {
            foreach (var kind in Enum.GetValues<ToneKind>())
            {
                data.Add(plan.Country, kind, 8000);
                data.Add(plan.Country, kind, 16000);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllTones))]
    public void EveryStep_HasItsFrequenciesLevelsAndLength_OverTwoCycles(string country, ToneKind kind, int rate)
    {
        var definition = TonePlans.Find(country)![kind];
        var generator = new ToneGenerator(definition, rate);
        var steps = new List<ToneStep>(definition.Steps);
        if (definition.RepeatFrom >= 0 && !definition.Steps[^1].IsContinuous)
        {
            steps.AddRange(definition.Steps.Skip(definition.RepeatFrom));
        }

        foreach (var step in steps)
        {
            var length = step.IsContinuous ? rate : (int)Math.Round(step.Duration.TotalSeconds * rate);
            var pcm = new short[length];
            Assert.Equal(length, generator.Render(pcm));
            if (step.Components.Count == 0)
            {
                Assert.All(pcm, s => Assert.Equal(0, s));
                continue;
            }

            double meanSquare = pcm.Sum(s => (double)s * s) / pcm.Length, componentSum = 0;
            foreach (var component in step.Components)
            {
                var g = new Goertzel(component.Frequency, rate);
                g.Process(pcm);
                Assert.InRange(PcmLevel.ToDbm0(g.Power), component.LevelDbm0 - 0.5, component.LevelDbm0 + 0.5);
                componentSum += g.Power;
            }

            // Nothing but the listed sines: they carry the step's whole energy.
            Assert.InRange(componentSum / meanSquare, 0.93, 1.07);
            // The step starts and ends on time: its first and last 2 ms carry tone.
            var edge = rate / 500;
            Assert.True(pcm.Take(edge).Any(s => s != 0) && pcm.Skip(length - edge).Any(s => s != 0));
        }
    }

    [Fact]
    public void ChunkedRendering_EqualsOneBuffer_PhaseContinuous()
    {
        var definition = TonePlans.UnitedKingdom[ToneKind.StutterDial];
        var whole = new short[8000 * 4];
        new ToneGenerator(definition, 8000).Render(whole);
        var chunked = new short[whole.Length];
        var generator = new ToneGenerator(definition, 8000);
        for (var i = 0; i < chunked.Length; i += 160)
        {
            generator.Render(chunked.AsSpan(i, 160));
        }

        Assert.Equal(whole, chunked);
        // 440 Hz carries on through the 350 Hz on/off steps: no jump bigger than a sine's slope allows.
        var maxStep = 2 * Math.PI * 440 / 8000 * PcmLevel.PeakAmplitude(-23) + (2 * Math.PI * 350 / 8000 * PcmLevel.PeakAmplitude(-20)) + PcmLevel.PeakAmplitude(-20);
        for (var i = 1; i < whole.Length; i++)
        {
            Assert.True(Math.Abs(whole[i] - whole[i - 1]) <= maxStep);
        }
    }

    [Fact]
    public void CadenceEdges_AreRamped_NoClick()
    {
        // 300 Hz gated off after 104 ms (31.2 cycles): a hard gate would jump by 0.95·A there.
        var generator = new ToneGenerator(ToneDefinition.Cadence("t", 104, 96, new ToneComponent(300, -10)), 8000);
        var pcm = new short[8000 * 2];
        generator.Render(pcm);
        var slope = 2 * Math.PI * 300 / 8000 * PcmLevel.PeakAmplitude(-10) * 1.05;
        for (var i = 1; i < pcm.Length; i++)
        {
            Assert.True(Math.Abs(pcm[i] - pcm[i - 1]) <= slope, $"jump at sample {i}");
        }
    }

    [Fact]
    public void UsStutterDial_TenInterruptionsThenSteady()
    {
        var generator = new ToneGenerator(TonePlans.UnitedStates[ToneKind.StutterDial], 8000);
        var pcm = new short[8000 * 5];
        Assert.Equal(pcm.Length, generator.Render(pcm));
        var silentFrames = Enumerable.Range(0, pcm.Length / 80).Count(f => pcm.AsSpan(f * 80, 80).ToArray().All(s => s == 0));
        Assert.Equal(10 * 10, silentFrames); // ten 100 ms gaps of ten 10 ms frames
        Assert.False(generator.IsFinished);
    }

    [Fact]
    public void NonRepeatingTone_Finishes_AndPadsSilence()
    {
        var definition = new ToneDefinition("beep", [ToneStep.On(100, new ToneComponent(1000, -10))], RepeatFrom: -1);
        var generator = new ToneGenerator(definition, 8000);
        var pcm = new short[1600];
        Assert.Equal(800, generator.Render(pcm));
        Assert.True(generator.IsFinished);
        Assert.All(pcm[800..], s => Assert.Equal(0, s));
    }

    [Fact]
    public void InvalidDefinition_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new ToneGenerator(new ToneDefinition("x", []), 8000));
        Assert.Throws<ArgumentException>(() => new ToneGenerator(new ToneDefinition("x", [ToneStep.Off(10)], 3), 8000));
    }
}
