namespace Gateway.Media.Devices.Wav;

/// <summary>
/// The bench audio device: captures from a looping WAV source and plays into a WAV sink. Either side may be absent
/// (silence captured, playout discarded).
/// </summary>
public sealed class WavAudioDevice : IAudioDevice
{
    private readonly WavFileSource? _source;
    private readonly WavFileSink? _sink;

    /// <summary>Opens the files; <paramref name="sourcePath"/> and <paramref name="sinkPath"/> may be null.</summary>
    /// <exception cref="AudioDeviceException">A file cannot be opened or read.</exception>
    public WavAudioDevice(AudioFormat format, string? sourcePath, string? sinkPath)
    {
        Format = format;
        _source = sourcePath is null ? null : new WavFileSource(sourcePath, format.SampleRate);
        _sink = sinkPath is null ? null : new WavFileSink(sinkPath, format.SampleRate);
    }

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
    public void Playout(ReadOnlySpan<short> frame) => _sink?.Write(frame);

    /// <inheritdoc/>
    public void Dispose() => _sink?.Dispose();
}
