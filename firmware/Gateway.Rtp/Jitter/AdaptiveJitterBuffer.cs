namespace Gateway.Rtp.Jitter;

/// <summary>
/// An adaptive playout buffer for one RTP audio stream. The receive loop <see cref="Put"/>s packets as they come;
/// the playout clock calls <see cref="Get"/> once per frame. The need is the 95th percentile of recent packet delay
/// variation plus one frame, within the configured bounds; the target follows a rise at once and a fall only after
/// it lasted (<see cref="TargetDelayHysteresis"/>). The playout delay compared with the target is the playing
/// frame's transit against the fastest recent packet, which does not swing with each packet's jitter the way the
/// buffered amount does. Outside a two-frame dead band the buffer drops one frame or inserts one concealed frame, at
/// most every ten frames, and preferably right after a quiet frame (<see cref="ReportPlayedFrame"/>) unless far off
/// or kept waiting too long. Payloads are copied into slots allocated once, so nothing is allocated per packet.
/// Not thread-safe: call both from one loop or lock outside.
/// </summary>
public sealed class AdaptiveJitterBuffer
{
    private const int AdjustEveryFrames = 10;
    private const int IdleFramesBeforeRebuffer = 3;

    // A non-urgent change waits for a quiet frame at most this long; a continuous tone has none.
    private const int MaxWaitForQuietMs = 1000;

    private readonly JitterBufferOptions _options;
    private readonly TimeProvider _time;
    private readonly byte[][] _payloads;
    private readonly int[] _lengths;
    private readonly uint[] _timestamps;
    private readonly long[] _arrivals;
    private readonly bool[] _occupied;
    private readonly DelayEstimator _delay = new();
    private readonly TargetDelayHysteresis _hysteresis;
    private bool _everPlayed;
    private bool _lastFrameQuiet = true;
    private bool _pending;
    private long _pendingSinceMs;
    private bool _started;
    private bool _playing;
    private bool _concealing;
    private uint _base;
    private uint _slotBase;
    private uint _next;
    private uint _newest;
    private int _stored;
    private long _bufferingSinceMs;
    private int _framesSinceAdjust;
    private int _idleFrames;
    private int _staleRun;

    /// <summary>Creates a buffer; time comes from <paramref name="timeProvider"/> so tests can run on fake time.</summary>
    public AdaptiveJitterBuffer(JitterBufferOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _payloads = new byte[options.Capacity][];
        for (var i = 0; i < options.Capacity; i++)
        {
            _payloads[i] = new byte[options.MaxPayloadBytes];
        }

        _lengths = new int[options.Capacity];
        _timestamps = new uint[options.Capacity];
        _arrivals = new long[options.Capacity];
        _occupied = new bool[options.Capacity];
        TargetDelayMs = options.MinimumDelayMs;
        _hysteresis = new TargetDelayHysteresis(options.FrameMs);
    }

    /// <summary>The counters, named after webrtc-stats.</summary>
    public JitterBufferStatistics Statistics { get; } = new();

    /// <summary>The delay the buffer is steering towards, in ms.</summary>
    public int TargetDelayMs { get; private set; }

    /// <summary>Audio buffered ahead of the playout point, in ms.</summary>
    public int BufferedMs => _stored == 0 ? 0 : (int)((long)(int)(_newest - _next + (uint)_options.FrameTimestampUnits) * 1000 / _options.ClockRate);

    /// <summary>
    /// Playout delay of the frame due next against the fastest recent packet, in ms (what is compared with the target).
    /// </summary>
    public int PlayoutDelayMs => _delay.HasMinimum ? (int)(NowMs() - MediaMs(_next) - _delay.MinimumTransitMs) : TargetDelayMs;

    /// <summary>
    /// Tells the buffer whether the frame just played was quiet (a speech pause, silence), where a dropped or inserted
    /// frame goes unheard; the owner of decoding calls it after each frame. Without it every frame counts as quiet.
    /// </summary>
    public void ReportPlayedFrame(bool quiet) => _lastFrameQuiet = quiet;

    /// <summary>Takes one received packet (its payload is copied).</summary>
    /// <returns>False when the packet was discarded (late, duplicate or too large).</returns>
    public bool Put(RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var now = NowMs();
        Statistics.PacketsReceived++;
        if (payload.Length > _options.MaxPayloadBytes)
        {
            return Discard();
        }

        var ts = header.Timestamp;
        var frame = _options.FrameTimestampUnits;
        var window = _options.Capacity * frame;
        var offset = (int)(ts - _next);
        if (!_started || offset >= window || (offset <= -window && ++_staleRun >= 3))
        {
            // First packet, or the sender jumped (restart, long silence): start over from this packet.
            _started = true;
            _base = ts;
            _delay.Reset();
            _hysteresis.Reset();
            Clear();
            Restart(ts, now);
            offset = 0;
        }

        // Transit in ms with an arbitrary fixed offset; only its spread matters.
        _delay.Add(now - MediaMs(ts));
        var need = Math.Clamp(_delay.Percentile95Ms() + _options.FrameMs, _options.MinimumDelayMs, _options.MaximumDelayMs);
        TargetDelayMs = _hysteresis.Update(TargetDelayMs, need, now);

        if (!_playing && (_stored == 0 || offset < 0) && offset > -window)
        {
            // Before playout starts the earliest packet defines the start.
            if (_stored == 0)
            {
                _newest = ts;
                _bufferingSinceMs = now;
            }

            _next = ts;
            offset = 0;
        }

        if (offset < 0)
        {
            return Discard();
        }

        _staleRun = 0;
        var slot = Slot(ts);
        if (_occupied[slot])
        {
            if (_timestamps[slot] == ts)
            {
                return Discard();
            }

            _stored--;
        }

        payload.CopyTo(_payloads[slot]);
        _lengths[slot] = payload.Length;
        _timestamps[slot] = ts;
        _arrivals[slot] = now;
        _occupied[slot] = true;
        _stored++;
        if ((int)(ts - _newest) > 0)
        {
            _newest = ts;
        }

        return true;
    }

    /// <summary>Gives the next frame period's content.</summary>
    /// <param name="payload">Receives the payload when the result is <see cref="JitterBufferResult.Frame"/>.</param>
    /// <param name="length">The payload length, else 0.</param>
    public JitterBufferResult Get(Span<byte> payload, out int length)
    {
        length = 0;
        var now = NowMs();
        if (!_playing)
        {
            // Start when the first packet has waited the target delay, or enough audio is queued to cover it.
            if (_stored == 0 || (BufferedMs < TargetDelayMs + _options.FrameMs && now - _bufferingSinceMs < TargetDelayMs))
            {
                CountRebufferSilence();
                return JitterBufferResult.Buffering;
            }

            _playing = true;
            _everPlayed = true;
            _framesSinceAdjust = 0;
            _pending = false;
        }

        var samples = _options.SamplesPerFrame;
        if (++_framesSinceAdjust >= AdjustEveryFrames && _stored > 0)
        {
            var change = SpeedChange(now);
            if (change > 0 && IsPresent(_next))
            {
                // Too much delay: skip one frame.
                Remove(Slot(_next));
                _next += (uint)_options.FrameTimestampUnits;
                Statistics.RemovedSamplesForAcceleration += samples;
                Adjusted();
            }
            else if (change < 0)
            {
                // Too little: play one concealed frame without advancing.
                Adjusted();
                Statistics.InsertedSamplesForDeceleration += samples;
                Statistics.ConcealedSamples += samples;
                Statistics.TotalSamplesReceived += samples;
                return JitterBufferResult.Conceal;
            }
        }

        Statistics.TotalSamplesReceived += samples;
        if (IsPresent(_next))
        {
            var slot = Slot(_next);
            length = _lengths[slot];
            _payloads[slot].AsSpan(0, length).CopyTo(payload);
            Statistics.JitterBufferEmittedCount += samples;
            Statistics.JitterBufferDelay += (now - _arrivals[slot]) / 1000.0 * samples;
            Statistics.JitterBufferTargetDelay += TargetDelayMs / 1000.0 * samples;
            Remove(slot);
            _next += (uint)_options.FrameTimestampUnits;
            _concealing = false;
            _idleFrames = 0;
            return JitterBufferResult.Frame;
        }

        Statistics.ConcealedSamples += samples;
        if (!_concealing)
        {
            Statistics.ConcealmentEvents++;
            _concealing = true;
        }

        _next += (uint)_options.FrameTimestampUnits;
        if (_stored == 0 && ++_idleFrames >= IdleFramesBeforeRebuffer)
        {
            // Nothing has come for a while (end of a talkspurt or the sender stopped): build up again.
            _playing = false;
            _idleFrames = 0;
        }

        return JitterBufferResult.Conceal;
    }

    /// <summary>+1 to drop a frame now, -1 to insert one, 0 to wait (inside the dead band, or for a quiet frame).</summary>
    private int SpeedChange(long now)
    {
        if (!_delay.HasMinimum)
        {
            return 0;
        }

        var frameMs = _options.FrameMs;
        var excess = (int)(now - MediaMs(_next) - _delay.MinimumTransitMs) - TargetDelayMs;

        // Dead band [-frame/2, +1.5 frames]: one frame dropped or inserted lands inside it, so it does not oscillate.
        var wanted = excess > frameMs + (frameMs / 2) ? 1 : excess < -(frameMs / 2) ? -1 : 0;
        if (wanted == 0)
        {
            _pending = false;
            return 0;
        }

        // Far off (late packets being lost, or a lot of needless delay): act whatever is playing.
        var urgent = excess > 4 * frameMs || excess < -2 * frameMs;
        if (!_pending)
        {
            // The clock's milliseconds can be negative (only differences matter), so no sentinel value.
            _pending = true;
            _pendingSinceMs = now;
        }

        return urgent || _lastFrameQuiet || now - _pendingSinceMs >= MaxWaitForQuietMs ? wanted : 0;
    }

    private void Adjusted()
    {
        _framesSinceAdjust = 0;
        _pending = false;
    }

    private void CountRebufferSilence()
    {
        if (!_everPlayed)
        {
            return;
        }

        // Silence after playout began is what the listener hears in place of audio: webrtc counts it as silent
        // concealment, within concealedSamples and totalSamplesReceived, and as part of the run that ran dry.
        var samples = _options.SamplesPerFrame;
        Statistics.TotalSamplesReceived += samples;
        Statistics.ConcealedSamples += samples;
        Statistics.SilentConcealedSamples += samples;
        if (!_concealing)
        {
            Statistics.ConcealmentEvents++;
            _concealing = true;
        }
    }

    private long MediaMs(uint ts) => (long)(int)(ts - _base) * 1000 / _options.ClockRate;

    private bool Discard()
    {
        Statistics.PacketsDiscarded++;
        return false;
    }

    private long NowMs() => _time.GetTimestamp() * 1000 / _time.TimestampFrequency;

    private int Slot(uint ts) => (int)(((ts - _slotBase) / (uint)_options.FrameTimestampUnits) % (uint)_options.Capacity);

    private bool IsPresent(uint ts)
    {
        var slot = Slot(ts);
        return _occupied[slot] && _timestamps[slot] == ts;
    }

    private void Remove(int slot)
    {
        _occupied[slot] = false;
        _stored--;
    }

    private void Clear()
    {
        Array.Clear(_occupied);
        _stored = 0;
    }

    private void Restart(uint ts, long now)
    {
        _playing = false;
        _slotBase = ts;
        _next = ts;
        _newest = ts;
        _bufferingSinceMs = now;

        // _concealing stays: silence across a restart continues the concealment run it is part of.
    }
}
