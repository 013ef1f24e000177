namespace Gateway.Media;

/// <summary>The PCM an audio device exchanges: 16-bit mono at <paramref name="SampleRate"/>, in frames of <paramref name="FrameSamples"/>.</summary>
/// <param name="SampleRate">Samples per second (8000, 16000, 48000).</param>
/// <param name="FrameSamples">Samples per frame (160 for 20 ms at 8 kHz).</param>
public readonly record struct AudioFormat(int SampleRate, int FrameSamples)
{
    /// <summary>The frame duration in milliseconds.</summary>
    public int FrameMs => FrameSamples * 1000 / SampleRate;

    /// <summary>A format of <paramref name="frameMs"/> frames at <paramref name="sampleRate"/>.</summary>
    public static AudioFormat ForFrameMs(int sampleRate, int frameMs) => new(sampleRate, sampleRate * frameMs / 1000);
}
