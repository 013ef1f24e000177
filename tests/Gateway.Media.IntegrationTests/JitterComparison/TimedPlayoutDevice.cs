using System.Diagnostics;

namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>
/// A station audio device that captures silence and keeps every played frame in memory with the Stopwatch time it
/// was handed over, so the recording can be judged and each sample's playout time is known. Stops keeping frames
/// when full; allocates only at construction (the clock thread must not allocate).
/// </summary>
internal sealed class TimedPlayoutDevice : IPlayoutRecording, IAudioDevice
{
    private readonly short[] _samples;
    private readonly long[] _playedAt;
    private int _frames;

    public TimedPlayoutDevice(int seconds)
    {
        Format = AudioFormat.ForFrameMs(MarkedTone.Rate, (int)MarkedTone.FrameMs);
        _samples = new short[seconds * MarkedTone.Rate];
        _playedAt = new long[_samples.Length / MarkedTone.FrameSamples];
    }

    public AudioFormat Format { get; }

    public int FrameSamples => MarkedTone.FrameSamples;

    public int Rate => MarkedTone.Rate;

    public ReadOnlySpan<short> Samples => _samples.AsSpan(0, Volatile.Read(ref _frames) * MarkedTone.FrameSamples);

    public long FrameTime(int frame) => _playedAt[frame];

    public bool Capture(Span<short> frame)
    {
        frame.Clear();
        return false;
    }

    public void Playout(ReadOnlySpan<short> frame)
    {
        var f = _frames;
        if (f >= _playedAt.Length || frame.Length != MarkedTone.FrameSamples)
        {
            return;
        }

        _playedAt[f] = Stopwatch.GetTimestamp();
        frame.CopyTo(_samples.AsSpan(f * MarkedTone.FrameSamples));
        Volatile.Write(ref _frames, f + 1);
    }

    public void Dispose()
    {
    }
}
