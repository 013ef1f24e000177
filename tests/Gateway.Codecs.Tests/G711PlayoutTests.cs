using Gateway.Codecs.G711;
using Gateway.Rtp;
using Gateway.Rtp.Jitter;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Codecs.Tests;

/// <summary>The receive chain a G.711 call will use: jitter buffer, PCMU decoder, Appendix I concealment.</summary>
public class G711PlayoutTests
{
    [Fact]
    public void JitteryLossyTone_PlaysOutWithoutDropouts()
    {
        const int Frames = 250;
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var buffer = new AdaptiveJitterBuffer(new JitterBufferOptions(), time);
        var plc = new G711Concealment();
        var tone = Signal.Tone(440, 8000, Frames * 160, 8000);
        var rng = new Random(21);

        // Each packet: sent at n·20 ms, 0–40 ms network delay, 3 % lost.
        var arrivals = new List<(long At, int Seq)>();
        for (var n = 0; n < Frames; n++)
        {
            if (rng.NextDouble() >= 0.03)
            {
                arrivals.Add(((n * 20L) + rng.Next(0, 41), n));
            }
        }

        arrivals.Sort((a, b) => a.At.CompareTo(b.At));
        var payload = new byte[160];
        var received = new byte[512];
        var pcm = new short[160];
        var output = new short[160];
        var blocks = new List<double>();
        var now = 0L;
        var next = 0;
        for (var tick = 10L; tick < (Frames * 20L) + 200; tick += 20)
        {
            while (next < arrivals.Count && arrivals[next].At <= tick)
            {
                time.Advance(TimeSpan.FromMilliseconds(arrivals[next].At - now));
                now = arrivals[next].At;
                var seq = arrivals[next++].Seq;
                MuLaw.Encode(tone.AsSpan(seq * 160, 160), payload);
                buffer.Put(new RtpHeader(0, (ushort)seq, (uint)(seq * 160), 7), payload);
            }

            time.Advance(TimeSpan.FromMilliseconds(tick - now));
            now = tick;
            switch (buffer.Get(received, out var length))
            {
                case JitterBufferResult.Frame:
                    MuLaw.Decode(received.AsSpan(0, length), pcm);
                    plc.Receive(pcm, output);
                    blocks.Add(Signal.FitTone(output, 440, 8000).Amplitude);
                    break;
                case JitterBufferResult.Conceal:
                    plc.Conceal(output);
                    blocks.Add(Signal.FitTone(output, 440, 8000).Amplitude);
                    break;
            }
        }

        // From the second block (the first holds the concealment delay) until the stream ends, no block drops out.
        // Amplitudes measured at this seed: ~7988 clean, 7726/7230 around a single loss, 4536 at worst.
        var playing = blocks.Skip(1).Take(Frames - 10).ToList();
        Assert.True(playing.Count > 200);
        // Concealment fades by 20 % per 10 ms after the first 10 ms, so a two-frame loss dips to about 0.55.
        Assert.All(playing, a => Assert.True(a > 8000 * 0.5, $"block amplitude {a:F0}"));
        Assert.True(playing.Count(a => a > 8000 * 0.95) > playing.Count * 0.9);
        Assert.True(buffer.Statistics.ConcealmentEvents > 0, "the trace did lose packets");
    }
}
