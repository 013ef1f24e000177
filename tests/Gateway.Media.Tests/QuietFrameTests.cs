using Gateway.Media.Streams;

namespace Gateway.Media.Tests;

/// <summary>The receiver's quiet-frame judgement, which tells the jitter buffer where a speed change goes unheard.</summary>
public sealed class QuietFrameTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(200, true)] // RMS 141, about -47 dBFS: a pause with background noise
    [InlineData(600, false)] // RMS 424, about -38 dBFS: quiet speech
    [InlineData(8000, false)]
    public void Sine_IsQuietBelowAboutMinus40Dbfs(int amplitude, bool quiet) =>
        Assert.Equal(quiet, RtpAudioReceiver.IsQuiet(Tone.Sine(8000, 440, 160, amplitude)));

    [Fact]
    public void FullScaleAndEmptyFrames_DoNotOverflowOrThrow()
    {
        Assert.False(RtpAudioReceiver.IsQuiet(Enumerable.Repeat(short.MinValue, 1920).ToArray()));
        Assert.True(RtpAudioReceiver.IsQuiet([]));
    }
}
