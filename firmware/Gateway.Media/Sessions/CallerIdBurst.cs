namespace Gateway.Media.Sessions;

/// <summary>An on-hook caller-ID FSK burst being played frame by frame; only the clock thread advances it.</summary>
internal sealed class CallerIdBurst
{
    private readonly short[] _pcm;
    private int _position;

    public CallerIdBurst(short[] pcm) => _pcm = pcm;

    /// <summary>Writes the next frame over <paramref name="frame"/> (the line carries only the burst meanwhile).</summary>
    /// <returns>True when the burst has ended.</returns>
    public bool Next(Span<short> frame)
    {
        var n = Math.Min(frame.Length, _pcm.Length - _position);
        _pcm.AsSpan(_position, n).CopyTo(frame);
        frame[n..].Clear();
        _position += n;
        return _position >= _pcm.Length;
    }
}
