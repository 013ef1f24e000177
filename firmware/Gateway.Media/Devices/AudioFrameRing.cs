namespace Gateway.Media.Devices;

/// <summary>
/// A small queue of whole frames between the media clock and a device thread, allocated once. When full, the oldest
/// frame is overwritten (the clock must never wait for the device).
/// </summary>
internal sealed class AudioFrameRing
{
    private readonly short[][] _frames;
    private readonly Lock _lock = new();
    private int _head;
    private int _count;

    public AudioFrameRing(int capacity, int frameSamples)
    {
        _frames = new short[capacity][];
        for (var i = 0; i < capacity; i++)
        {
            _frames[i] = new short[frameSamples];
        }
    }

    /// <summary>Frames dropped because the ring was full.</summary>
    public long Overwritten { get; private set; }

    public void Push(ReadOnlySpan<short> frame)
    {
        lock (_lock)
        {
            if (_count == _frames.Length)
            {
                _head = (_head + 1) % _frames.Length;
                _count--;
                Overwritten++;
            }

            frame.CopyTo(_frames[(_head + _count) % _frames.Length]);
            _count++;
        }
    }

    public bool TryPop(Span<short> frame)
    {
        lock (_lock)
        {
            if (_count == 0)
            {
                return false;
            }

            _frames[_head].AsSpan(0, frame.Length).CopyTo(frame);
            _head = (_head + 1) % _frames.Length;
            _count--;
            return true;
        }
    }
}
