namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>What a receiver played out, frame by frame, with the Stopwatch time each frame reached its audio device.</summary>
internal interface IPlayoutRecording
{
    int Rate { get; }

    int FrameSamples { get; }

    ReadOnlySpan<short> Samples { get; }

    /// <summary>Stopwatch time frame <paramref name="frame"/> was handed to the device; 0 if unknown.</summary>
    long FrameTime(int frame);
}
