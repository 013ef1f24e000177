using Gateway.Codecs.G722;

namespace Gateway.Codecs.Tests;

/// <summary>
/// G.722 quality checks. The ITU-T test vectors are not available here; bit-exactness is checked against spandsp
/// instead (<see cref="G722SpanDspTests"/>). These tests show the codec round-trips tones with G.722's quality.
/// </summary>
public class G722Tests
{
    private const int Rate = 16000;

    [Theory]
    [InlineData(300, 50)]
    [InlineData(1000, 40)]
    [InlineData(3000, 35)]
    [InlineData(5000, 18)]
    [InlineData(6500, 20)]
    // Thresholds sit a few dB under the measured values (63, 47, 41, 23, 26 dB): the higher band has only 2 bits.
    public void RoundTrip_Tone_KeepsFrequencyLevelAndSnr(double frequency, double minSnrDb)
    {
        var codec = G722Codec.Instance;
        var input = Signal.Tone(frequency, Rate, Rate, 10000);
        var output = Signal.RoundTrip(codec.CreateEncoder(), codec.CreateDecoder(), input, 320);

        // Skip the first 100 ms while the adaptive quantizers settle.
        var (amplitude, snr) = Signal.FitTone(output.AsSpan(1600), frequency, Rate);
        Assert.True(snr > minSnrDb, $"{frequency} Hz: SNR {snr:F1} dB");
        Assert.InRange(amplitude, 10000 * 0.85, 10000 * 1.15);
    }

    [Fact]
    public void Encode_FrameOf20ms_Gives160Octets()
    {
        var encoder = G722Codec.Instance.CreateEncoder();
        var payload = new byte[encoder.MaxPayloadBytes];
        Assert.Equal(160, encoder.Encode(new short[320], payload));
        Assert.Equal(160, G722Codec.CodecInfo.FrameTimestampIncrement);
    }

    [Fact]
    public void Decode_Silence_StaysQuiet()
    {
        var codec = G722Codec.Instance;
        var output = Signal.RoundTrip(codec.CreateEncoder(), codec.CreateDecoder(), new short[3200], 320);
        Assert.True(Signal.Rms(output) < 20, $"rms {Signal.Rms(output)}");
    }

    [Fact]
    public void Decode_RandomOctets_StaysInRangeAndDoesNotThrow()
    {
        var decoder = G722Codec.Instance.CreateDecoder();
        var rng = new Random(3);
        var payload = new byte[160];
        var pcm = new short[320];
        for (var i = 0; i < 200; i++)
        {
            rng.NextBytes(payload);
            Assert.Equal(320, decoder.Decode(payload, pcm));
        }
    }

    [Fact]
    public void Encode_FullScaleSquareWave_DoesNotOverflow()
    {
        var input = new short[3200];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (i / 20 % 2) == 0 ? short.MaxValue : short.MinValue;
        }

        var codec = G722Codec.Instance;
        var output = Signal.RoundTrip(codec.CreateEncoder(), codec.CreateDecoder(), input, 320);
        Assert.True(Signal.Rms(output.AsSpan(1600)) > 15000);
    }

    [Fact]
    public void Encode_OddSampleCount_IsRejected()
    {
        var encoder = G722Codec.Instance.CreateEncoder();
        Assert.Throws<ArgumentException>(() => encoder.Encode(new short[3], new byte[4]));
    }
}
