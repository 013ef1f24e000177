using Gateway.Codecs;
using Gateway.Dsp.Dtmf;

namespace Gateway.Media.Sessions;

/// <summary>
/// The audio device an RTP stream sees inside a call: one codec-rate frame handed over by the station's tick and one
/// taken back. It resamples between the station's device rate and the codec's PCM rate (a G.722 call on an 8 kHz
/// analog line, a G.711 call on a 16 kHz handset) and mixes in-band DTMF when the peer has no telephone-event.
/// Used only on the clock thread; buffers are allocated once.
/// </summary>
internal sealed class CallAudioPort : IAudioDevice
{
    private readonly AudioFormat _deviceFormat;
    private readonly Resampler? _up;
    private readonly Resampler? _down;
    private readonly short[] _capture;
    private readonly short[] _playout;
    private readonly short[] _resampled;
    private readonly short[] _dtmf;
    private readonly DtmfGenerator _inBandDtmf;
    private readonly Lock _dtmfLock = new();

    public CallAudioPort(AudioFormat deviceFormat, AudioCodecInfo codec)
    {
        _deviceFormat = deviceFormat;
        Format = new AudioFormat(codec.SampleRate, codec.FrameSamples);
        if (Format.FrameMs != deviceFormat.FrameMs)
        {
            throw new ArgumentException($"the device's {deviceFormat.FrameMs} ms frames do not match the codec's {Format.FrameMs} ms", nameof(deviceFormat));
        }

        if (deviceFormat.SampleRate != codec.SampleRate)
        {
            _up = new Resampler(deviceFormat.SampleRate, codec.SampleRate);
            _down = new Resampler(codec.SampleRate, deviceFormat.SampleRate);
        }

        _capture = new short[Format.FrameSamples];
        _playout = new short[Format.FrameSamples];
        _resampled = new short[Math.Max(Format.FrameSamples, deviceFormat.FrameSamples) + 2];
        _dtmf = new short[Format.FrameSamples];
        _inBandDtmf = new DtmfGenerator(codec.SampleRate);
    }

    /// <inheritdoc/>
    public AudioFormat Format { get; }

    /// <summary>Whether the last playout frame carried received audio (false before the stream produced any).</summary>
    public bool HasPlayout { get; private set; }

    /// <summary>Queues digits to be sent as in-band tones (the peer has no telephone-event).</summary>
    public void EnqueueInBandDigits(string digits)
    {
        lock (_dtmfLock)
        {
            _inBandDtmf.Enqueue(digits);
        }
    }

    /// <summary>Takes the station's captured frame (device rate) for the stream's next <see cref="Capture"/>.</summary>
    public void Load(ReadOnlySpan<short> deviceFrame)
    {
        if (_up is null)
        {
            deviceFrame.CopyTo(_capture);
        }
        else
        {
            Resample(_up, deviceFrame, _capture);
        }

        lock (_dtmfLock)
        {
            if (!_inBandDtmf.IsIdle)
            {
                // The digit replaces the voice, as a phone's keypad mutes the microphone while a key is held.
                var tone = _inBandDtmf.Render(_dtmf);
                _dtmf.AsSpan(0, tone).CopyTo(_capture);
            }
        }

        HasPlayout = false;
    }

    /// <summary>Copies the frame the stream played (resampled to the device rate) into <paramref name="deviceFrame"/>.</summary>
    public void Unload(Span<short> deviceFrame)
    {
        if (_down is null)
        {
            _playout.CopyTo(deviceFrame);
        }
        else
        {
            Resample(_down, _playout, deviceFrame);
        }
    }

    /// <inheritdoc/>
    public bool Capture(Span<short> frame)
    {
        _capture.CopyTo(frame);
        return true;
    }

    /// <inheritdoc/>
    public void Playout(ReadOnlySpan<short> frame)
    {
        frame.CopyTo(_playout);
        HasPlayout = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private void Resample(Resampler resampler, ReadOnlySpan<short> input, Span<short> output)
    {
        var written = resampler.Process(input, _resampled);
        var n = Math.Min(written, output.Length);
        _resampled.AsSpan(0, n).CopyTo(output);

        // The polyphase phase can leave one sample short or over on a frame; hold the last value rather than click.
        for (var i = n; i < output.Length; i++)
        {
            output[i] = n > 0 ? output[n - 1] : (short)0;
        }
    }
}
