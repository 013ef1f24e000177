namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>
/// The known source both receivers get: 8 kHz, 20 ms frames, in one-second cycles of 100 ms silence then 900 ms of a
/// 440 Hz tone that starts at phase 0 on a frame boundary. The silence→tone onset is the delay marker (its RTP
/// packet and timestamp are known); the tone between onsets is what concealment is judged on.
/// </summary>
internal static class MarkedTone
{
    public const int Rate = 8000;
    public const int FrameSamples = 160;
    public const int FramesPerCycle = 50;
    public const int SilentFrames = 5;
    public const double Frequency = 440;
    public const double Amplitude = 8000;

    public const double FrameMs = FrameSamples * 1000.0 / Rate;

    /// <summary>The packet (frame) index that carries cycle <paramref name="cycle"/>'s onset.</summary>
    public static int OnsetFrame(int cycle) => (cycle * FramesPerCycle) + SilentFrames;

    /// <summary>Fills one frame of the source.</summary>
    public static void Frame(int index, Span<short> pcm)
    {
        var inCycle = index % FramesPerCycle;
        if (inCycle < SilentFrames)
        {
            pcm.Clear();
            return;
        }

        var offset = (inCycle - SilentFrames) * FrameSamples;
        for (var n = 0; n < pcm.Length; n++)
        {
            pcm[n] = (short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * Frequency * (offset + n) / Rate));
        }
    }
}
