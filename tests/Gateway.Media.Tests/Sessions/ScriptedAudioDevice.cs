namespace Gateway.Media.Tests.Sessions;

/// <summary>Captures a given signal (then silence) and records everything played, for tests that tick by hand or by clock.</summary>
internal sealed class ScriptedAudioDevice : IAudioDevice
{
    private readonly Lock _lock = new();
    private readonly List<short> _played = [];
    private readonly bool _record;
    private short[] _capture;
    private int _position;

    public ScriptedAudioDevice(AudioFormat format, short[]? capture = null, bool record = true)
    {
        Format = format;
        _capture = capture ?? [];
        _record = record;
    }

    public AudioFormat Format { get; }

    public bool Disposed { get; private set; }

    public void SetCapture(short[] capture)
    {
        lock (_lock)
        {
            _capture = capture;
            _position = 0;
        }
    }

    public short[] Played()
    {
        lock (_lock)
        {
            return [.. _played];
        }
    }

    public bool Capture(Span<short> frame)
    {
        lock (_lock)
        {
            var n = Math.Min(frame.Length, _capture.Length - _position);
            _capture.AsSpan(_position, n).CopyTo(frame);
            frame[n..].Clear();
            _position += n;
            return n > 0;
        }
    }

    public void Playout(ReadOnlySpan<short> frame)
    {
        if (!_record)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var s in frame)
            {
                _played.Add(s);
            }
        }
    }

    public void Dispose() => Disposed = true;
}
