namespace Gateway.Media;

/// <summary>
/// A pluggable audio device module (like a baresip ausrc/auplay pair): capture and playout of 16-bit mono frames in
/// the <see cref="Format"/> it was opened with. The media clock calls <see cref="Capture"/> and <see cref="Playout"/>
/// once per tick from one thread; neither may block for longer than a frame nor allocate.
/// </summary>
public interface IAudioDevice : IDisposable
{
    /// <summary>The format of every frame.</summary>
    AudioFormat Format { get; }

    /// <summary>Fills <paramref name="frame"/> (exactly one frame) with captured audio; silence when none is ready.</summary>
    /// <returns>True when real audio was captured, false when the frame is silence filled in for an underrun.</returns>
    bool Capture(Span<short> frame);

    /// <summary>Plays one frame.</summary>
    void Playout(ReadOnlySpan<short> frame);
}
