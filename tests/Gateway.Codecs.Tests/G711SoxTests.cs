using Gateway.Codecs.G711;

namespace Gateway.Codecs.Tests;

/// <summary>Our G.711 against sox's, bit for bit, for every 16-bit input value and every code.</summary>
public class G711SoxTests
{
    private const string Pcm16 = "-t raw -r 8000 -e signed -b 16 -c 1 -L";

    private static byte[] AllSixteenBitValues()
    {
        var bytes = new byte[65536 * 2];
        for (var i = 0; i < 65536; i++)
        {
            var v = (short)(i - 32768);
            bytes[2 * i] = (byte)v;
            bytes[(2 * i) + 1] = (byte)(v >> 8);
        }

        return bytes;
    }

    [Theory]
    [InlineData("u-law")]
    [InlineData("a-law")]
    public void Encode_EveryInputValue_MatchesSox(string law)
    {
        var input = AllSixteenBitValues();
        var expected = Sox.Convert(input, Pcm16, $"-t raw -r 8000 -e {law} -b 8 -c 1");
        var pcm = new short[65536];
        Buffer.BlockCopy(input, 0, pcm, 0, input.Length);
        var ours = new byte[65536];
        if (law == "u-law")
        {
            MuLaw.Encode(pcm, ours);
        }
        else
        {
            ALaw.Encode(pcm, ours);
        }

        Assert.Equal(65536, expected.Length);
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.True(expected[i] == ours[i], $"{law} input {pcm[i]}: sox 0x{expected[i]:X2}, ours 0x{ours[i]:X2}");
        }
    }

    [Theory]
    [InlineData("u-law")]
    [InlineData("a-law")]
    public void Decode_EveryCode_MatchesSox(string law)
    {
        var codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var expected = Sox.Convert(codes, $"-t raw -r 8000 -e {law} -b 8 -c 1", Pcm16);
        var ours = new short[256];
        if (law == "u-law")
        {
            MuLaw.Decode(codes, ours);
        }
        else
        {
            ALaw.Decode(codes, ours);
        }

        for (var i = 0; i < 256; i++)
        {
            var sox = (short)(expected[2 * i] | (expected[(2 * i) + 1] << 8));
            Assert.True(sox == ours[i], $"{law} code 0x{i:X2}: sox {sox}, ours {ours[i]}");
        }
    }

    [Fact]
    public void Encode_SweepAndNoise_MatchesSox()
    {
        // A 50 Hz–3.9 kHz sweep then white noise, as a call would carry.
        var rng = new Random(7);
        var pcm = new short[16000];
        double phase = 0;
        for (var i = 0; i < 8000; i++)
        {
            phase += 2 * Math.PI * (50 + (3850.0 * i / 8000)) / 8000;
            pcm[i] = (short)(20000 * Math.Sin(phase));
        }

        for (var i = 8000; i < pcm.Length; i++)
        {
            pcm[i] = (short)rng.Next(-32768, 32768);
        }

        var input = new byte[pcm.Length * 2];
        Buffer.BlockCopy(pcm, 0, input, 0, input.Length);
        var soxMu = Sox.Convert(input, Pcm16, "-t raw -r 8000 -e u-law -b 8 -c 1");
        var soxA = Sox.Convert(input, Pcm16, "-t raw -r 8000 -e a-law -b 8 -c 1");
        var mu = new byte[pcm.Length];
        var a = new byte[pcm.Length];
        PcmuCodec.Instance.Encode(pcm, mu);
        PcmaCodec.Instance.Encode(pcm, a);
        Assert.Equal(soxMu, mu);
        Assert.Equal(soxA, a);
    }

    [Fact]
    public void RoundTrip_Decode_ThenEncode_IsIdentityForEveryCode()
    {
        for (var c = 0; c < 256; c++)
        {
            Assert.Equal((byte)c, ALaw.Encode(ALaw.Decode((byte)c)));
            var mu = MuLaw.Encode(MuLaw.Decode((byte)c));

            // μ-law has two zeros (0x7F and 0xFF); both decode to 0, which encodes as 0xFF.
            Assert.Equal(c == 0x7F ? 0xFF : c, mu);
        }
    }
}
