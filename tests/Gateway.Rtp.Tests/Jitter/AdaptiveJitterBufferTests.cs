using Gateway.Rtp.Jitter;

namespace Gateway.Rtp.Tests.Jitter;

public class AdaptiveJitterBufferTests
{
    /// <summary>Concealed frames and runs between the first and last played frame (the tail after the stream ends is not loss).</summary>
    private static (int Frames, int Runs) Concealment(List<(JitterBufferResult Result, int Seq)> r)
    {
        var first = r.FindIndex(x => x.Result == JitterBufferResult.Frame);
        var last = r.FindLastIndex(x => x.Result == JitterBufferResult.Frame);
        int frames = 0, runs = 0;
        for (var i = first; i <= last; i++)
        {
            if (r[i].Result == JitterBufferResult.Conceal)
            {
                frames++;
                runs += r[i - 1].Result == JitterBufferResult.Conceal ? 0 : 1;
            }
        }

        return (frames, runs);
    }

    private static List<int> Frames(List<(JitterBufferResult Result, int Seq)> r) => r.Where(x => x.Result == JitterBufferResult.Frame).Select(x => x.Seq).ToList();

    [Fact]
    public void SteadyStream_PlaysEveryFrameInOrder_AtMinimumDelay()
    {
        var trace = new JitterTrace().Stream(100, _ => 3);
        var results = trace.Run(2100);
        Assert.Equal(Enumerable.Range(0, 100), Frames(results));
        var stats = trace.Buffer.Statistics;
        Assert.Equal((0, 0), Concealment(results));
        Assert.Equal(20, trace.Buffer.TargetDelayMs);
        Assert.Equal(100 * 160, stats.JitterBufferEmittedCount);
        Assert.InRange(stats.AverageDelayMs, 15, 45);
    }

    [Fact]
    public void LostPacket_IsConcealedOnce()
    {
        var trace = new JitterTrace().Stream(50, n => n == 20 ? null : 3);
        var results = trace.Run(1100);
        var frames = Frames(results);
        Assert.DoesNotContain(20, frames);
        Assert.Contains(21, frames);
        Assert.Equal((1, 1), Concealment(results));
        Assert.True(trace.Buffer.Statistics.ConcealedSamples >= 160);
    }

    [Fact]
    public void ReorderedPair_IsPlayedInOrder()
    {
        var trace = new JitterTrace().Stream(50, n => n switch { 10 => 28, 11 => 5, _ => 10 });
        var frames = Frames(trace.Run(1100));
        Assert.Equal(Enumerable.Range(0, 50), frames);
    }

    [Fact]
    public void DuplicateAndLatePackets_AreDiscardedAndCounted()
    {
        var trace = new JitterTrace().Stream(40, n => n == 15 ? 200 : 3).Arrive(100, 4);
        var results = trace.Run(900);
        var stats = trace.Buffer.Statistics;
        Assert.Equal(2, stats.PacketsDiscarded); // the duplicate of 4, and 15 arriving after its slot was concealed
        Assert.Equal(41, stats.PacketsReceived);
        Assert.DoesNotContain(15, Frames(results));
    }

    [Fact]
    public void JitteryStream_TargetGrowsAndConcealmentStaysRare()
    {
        // Delay uniformly 0..60 ms (deterministic pseudo-random): the target should settle near 60 + 20 ms.
        var rng = new Random(9);
        var delays = Enumerable.Range(0, 500).Select(_ => (long)rng.Next(0, 61)).ToArray();
        var trace = new JitterTrace().Stream(500, n => delays[n]);
        trace.Run(10_200);
        var stats = trace.Buffer.Statistics;
        Assert.InRange(trace.Buffer.TargetDelayMs, 65, 85);
        var concealedFraction = (double)stats.ConcealedSamples / stats.TotalSamplesReceived;
        Assert.True(concealedFraction < 0.05, $"concealed {concealedFraction:P1}");
        Assert.True(stats.AverageDelayMs >= 40, $"the buffer did not grow (average delay {stats.AverageDelayMs:F0} ms)");
    }

    [Fact]
    public void DelaySpikeThenCalm_BufferShrinksAgain()
    {
        // 100 packets with 0–150 ms jitter, then 300 perfectly regular ones: the percentile window forgets the spike.
        var rng = new Random(4);
        var trace = new JitterTrace().Stream(400, n => n < 100 ? rng.Next(0, 151) : 150);
        trace.Run(8_400);
        Assert.True(trace.Buffer.Statistics.RemovedSamplesForAcceleration > 0);
        Assert.Equal(20, trace.Buffer.TargetDelayMs);
    }

    [Fact]
    public void TimestampJump_RestartsOnTheNewStream()
    {
        var trace = new JitterTrace().Stream(20, _ => 3).Stream(20, _ => 3 - (30_000 * 20) + 500, firstSeq: 30_000);
        var frames = Frames(trace.Run(1000));
        Assert.Contains(19, frames);
        Assert.Contains(30_010, frames);
    }

    [Fact]
    public void SilenceThenTalkspurt_RebuffersInsteadOfConcealingForever()
    {
        var trace = new JitterTrace().Stream(20, _ => 3).Stream(20, _ => 3, firstSeq: 60);
        var results = trace.Run(1700);
        var (frames, runs) = Concealment(results);
        Assert.Equal(1, runs);
        Assert.True(frames <= 3, $"concealed {frames} frames");
        Assert.Equal(Enumerable.Range(0, 20).Concat(Enumerable.Range(60, 20)), Frames(results));
    }

    [Fact]
    public void OversizedPayload_IsDiscarded()
    {
        var buffer = new AdaptiveJitterBuffer(new JitterBufferOptions(MaxPayloadBytes: 4));
        Assert.False(buffer.Put(new RtpHeader(0, 1, 160, 1), new byte[5]));
        Assert.Equal(1, buffer.Statistics.PacketsDiscarded);
    }

    [Fact]
    public void PutAndGet_AllocateNothing()
    {
        var buffer = new AdaptiveJitterBuffer(new JitterBufferOptions(MinimumDelayMs: 0));
        var payload = new byte[160];
        var output = new byte[512];
        for (var i = 0; i < 200; i++)
        {
            buffer.Put(new RtpHeader(0, (ushort)i, (uint)(i * 160), 1), payload);
            buffer.Get(output, out _);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 200; i < 1200; i++)
        {
            buffer.Put(new RtpHeader(0, (ushort)i, (uint)(i * 160), 1), payload);
            buffer.Get(output, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
