namespace Gateway.Media.Devices.Wav;

/// <summary>
/// The bench audio device: captures from a looping WAV source and plays into a WAV sink. Either side may be absent
/// (silence captured, playout discarded). Played frames reach the file through a writer thread within about
/// <see cref="SinkFlushInterval"/>, so the media clock never waits for the disk.
/// </summary>
public sealed class WavAudioDevice : IAudioDevice
{
    private const int SinkRingMs = 2000;

    private readonly WavFileSource? _source;
    private readonly WavSinkWriter? _sink;

    /// <summary>Opens the files; <paramref name="sourcePath"/> and <paramref name="sinkPath"/> may be null.</summary>
    /// <exception cref="AudioDeviceException">A file cannot be opened or read.</exception>
    public WavAudioDevice(AudioFormat format, string? sourcePath, string? sinkPath)
    {
        Format = format;
        _source = sourcePath is null ? null : new WavFileSource(sourcePath, format.SampleRate);
        _sink = sinkPath is null
            ? null
            : new WavSinkWriter(new WavFileSink(sinkPath, format.SampleRate), format.FrameSamples, Math.Max(2, SinkRingMs / Math.Max(1, format.FrameMs)), SinkFlushInterval);
    }

    /// <summary>How long played frames may gather before they are written and the header patched.</summary>
    public static readonly TimeSpan SinkFlushInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Frames lost because the disk stalled for longer than the sink's ring (2 s) holds.</summary>
    public long SinkFramesDropped => _sink?.FramesDropped ?? 0;

    /// <inheritdoc/>
    public AudioFormat Format { get; }

    /// <inheritdoc/>
    public bool Capture(Span<short> frame)
    {
        if (_source is null)
        {
            frame.Clear();
            return false;
        }

        _source.Read(frame);
        return true;
    }

    /// <inheritdoc/>
    /// <exception cref="AudioDeviceException">The sink's file failed (full disk, removed medium); the recording has stopped.</exception>
    public void Playout(ReadOnlySpan<short> frame) => _sink?.Write(frame);

    /// <inheritdoc/>
    public void Dispose() => _sink?.Dispose();
}
