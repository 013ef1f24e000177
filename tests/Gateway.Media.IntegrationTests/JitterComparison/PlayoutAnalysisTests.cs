using System.Diagnostics;

namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>
/// The measuring tools themselves, on synthetic playouts with known answers: the trace is a pure function of its
/// seed, and <see cref="PlayoutAnalysis"/> finds a known delay, silent frames and a phase jump, and nothing in a
/// clean playout.
/// </summary>
public sealed class PlayoutAnalysisTests
{
    private const int LeadFrames = 7;
    private const int Cycles = 3;
    private static readonly ImpairmentProfile s_clean = new("clean", 0, 0, 0, 0, 1, Seed: 1);

    [Fact]
    public void Trace_SameSeedSameDecisions_OtherSeedOthers()
    {
        var profile = new ImpairmentProfile("t", Loss: 0.05, DelayMs: 20, JitterMs: 60, BurstEnter: 0.02, BurstExit: 0.3, Seed: 42);
        var a = new ImpairmentTrace(profile, 5000);
        var b = new ImpairmentTrace(profile, 5000);
        var c = new ImpairmentTrace(profile with { Seed = 43 }, 5000);
        Assert.All(Enumerable.Range(0, 5000), i => Assert.True(a.IsDropped(i) == b.IsDropped(i) && a.DelayMs(i) == b.DelayMs(i)));
        Assert.Contains(Enumerable.Range(0, 5000), i => a.IsDropped(i) != c.IsDropped(i));

        // 5 % random plus a bad state occupied 0.02 / (0.02 + 0.3) of the time: ~11 % in all.
        Assert.InRange(a.DroppedCount / 5000.0, 0.08, 0.14);
        Assert.All(Enumerable.Range(0, 5000), i => Assert.InRange(a.DelayMs(i), 20, 80));
        Assert.True(a.ReorderedCount(20) > 100, "60 ms of jitter at 20 ms spacing must reorder");
        Assert.Equal(0, new ImpairmentTrace(s_clean, 500).ReorderedCount(20));
    }

    [Fact]
    public void CleanPlayout_KnownDelay_NoDefects()
    {
        var playout = Playout.Of(_ => { });
        var figures = Judge(playout, delayMs: 60);

        Assert.Equal(Cycles, figures.CyclesFound);
        Assert.Equal(Cycles, figures.Delays.Count);
        Assert.All(figures.Delays, d => Assert.InRange(d, 59.9, 60.1));
        Assert.Equal(Cycles * 86, figures.Windows);
        Assert.Equal(0, figures.DefectWindows);
    }

    [Fact]
    public void SilentFrame_TwoSilentWindows_PhaseJump_TwoDistortedWindows()
    {
        var playout = Playout.Of(frames =>
        {
            // Cycle 0: frame 10 played as silence (an underrun).
            frames[LeadFrames + 10].AsSpan().Clear();

            // Cycle 1: frame 70 half a period out of phase (a splice), the rest unchanged.
            var full = new short[MarkedTone.FrameSamples * 2];
            MarkedTone.Frame(70, full.AsSpan(0, MarkedTone.FrameSamples));
            MarkedTone.Frame(71, full.AsSpan(MarkedTone.FrameSamples));
            full.AsSpan(9, MarkedTone.FrameSamples).CopyTo(frames[LeadFrames + 70]);
        });
        var figures = Judge(playout, delayMs: 35);

        Assert.Equal(Cycles, figures.CyclesFound);
        Assert.Equal(2, figures.SilentWindows);
        Assert.Equal(2, figures.DistortedWindows);
        Assert.All(figures.Delays, d => Assert.InRange(d, 34.9, 35.1));
    }

    private static PlayoutFigures Judge(Playout playout, double delayMs)
    {
        var trace = new ImpairmentTrace(s_clean, Cycles * MarkedTone.FramesPerCycle);
        var shift = (long)(delayMs * Stopwatch.Frequency / 1000);
        return PlayoutAnalysis.Judge(playout, trace, i => playout.FrameTime(i + LeadFrames) - shift, Cycles);
    }

    /// <summary>The source played verbatim after <see cref="LeadFrames"/> of silence, one frame per 20 ms, then altered.</summary>
    private sealed class Playout : IPlayoutRecording
    {
        private readonly short[] _samples;

        private Playout(short[] samples) => _samples = samples;

        public int Rate => MarkedTone.Rate;

        public int FrameSamples => MarkedTone.FrameSamples;

        public ReadOnlySpan<short> Samples => _samples;

        public static Playout Of(Action<short[][]> alter)
        {
            var frames = new short[LeadFrames + (Cycles * MarkedTone.FramesPerCycle)][];
            for (var f = 0; f < frames.Length; f++)
            {
                frames[f] = new short[MarkedTone.FrameSamples];
                if (f >= LeadFrames)
                {
                    MarkedTone.Frame(f - LeadFrames, frames[f]);
                }
            }

            alter(frames);
            return new Playout([.. frames.SelectMany(f => f)]);
        }

        public long FrameTime(int frame) => 1_000_000_000L + (frame * (long)(MarkedTone.FrameMs * Stopwatch.Frequency / 1000));
    }
}
