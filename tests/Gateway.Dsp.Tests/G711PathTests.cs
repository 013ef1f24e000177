using Gateway.Codecs.G711;
using Gateway.Dsp.CallerId;
using Gateway.Dsp.Dtmf;

namespace Gateway.Dsp.Tests;

/// <summary>What the FXS port and the far end actually exchange: PCM through G.711 (μ-law and A-law).</summary>
public class G711PathTests
{
    private static short[] ThroughG711(short[] pcm, bool muLaw)
    {
        var codes = new byte[pcm.Length];
        var decoded = new short[pcm.Length];
        if (muLaw)
        {
            MuLaw.Encode(pcm, codes);
            MuLaw.Decode(codes, decoded);
        }
        else
        {
            ALaw.Encode(pcm, codes);
            ALaw.Decode(codes, decoded);
        }

        return decoded;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DtmfAtMinimumLevel_SurvivesG711(bool muLaw)
    {
        var options = new DtmfGeneratorOptions { LowGroupLevelDbm0 = -26, HighGroupLevelDbm0 = -26, ToneDuration = TimeSpan.FromMilliseconds(50), Pause = TimeSpan.FromMilliseconds(50) };
        var pcm = ThroughG711(DtmfGenerator.RenderDigits("0123456789*#ABCD", 8000, options), muLaw);
        var detector = new DtmfDetector(8000);
        detector.Process(pcm);
        detector.Process(new short[800]);
        var digits = new List<char>();
        while (detector.TryGetDigit(out var d))
        {
            digits.Add(d.Digit);
        }

        Assert.Equal("0123456789*#ABCD", new string(digits.ToArray()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CallerId_SurvivesG711(bool muLaw)
    {
        var sent = new CallerIdMessage(12, 31, 23, 59, "08005550100", null, null, 'O');
        var pcm = ThroughG711(CallerIdSignal.Render(Mdmf.Encode(sent), FskStandard.V23, 8000), muLaw);
        var demodulator = new FskDemodulator(FskStandard.V23, 8000);
        demodulator.Process(pcm);
        var bytes = new List<byte>();
        while (demodulator.TryReadByte(out var b))
        {
            bytes.Add(b);
        }

        var start = bytes.IndexOf(Mdmf.MessageType);
        Assert.True(Mdmf.TryDecode(bytes.ToArray().AsSpan(start), out var message, out var error), error);
        Assert.Equal(sent, message);
    }
}
