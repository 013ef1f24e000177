namespace Gateway.Media.Devices.Wav;

/// <summary>
/// Moves a WAV sink's file I/O off the media clock. The clock copies each played frame into a ring; a writer thread
/// appends what has gathered about every <c>flushInterval</c> as one write (one header patch per batch instead of per
/// frame). A disk that stalls therefore delays the recording, not the RTP every other station sends on the same tick.
/// The writer sleeps while no frames arrive, so an idle station costs no wakeups.
/// </summary>
internal sealed class WavSinkWriter : IDisposable
{
    private readonly WavFileSink _sink;
    private readonly AudioFrameRing _ring;
    private readonly int _frameSamples;
    private readonly short[] _batch;
    private readonly TimeSpan _flushInterval;
    private readonly ManualResetEventSlim _framesWaiting = new(false, spinCount: 0);
    private readonly ManualResetEventSlim _stop = new(false, spinCount: 0);
    private readonly Thread _thread;
    private volatile string? _failure;
    private volatile bool _disposed;

    /// <param name="sink">The file; owned from here on.</param>
    /// <param name="frameSamples">Samples per played frame.</param>
    /// <param name="ringFrames">Frames held for the writer; more than this arriving in one stall are dropped, oldest first.</param>
    /// <param name="flushInterval">How long the writer lets frames gather before one write.</param>
    public WavSinkWriter(WavFileSink sink, int frameSamples, int ringFrames, TimeSpan flushInterval)
    {
        _sink = sink;
        _frameSamples = frameSamples;
        _ring = new AudioFrameRing(ringFrames, frameSamples);
        _batch = new short[ringFrames * frameSamples];
        _flushInterval = flushInterval;
        _thread = new Thread(Run) { IsBackground = true, Name = "wav-sink" };
        _thread.Start();
    }

    /// <summary>Frames lost because the writer fell a whole ring behind.</summary>
    public long FramesDropped => _ring.Overwritten;

    /// <summary>Why the writer stopped writing, or null while it writes.</summary>
    public string? Failure => _failure;

    /// <summary>Queues one frame; no I/O on the caller's thread.</summary>
    /// <exception cref="ArgumentException">The frame is not exactly one frame long.</exception>
    /// <exception cref="AudioDeviceException">An earlier write failed (counted by the clock as a sink failure).</exception>
    public void Write(ReadOnlySpan<short> frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is { } failure)
        {
            throw new AudioDeviceException($"WAV sink stopped: {failure}");
        }

        if (frame.Length != _frameSamples)
        {
            throw new ArgumentException($"a frame is {_frameSamples} samples, not {frame.Length}", nameof(frame));
        }

        _ring.Push(frame);
        if (!_framesWaiting.IsSet)
        {
            _framesWaiting.Set();
        }
    }

    /// <summary>Writes every queued frame, patches the header and closes the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Set();
        _framesWaiting.Set();
        if (_thread.Join(TimeSpan.FromSeconds(5)))
        {
            try
            {
                _sink.Dispose();
            }
            catch (IOException ex)
            {
                // The recording keeps the header of its last good batch; a stopping station has no one to tell.
                _failure ??= ex.Message;
            }

            _framesWaiting.Dispose();
            _stop.Dispose();
        }

        // A writer still stuck in the kernel after 5 s keeps its events and file; the process is going away anyway.
    }

    private void Run()
    {
        while (true)
        {
            _framesWaiting.Wait();
            var stopping = _stop.Wait(_flushInterval);
            _framesWaiting.Reset();

            // Drain empties the ring, so when the stop was seen before it, this pass was the last one needed.
            Drain();
            if (stopping)
            {
                return;
            }
        }
    }

    private void Drain()
    {
        while (_failure is null)
        {
            var samples = 0;
            while (samples + _frameSamples <= _batch.Length && _ring.TryPop(_batch.AsSpan(samples, _frameSamples)))
            {
                samples += _frameSamples;
            }

            if (samples == 0)
            {
                return;
            }

            try
            {
                _sink.Write(_batch.AsSpan(0, samples));
            }
#pragma warning disable CA1031 // Any failure of the file (full disk, removed USB stick) ends the recording, never the process.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _failure = ex.Message;
            }
        }
    }
}
