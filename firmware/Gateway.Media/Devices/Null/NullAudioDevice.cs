namespace Gateway.Media.Devices.Null;

/// <summary>Captures silence and discards playout (a leg without local audio, or a bench without a sound card).</summary>
public sealed class NullAudioDevice : IAudioDevice
{
    /// <summary>Creates the device for <paramref name="format"/>.</summary>
    public NullAudioDevice(AudioFormat format) => Format = format;

    /// <inheritdoc/>
    public AudioFormat Format { get; }

    /// <summary>Frames handed to <see cref="Playout"/>.</summary>
    public long FramesPlayed { get; private set; }

    /// <inheritdoc/>
    public bool Capture(Span<short> frame)
    {
        frame.Clear();
        return false;
    }

    /// <inheritdoc/>
    public void Playout(ReadOnlySpan<short> frame) => FramesPlayed++;

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
