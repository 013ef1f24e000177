using Gateway.Codecs.Opus;

namespace Gateway.Codecs.Tests;

public class OpusTests
{
    [Theory]
    [InlineData(8000, 700)]
    [InlineData(16000, 1000)]
    [InlineData(16000, 5000)]
    public void RoundTrip_Tone_KeepsFrequencyAndLevel(int rate, double frequency)
    {
        var codec = new OpusCodec(rate);
        var input = Signal.Tone(frequency, rate, rate, 8000);
        var output = Signal.RoundTrip(codec.CreateEncoder(), codec.CreateDecoder(), input, codec.Info.FrameSamples);
        var (amplitude, snr) = Signal.FitTone(output.AsSpan(rate / 5), frequency, rate);
        Assert.True(snr > 15, $"SNR {snr:F1} dB");
        Assert.InRange(amplitude, 8000 * 0.7, 8000 * 1.3);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Conceal_AfterFrames_GivesOneFrameOfAudio(int rate)
    {
        var codec = new OpusCodec(rate);
        var encoder = codec.CreateEncoder();
        var decoder = (OpusAudioDecoder)codec.CreateDecoder();
        var frame = codec.Info.FrameSamples;
        var pcm = new short[frame];
        var payload = new byte[encoder.MaxPayloadBytes];
        var tone = Signal.Tone(440, rate, frame * 10, 8000);
        for (var i = 0; i < 10; i++)
        {
            var n = encoder.Encode(tone.AsSpan(i * frame, frame), payload);
            decoder.Decode(payload.AsSpan(0, n), pcm);
        }

        Array.Clear(pcm);
        Assert.Equal(frame, decoder.Conceal(pcm));
        Assert.True(Signal.Rms(pcm) > 100, "concealment continues the tone rather than going silent at once");
    }

    [Fact]
    public void DecodeFec_FromNextPacket_RecoversAFrame()
    {
        var codec = new OpusCodec(16000);
        var encoder = codec.CreateEncoder();
        var decoder = (OpusAudioDecoder)codec.CreateDecoder();
        var frame = codec.Info.FrameSamples;
        var tone = Signal.Tone(440, 16000, frame * 20, 8000);
        var payload = new byte[1500];
        var pcm = new short[frame];
        for (var i = 0; i < 19; i++)
        {
            var n = encoder.Encode(tone.AsSpan(i * frame, frame), payload);
            if (i == 17)
            {
                continue; // lost
            }

            if (i == 18)
            {
                Assert.Equal(frame, decoder.DecodeFec(payload.AsSpan(0, n), pcm));
                Assert.True(Signal.Rms(pcm) > 1000, $"recovered rms {Signal.Rms(pcm)}");
            }

            Assert.Equal(frame, decoder.Decode(payload.AsSpan(0, n), pcm));
        }
    }

    [Fact]
    public void Decode_RandomBytes_ThrowsOnlyCodecException()
    {
        var decoder = new OpusCodec(8000).CreateDecoder();
        var rng = new Random(11);
        var pcm = new short[160];
        for (var i = 0; i < 500; i++)
        {
            var payload = new byte[rng.Next(0, 200)];
            rng.NextBytes(payload);
            try
            {
                decoder.Decode(payload, pcm);
            }
            catch (AudioCodecException)
            {
            }
        }
    }

    [Fact]
    public void Info_ClockIs48kHzWhateverThePcmRate()
    {
        var nb = new OpusCodec(8000).Info;
        Assert.Equal(48000, nb.ClockRate);
        Assert.Equal(160, nb.FrameSamples);
        Assert.Equal(960, nb.FrameTimestampIncrement);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusCodec(44100));
    }
}
