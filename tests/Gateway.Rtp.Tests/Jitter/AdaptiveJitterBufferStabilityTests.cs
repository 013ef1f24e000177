using Gateway.Rtp.Jitter;
using Xunit.Abstractions;

namespace Gateway.Rtp.Tests.Jitter;

/// <summary>
/// The buffer's speed changes: few under steady jitter, fast growth on a spike, slow shrink after it, a preference for
/// quiet frames, and re-buffer silence counted as concealment.
/// </summary>
public class AdaptiveJitterBufferStabilityTests(ITestOutputHelper output)
{
    private static int ConcealedBetweenFrames(List<(JitterBufferResult Result, int Seq)> r)
    {
        var first = r.FindIndex(x => x.Result == JitterBufferResult.Frame);
        var last = r.FindLastIndex(x => x.Result == JitterBufferResult.Frame);
        return r.Skip(first).Take(last - first + 1).Count(x => x.Result != JitterBufferResult.Frame);
    }

    [Theory]
    [InlineData(9, 60)]
    [InlineData(21, 40)]
    [InlineData(33, 100)]
    public void SteadyJitter_FewSpeedChanges_AndLittleLateLoss(int seed, int jitterMs)
    {
        // 60 s of uniform 0..jitter ms delay: once settled, the target must hold instead of following each percentile.
        var rng = new Random(seed);
        var delays = Enumerable.Range(0, 3000).Select(_ => (long)rng.Next(0, jitterMs + 1)).ToArray();
        var trace = new JitterTrace().Stream(3000, n => delays[n]);
        var results = trace.Run(60_200);
        var stats = trace.Buffer.Statistics;
        var changedFrames = (stats.InsertedSamplesForDeceleration + stats.RemovedSamplesForAcceleration) / 160;
        var lateLoss = (double)ConcealedBetweenFrames(results) / 3000;
        output.WriteLine($"jitter {jitterMs}: inserted {stats.InsertedSamplesForDeceleration}, removed {stats.RemovedSamplesForAcceleration}, late-lost {lateLoss:P2}, target {trace.Buffer.TargetDelayMs} ms, avg delay {stats.AverageDelayMs:F0} ms");
        Assert.True(changedFrames <= 12, $"{changedFrames} frames inserted or removed in 60 s");
        Assert.True(lateLoss < 0.03, $"late loss {lateLoss:P2}");
    }

    [Fact]
    public void JitterSpike_GrowsAtOnce_ThenShrinksOnlyAfterTheCalmLasted()
    {
        // 5 s regular, 3 s of 0..150 ms jitter, then regular to 20 s.
        var rng = new Random(4);
        var trace = new JitterTrace().Stream(1000, n => n is >= 250 and < 400 ? rng.Next(0, 151) : 10);
        int targetDuringSpike = 0, targetSoonAfter = 0;
        var delayInSpike = 0;
        trace.Run(20_000, afterTick: t =>
        {
            if (t == 7_005)
            {
                targetDuringSpike = trace.Buffer.TargetDelayMs;
                delayInSpike = trace.Buffer.PlayoutDelayMs;
            }
            else if (t == 10_505)
            {
                // The 100-packet window has forgotten the spike (at ~10 s), but the calm has not lasted yet.
                targetSoonAfter = trace.Buffer.TargetDelayMs;
            }
        });
        var stats = trace.Buffer.Statistics;
        output.WriteLine($"target in spike {targetDuringSpike}, playout delay {delayInSpike}, at 10.5 s {targetSoonAfter}, end {trace.Buffer.TargetDelayMs}; inserted {stats.InsertedSamplesForDeceleration}, removed {stats.RemovedSamplesForAcceleration}, playout delay {trace.Buffer.PlayoutDelayMs}");
        Assert.True(targetDuringSpike >= 120, $"target in the spike {targetDuringSpike}");
        Assert.True(delayInSpike >= 100, $"the buffer did not grow during the spike ({delayInSpike} ms)");
        Assert.True(targetSoonAfter >= targetDuringSpike, $"shrank to {targetSoonAfter} ms before the calm lasted");
        Assert.Equal(20, trace.Buffer.TargetDelayMs);
        Assert.True(stats.RemovedSamplesForAcceleration >= 4 * 160, "the buffer did not shrink after the spike");
        Assert.InRange(trace.Buffer.PlayoutDelayMs, 0, 20 + 40);
    }

    [Fact]
    public void ModerateJitterRise_WaitsForAQuietFrame_ButNotForever()
    {
        // From 4 s every tenth packet comes 28 ms late: the target rises by about a frame, which is not urgent.
        static JitterTrace Trace() => new JitterTrace().Stream(600, n => n >= 200 && n % 10 == 0 ? 31 : 3);
        var quiet = Trace();
        var loud = Trace();
        var loudUntil5s = Trace();
        long firstQuiet = -1, firstLoud = -1, firstLoudThenQuiet = -1;
        loud.QuietAt = _ => false;
        loudUntil5s.QuietAt = t => t >= 5_500;
        quiet.Run(12_000, afterTick: t => firstQuiet = firstQuiet < 0 && quiet.Buffer.Statistics.InsertedSamplesForDeceleration > 0 ? t : firstQuiet);
        loud.Run(12_000, afterTick: t => firstLoud = firstLoud < 0 && loud.Buffer.Statistics.InsertedSamplesForDeceleration > 0 ? t : firstLoud);
        loudUntil5s.Run(12_000, afterTick: t => firstLoudThenQuiet = firstLoudThenQuiet < 0 && loudUntil5s.Buffer.Statistics.InsertedSamplesForDeceleration > 0 ? t : firstLoudThenQuiet);
        output.WriteLine($"first insertion: quiet {firstQuiet} ms, loud {firstLoud} ms, quiet from 5.5 s {firstLoudThenQuiet} ms");
        Assert.InRange(firstQuiet, 4_000, 5_400);
        Assert.True(firstLoud - firstQuiet >= 800, "a loud frame did not defer the insertion");
        Assert.InRange(firstLoudThenQuiet, 5_500, 5_800);
        Assert.True(firstLoud > 0 && firstLoud - firstQuiet <= 1_400, "a continuous loud signal blocked the insertion for good");
    }

    [Fact]
    public void RebufferSilence_IsCountedAsSilentConcealment()
    {
        // Two talkspurts 800 ms apart: the gap is 3 concealed frames then silence while the buffer refills.
        var trace = new JitterTrace().Stream(20, _ => 3).Stream(20, _ => 3, firstSeq: 60);
        var results = trace.Run(1700);
        var stats = trace.Buffer.Statistics;
        var first = results.FindIndex(x => x.Result == JitterBufferResult.Frame);
        var after = results.Skip(first).ToList();
        var buffering = after.Count(x => x.Result == JitterBufferResult.Buffering);
        var concealed = after.Count(x => x.Result == JitterBufferResult.Conceal);
        Assert.True(buffering > 10, $"only {buffering} buffering frames");
        Assert.Equal(160L * after.Count, stats.TotalSamplesReceived);
        Assert.Equal(160L * buffering, stats.SilentConcealedSamples);
        Assert.Equal(160L * (buffering + concealed), stats.ConcealedSamples);
        Assert.Equal(160L * 40, stats.JitterBufferEmittedCount);

        // One event for the gap (concealment running into silence) and one for the tail after the last talkspurt.
        Assert.Equal(2, stats.ConcealmentEvents);
    }

    [Fact]
    public void InitialBuffering_IsNotCounted()
    {
        var trace = new JitterTrace().Stream(10, _ => 3);
        var results = trace.Run(105);
        Assert.Contains(JitterBufferResult.Buffering, results.Select(x => x.Result));
        Assert.Equal(0, trace.Buffer.Statistics.SilentConcealedSamples);
        Assert.Equal(0, trace.Buffer.Statistics.ConcealedSamples);
    }
}
