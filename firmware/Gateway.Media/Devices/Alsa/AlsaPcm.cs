namespace Gateway.Media.Devices.Alsa;

/// <summary>
/// One opened ALSA PCM (capture or playback) serviced by a dedicated thread doing blocking readi/writei of one period;
/// underruns and overruns (-EPIPE) are recovered with snd_pcm_recover and counted.
/// </summary>
internal sealed class AlsaPcm : IDisposable
{
    private readonly nint _pcm;
    private readonly bool _capture;
    private readonly short[] _period;
    private readonly AudioFrameRing _ring;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public AlsaPcm(string deviceName, bool capture, AudioFormat format, AudioFrameRing ring)
    {
        _capture = capture;
        _ring = ring;
        _period = new short[format.FrameSamples];
        int rc;
        try
        {
            rc = AlsaNative.PcmOpen(out _pcm, deviceName, capture ? AlsaNative.StreamCapture : AlsaNative.StreamPlayback, 0);
        }
        catch (DllNotFoundException ex)
        {
            throw new AudioDeviceException("libasound.so.2 is not installed", ex);
        }

        if (rc < 0)
        {
            throw new AudioDeviceException($"snd_pcm_open({deviceName}, {(capture ? "capture" : "playback")}): {AlsaNative.Describe(rc)}");
        }

        // Latency of two periods: low enough for a call, high enough not to underrun on a loaded board.
        var latencyUs = (uint)(2 * format.FrameMs * 1000);
        rc = AlsaNative.PcmSetParams(_pcm, AlsaNative.FormatS16Le, AlsaNative.AccessRwInterleaved, 1, (uint)format.SampleRate, 1, latencyUs);
        if (rc < 0)
        {
            _ = AlsaNative.PcmClose(_pcm);
            throw new AudioDeviceException($"snd_pcm_set_params({deviceName}, {format.SampleRate} Hz): {AlsaNative.Describe(rc)}");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = $"alsa-{(capture ? "capture" : "playout")}", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Underruns/overruns recovered.</summary>
    public long Recoveries { get; private set; }

    /// <summary>The last unrecoverable error, or null.</summary>
    public string? Failure { get; private set; }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join(TimeSpan.FromSeconds(1));
        _ = AlsaNative.PcmClose(_pcm);
    }

    private unsafe void Run()
    {
        fixed (short* buffer = _period)
        {
            while (!_stopping)
            {
                if (!_capture && !_ring.TryPop(_period))
                {
                    // Nothing from the clock yet: keep the device fed with silence rather than underrun.
                    Array.Clear(_period);
                }

                var done = _capture
                    ? AlsaNative.PcmReadi(_pcm, buffer, (nuint)_period.Length)
                    : AlsaNative.PcmWritei(_pcm, buffer, (nuint)_period.Length);
                if (done < 0)
                {
                    var rc = AlsaNative.PcmRecover(_pcm, (int)done, 1);
                    if (rc < 0)
                    {
                        Failure = AlsaNative.Describe(rc);
                        return;
                    }

                    Recoveries++;
                    continue;
                }

                if (_capture && done == _period.Length)
                {
                    _ring.Push(_period);
                }
            }
        }
    }
}
