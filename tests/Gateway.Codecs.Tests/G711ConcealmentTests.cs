using Gateway.Codecs.G711;

namespace Gateway.Codecs.Tests;

public class G711ConcealmentTests
{
    private const int Frame = 80;

    [Fact]
    public void Receive_OnlyGoodFrames_IsTheInputDelayed()
    {
        var plc = new G711Concealment();
        var input = Signal.Tone(440, 8000, Frame * 10, 8000);
        var output = new short[input.Length];
        for (var f = 0; f < 10; f++)
        {
            plc.Receive(input.AsSpan(f * Frame, Frame), output.AsSpan(f * Frame, Frame));
        }

        Assert.Equal(input[..^G711Concealment.Delay], output[G711Concealment.Delay..]);
        Assert.All(output[..G711Concealment.Delay], s => Assert.Equal(0, s));
    }

    [Theory]
    [InlineData(250)]
    [InlineData(133)]
    public void Conceal_OneFrameOfVoicedSound_ContinuesTheWaveform(double frequency)
    {
        var plc = new G711Concealment();
        var input = Signal.Tone(frequency, 8000, Frame * 12, 8000);
        var output = new short[input.Length];
        for (var f = 0; f < 12; f++)
        {
            var span = input.AsSpan(f * Frame, Frame);
            if (f == 8)
            {
                plc.Conceal(output.AsSpan(f * Frame, Frame));
            }
            else
            {
                plc.Receive(span, output.AsSpan(f * Frame, Frame));
            }
        }

        // The concealed stretch (output samples 8·80+30 .. 9·80+30) against what was lost.
        var start = (8 * Frame) + G711Concealment.Delay;
        double error = 0, power = 0;
        for (var i = start; i < start + Frame; i++)
        {
            var truth = input[i - G711Concealment.Delay];
            error += Math.Pow(output[i] - truth, 2);
            power += (double)truth * truth;
        }

        var snr = 10 * Math.Log10(power / error);
        Assert.True(snr > 15, $"concealment SNR {snr:F1} dB");
    }

    [Fact]
    public void Conceal_LongLoss_FadesToSilenceBy60ms()
    {
        var plc = new G711Concealment();
        var input = Signal.Tone(200, 8000, Frame * 5, 8000);
        var sink = new short[Frame];
        for (var f = 0; f < 5; f++)
        {
            plc.Receive(input.AsSpan(f * Frame, Frame), sink);
        }

        var rms = new List<double>();
        for (var f = 0; f < 9; f++)
        {
            plc.Conceal(sink);
            rms.Add(Signal.Rms(sink));
        }

        Assert.True(rms[1] > 4000, $"first 10 ms at full level: {rms[1]:F0}");
        Assert.True(rms[3] < rms[2], "fading");
        Assert.Equal(0, rms[8]);
        Assert.True(plc.InErasure);
    }

    [Fact]
    public void Receive_AfterLoss_JoinsWithoutAJump()
    {
        var plc = new G711Concealment();
        var input = Signal.Tone(180, 8000, Frame * 14, 8000);
        var output = new short[input.Length];
        for (var f = 0; f < 14; f++)
        {
            if (f is 6 or 7 or 8)
            {
                plc.Conceal(output.AsSpan(f * Frame, Frame));
            }
            else
            {
                plc.Receive(input.AsSpan(f * Frame, Frame), output.AsSpan(f * Frame, Frame));
            }
        }

        Assert.False(plc.InErasure);

        // A 180 Hz tone at 8000 peak moves at most ~1130 per sample; a hard splice would jump far more.
        var maxStep = 0;
        for (var i = 1; i < output.Length; i++)
        {
            maxStep = Math.Max(maxStep, Math.Abs(output[i] - output[i - 1]));
        }

        Assert.True(maxStep < 2500, $"largest step {maxStep}");
    }
}
