using Gateway.Media.Devices.Wav;

namespace Gateway.Media.Tests;

public sealed class WavTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("media-wav-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SinkThenSource_RoundTrip_SamplesAndRateKept()
    {
        var path = Path.Combine(_dir, "a.wav");
        var pcm = Tone.Sine(8000, 440, 8000, 8000);
        Tone.WriteWav(path, 8000, pcm);

        var samples = WavHeader.ReadSamples(File.ReadAllBytes(path), out var rate);

        Assert.Equal(8000, rate);
        Assert.Equal(pcm, samples);
        Assert.Equal(WavHeader.Length + (pcm.Length * 2), new FileInfo(path).Length);
    }

    [Fact]
    public void Sink_NotDisposed_FileAlreadyValidWithAllFramesWritten()
    {
        var path = Path.Combine(_dir, "abrupt.wav");
        var sink = new WavFileSink(path, 16000);
        var frame = Tone.Sine(16000, 1000, 320, 1000);
        for (var i = 0; i < 5; i++)
        {
            sink.Write(frame);
        }

        // Read while the writer is still open, as after a kill: the header must already cover every frame.
        byte[] bytes;
        using (var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            bytes = new byte[reader.Length];
            reader.ReadExactly(bytes);
        }

        var samples = WavHeader.ReadSamples(bytes, out var rate);
        Assert.Equal(16000, rate);
        Assert.Equal(5 * 320, samples.Length);
        Assert.Equal(36 + (5 * 640), BitConverter.ToInt32(bytes, 4));
        sink.Dispose();
    }

    [Fact]
    public void Source_LoopsAndResamples16kTo8k_ToneFrequencyKept()
    {
        var path = Path.Combine(_dir, "src16k.wav");
        Tone.WriteWav(path, 16000, Tone.Sine(16000, 1000, 16000, 10000));
        var source = new WavFileSource(path, 8000);
        Assert.InRange(source.LoopSamples, 7990, 8010);

        var frame = new short[160 * 60];
        source.Read(frame);
        var window = frame.AsSpan(800, 4000);
        Assert.True(Tone.Power(window, 8000, 1000) > 100 * Tone.Power(window, 8000, 1500));
    }

    [Fact]
    public void Source_ShortFile_WrapsAround()
    {
        var path = Path.Combine(_dir, "short.wav");
        Tone.WriteWav(path, 8000, [1, 2, 3]);
        var source = new WavFileSource(path, 8000);
        var frame = new short[7];
        source.Read(frame);
        Assert.Equal(new short[] { 1, 2, 3, 1, 2, 3, 1 }, frame);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'A', (byte)'V', (byte)'E' })]
    public void ReadSamples_NotWav_AudioDeviceException(byte[] file) =>
        Assert.Throws<AudioDeviceException>(() => WavHeader.ReadSamples(file, out _));

    [Fact]
    public void Source_MissingFile_AudioDeviceException() =>
        Assert.Throws<AudioDeviceException>(() => new WavFileSource(Path.Combine(_dir, "missing.wav"), 8000));
}
