using Gateway.Codecs.G722;

namespace Gateway.Codecs.Tests;

/// <summary>Our G.722 against spandsp's, bit for bit, both directions, on a sweep and on loud noise.</summary>
public class G722SpanDspTests
{
    private static short[] SweepThenNoise()
    {
        var rng = new Random(1);
        var n = 16000 * 4;
        var pcm = new short[n];
        double phase = 0;
        for (var i = 0; i < n; i++)
        {
            phase += 2 * Math.PI * (100 + (7000.0 * i / n)) / 16000;
            pcm[i] = (short)(i < n / 2 ? 12000 * Math.Sin(phase) : rng.Next(-32768, 32768));
        }

        return pcm;
    }

    [Fact]
    public void Encode_MatchesSpanDsp()
    {
        var pcm = SweepThenNoise();
        var theirs = new byte[pcm.Length / 2];
        Assert.Equal(theirs.Length, SpanDsp.G722Encode(SpanDsp.G722EncodeInit(IntPtr.Zero, 64000, 0), theirs, pcm, pcm.Length));
        var ours = new byte[pcm.Length / 2];
        var encoder = G722Codec.Instance.CreateEncoder();
        for (var offset = 0; offset < pcm.Length; offset += 320)
        {
            encoder.Encode(pcm.AsSpan(offset, 320), ours.AsSpan(offset / 2));
        }

        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Decode_SpanDspStream_MatchesSpanDspDecoder()
    {
        var pcm = SweepThenNoise();
        var stream = new byte[pcm.Length / 2];
        Assert.Equal(stream.Length, SpanDsp.G722Encode(SpanDsp.G722EncodeInit(IntPtr.Zero, 64000, 0), stream, pcm, pcm.Length));
        var theirs = new short[pcm.Length];
        Assert.Equal(theirs.Length, SpanDsp.G722Decode(SpanDsp.G722DecodeInit(IntPtr.Zero, 64000, 0), theirs, stream, stream.Length));
        var ours = new short[pcm.Length];
        var decoder = G722Codec.Instance.CreateDecoder();
        for (var offset = 0; offset < stream.Length; offset += 160)
        {
            decoder.Decode(stream.AsSpan(offset, 160), ours.AsSpan(offset * 2));
        }

        AssertEqualExceptWrap(theirs, ours);
    }

    [Fact]
    public void Decode_RandomOctets_MatchesSpanDsp()
    {
        var stream = new byte[16000];
        new Random(5).NextBytes(stream);
        var theirs = new short[stream.Length * 2];
        Assert.Equal(theirs.Length, SpanDsp.G722Decode(SpanDsp.G722DecodeInit(IntPtr.Zero, 64000, 0), theirs, stream, stream.Length));
        var ours = new short[stream.Length * 2];
        G722Codec.Instance.CreateDecoder().Decode(stream, ours);
        AssertEqualExceptWrap(theirs, ours);
    }

    /// <summary>
    /// Equal everywhere except where the receive QMF overflows: spandsp (Debian 0.0.6) casts that to 16 bits and
    /// wraps, we saturate as G.722's LIMIT does. Only full-scale noise gets there.
    /// </summary>
    private static void AssertEqualExceptWrap(short[] theirs, short[] ours)
    {
        Assert.Equal(theirs.Length, ours.Length);
        var wrapped = 0;
        for (var i = 0; i < ours.Length; i++)
        {
            if (theirs[i] != ours[i])
            {
                Assert.True(ours[i] is short.MaxValue or short.MinValue, $"sample {i}: spandsp {theirs[i]}, ours {ours[i]}");
                wrapped++;
            }
        }

        Assert.True(wrapped < ours.Length / 100, $"{wrapped} overflowed samples");
    }
}
