namespace Gateway.Media.Devices.Alsa;

/// <summary>
/// A sound card through libasound: a capture and a playback PCM, each with its own blocking thread, one period per
/// frame (10–20 ms). The media clock exchanges frames with them through small rings, so it never blocks on the card.
/// </summary>
public sealed class AlsaAudioDevice : IAudioDevice
{
    private const int RingFrames = 4;

    private readonly AudioFrameRing _captured;
    private readonly AudioFrameRing _toPlay;
    private readonly AlsaPcm? _capture;
    private readonly AlsaPcm? _playback;

    /// <summary>Opens <paramref name="deviceName"/> (e.g. "default", "plughw:0,0") for capture and/or playback.</summary>
    /// <exception cref="AudioDeviceException">libasound is missing, there is no such device, or it refuses the format.</exception>
    public AlsaAudioDevice(string deviceName, AudioFormat format, bool capture = true, bool playback = true)
    {
        ArgumentNullException.ThrowIfNull(deviceName);
        if (format.FrameMs is < 10 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(format), "the ALSA period is 10-20 ms");
        }

        Format = format;
        _captured = new AudioFrameRing(RingFrames, format.FrameSamples);
        _toPlay = new AudioFrameRing(RingFrames, format.FrameSamples);
        _capture = capture ? new AlsaPcm(deviceName, true, format, _captured) : null;
        try
        {
            _playback = playback ? new AlsaPcm(deviceName, false, format, _toPlay) : null;
        }
        catch
        {
            _capture?.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public AudioFormat Format { get; }

    /// <summary>Capture overruns and playback underruns recovered with snd_pcm_recover.</summary>
    public long Recoveries => (_capture?.Recoveries ?? 0) + (_playback?.Recoveries ?? 0);

    /// <summary>Frames lost because a ring was full (the clock or the card fell behind).</summary>
    public long FramesDropped => _captured.Overwritten + _toPlay.Overwritten;

    /// <summary>An unrecoverable error of either PCM, or null.</summary>
    public string? Failure => _capture?.Failure ?? _playback?.Failure;

    /// <inheritdoc/>
    public bool Capture(Span<short> frame)
    {
        if (_captured.TryPop(frame))
        {
            return true;
        }

        frame.Clear();
        return false;
    }

    /// <inheritdoc/>
    public void Playout(ReadOnlySpan<short> frame) => _toPlay.Push(frame);

    /// <inheritdoc/>
    public void Dispose()
    {
        _capture?.Dispose();
        _playback?.Dispose();
    }
}
