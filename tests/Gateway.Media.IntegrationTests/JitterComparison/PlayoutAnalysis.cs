using System.Diagnostics;

namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>
/// Judges a receiver's playout of <see cref="MarkedTone"/> the same way for every receiver, from the recording alone
/// (plus the relay's arrival times):
/// <list type="bullet">
/// <item>Onsets: the first sample above a quarter of the tone's amplitude after at least 50 ms below it. Cycle c's
/// onset is the first one within 500 ms after its onset packet reached the receiver's socket.</item>
/// <item>Added delay: onset's playout time (its frame's hand-over to the device + its offset in the frame) minus the
/// onset packet's arrival; only cycles whose onset packet the trace delivered.</item>
/// <item>Concealment: the 900 ms after each found onset (less 40 ms margin; shifted back by the frames the trace
/// dropped at the onset) is cut into 10 ms windows. A window is clean when a least-squares fit of 440 Hz (phase taken
/// against absolute sample time, so a continuing tone keeps its phase) has the source's amplitude within -3/+2 dB,
/// leaves under 10 % of the window's energy as residual, and, when the window before was clean, the same phase
/// within 0.5 rad. Silent windows (rms under 10 % of the tone's) are underruns; other failures are distortion
/// (splices, fades, waveform repetition that drifts in phase).</item>
/// </list>
/// A concealment that continues a pure tone perfectly would count as clean: this measures audible defects in the
/// tone, not the count of synthesized samples.
/// </summary>
internal static class PlayoutAnalysis
{
    private const int WindowSamples = 80;
    private const int JudgedWindows = 86;
    private const int QuietRun = 400;
    private const double OnsetLevel = MarkedTone.Amplitude / 4;

    public static PlayoutFigures Judge(IPlayoutRecording recording, ImpairmentTrace trace, Func<int, long> arrival, int cycles)
    {
        var pcm = recording.Samples;
        var onsets = Onsets(pcm);
        var delays = new List<double>();
        int found = 0, windows = 0, silent = 0, distorted = 0;
        var next = 0;
        for (var c = 0; c < cycles; c++)
        {
            var onsetFrame = MarkedTone.OnsetFrame(c);
            var lostAtOnset = 0;
            while (onsetFrame + lostAtOnset < trace.Length && trace.IsDropped(onsetFrame + lostAtOnset) && lostAtOnset < MarkedTone.FramesPerCycle)
            {
                lostAtOnset++;
            }

            var arrived = onsetFrame + lostAtOnset < trace.Length ? arrival(onsetFrame + lostAtOnset) : 0;
            if (arrived == 0)
            {
                continue;
            }

            while (next < onsets.Count && Time(recording, onsets[next]) is var t && (t == 0 || t < arrived))
            {
                next++;
            }

            if (next >= onsets.Count || Time(recording, onsets[next]) - arrived > Stopwatch.Frequency / 2)
            {
                continue;
            }

            found++;
            var onset = onsets[next];
            if (lostAtOnset == 0)
            {
                delays.Add((Time(recording, onset) - arrived) * 1000.0 / Stopwatch.Frequency);
            }

            var start = Math.Max(0, onset - (lostAtOnset * MarkedTone.FrameSamples));
            var previousPhase = double.NaN;
            for (var j = 0; j < JudgedWindows && start + ((j + 1) * WindowSamples) <= pcm.Length; j++)
            {
                windows++;
                var at = start + (j * WindowSamples);
                var verdict = JudgeWindow(pcm.Slice(at, WindowSamples), at, previousPhase, out var phase);
                previousPhase = verdict == Verdict.Clean ? phase : double.NaN;
                silent += verdict == Verdict.Silent ? 1 : 0;
                distorted += verdict == Verdict.Distorted ? 1 : 0;
            }
        }

        return new PlayoutFigures(cycles, found, delays, windows, silent, distorted);
    }

    private enum Verdict
    {
        Clean,
        Silent,
        Distorted,
    }

    private static List<int> Onsets(ReadOnlySpan<short> pcm)
    {
        var onsets = new List<int>();
        var quiet = 0;
        for (var i = 0; i < pcm.Length; i++)
        {
            if (Math.Abs((int)pcm[i]) < OnsetLevel)
            {
                quiet++;
                continue;
            }

            if (quiet >= QuietRun)
            {
                // The tone starts at phase 0: its first sample is ~0 and the second already above the level.
                onsets.Add(Math.Max(0, i - 1));
            }

            quiet = 0;
        }

        return onsets;
    }

    private static long Time(IPlayoutRecording recording, int sample)
    {
        var frame = recording.FrameTime(sample / recording.FrameSamples);
        return frame == 0 ? 0 : frame + ((long)(sample % recording.FrameSamples) * Stopwatch.Frequency / recording.Rate);
    }

    private static Verdict JudgeWindow(ReadOnlySpan<short> w, int at, double previousPhase, out double phase)
    {
        var omega = 2 * Math.PI * MarkedTone.Frequency / MarkedTone.Rate;
        double scc = 0, sss = 0, scs = 0, sxc = 0, sxs = 0, energy = 0;
        for (var n = 0; n < w.Length; n++)
        {
            var c = Math.Cos(omega * (at + n));
            var s = Math.Sin(omega * (at + n));
            scc += c * c;
            sss += s * s;
            scs += c * s;
            sxc += w[n] * c;
            sxs += w[n] * s;
            energy += (double)w[n] * w[n];
        }

        var det = (scc * sss) - (scs * scs);
        var a = ((sxc * sss) - (sxs * scs)) / det;
        var b = ((sxs * scc) - (sxc * scs)) / det;
        phase = Math.Atan2(b, a);
        if (energy / w.Length < Math.Pow(MarkedTone.Amplitude * 0.1, 2) / 2)
        {
            return Verdict.Silent;
        }

        double residual = 0;
        for (var n = 0; n < w.Length; n++)
        {
            var e = w[n] - (a * Math.Cos(omega * (at + n))) - (b * Math.Sin(omega * (at + n)));
            residual += e * e;
        }

        var amplitude = Math.Sqrt((a * a) + (b * b));
        var clean = amplitude >= 0.7 * MarkedTone.Amplitude && amplitude <= 1.26 * MarkedTone.Amplitude && residual <= 0.1 * energy
            && (double.IsNaN(previousPhase) || Math.Abs(Math.IEEERemainder(phase - previousPhase, 2 * Math.PI)) <= 0.5);
        return clean ? Verdict.Clean : Verdict.Distorted;
    }
}
