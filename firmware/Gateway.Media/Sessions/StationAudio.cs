using System.Threading.Channels;
using Gateway.Dsp.CallerId;
using Gateway.Dsp.Dtmf;
using Gateway.Dsp.Fax;
using Gateway.Dsp.Tones;
using Gateway.Media.Clock;
using Microsoft.Extensions.Logging;

namespace Gateway.Media.Sessions;

/// <summary>
/// A station's audio path: its device and ONE media clock. Each tick captures a frame, runs the in-band detectors on
/// it, ticks every call of the station (each sends the frame and plays out one), and plays to the handset the call's
/// audio, the local tone (mixed over a call, e.g. call waiting), the caller-ID burst, or silence.
/// </summary>
/// <remarks>
/// The clock thread owns the frame buffers, detectors and generators; control calls only swap references
/// (tone generator, caller-ID burst, the array of calls), so the tick takes no lock of the station's and allocates
/// nothing. Detector events go through a channel to a dispatcher task, so a slow handler cannot delay audio.
/// </remarks>
public sealed class StationAudio : IStationAudio, IMediaClockSink
{
    private readonly StationAudioOptions _options;
    private readonly IAudioDevice _device;
    private readonly ILogger _logger;
    private readonly TonePlan _plan;
    private readonly FskStandard _callerIdStandard;
    private readonly MediaClock? _clock;
    private readonly DtmfDetector? _dtmf;
    private readonly FaxToneDetector _fax;
    private readonly short[] _capture;
    private readonly short[] _playout;
    private readonly short[] _call;
    private readonly short[] _tone;
    private readonly Lock _sessionsLock = new();
    private readonly Channel<(char Digit, string? Fax)> _events = Channel.CreateUnbounded<(char, string?)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _dispatcher;
    private CallMediaSession[] _sessions = [];
    private ToneGenerator? _toneGenerator;
    private CallerIdBurst? _callerId;
    private int _disposed;
    private readonly Lock _activityLock = new();
    private bool _offHook;
    private bool _ticking;

    /// <summary>Opens the station's audio and starts its 20 ms clock.</summary>
    /// <param name="options">Device, tone plan, RTP address, detectors.</param>
    /// <exception cref="ArgumentException">Unknown tone plan.</exception>
    public StationAudio(StationAudioOptions options)
        : this(options, startClock: true)
    {
    }

    /// <summary>For tests: without a clock, <see cref="OnTick"/> is called by hand and time is the test's.</summary>
    internal StationAudio(StationAudioOptions options, bool startClock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Device);
        _plan = TonePlans.Find(options.TonePlan) ?? throw new ArgumentException($"unknown tone plan '{options.TonePlan}' (us, uk, de)", nameof(options));
        _options = options;
        _device = options.Device;
        _logger = options.Logger;
        _callerIdStandard = _plan.Country == "US" ? FskStandard.Bell202 : FskStandard.V23;
        var format = _device.Format;
        _capture = new short[format.FrameSamples];
        _playout = new short[format.FrameSamples];
        _call = new short[format.FrameSamples];
        _tone = new short[format.FrameSamples];
        _dtmf = options.DetectInBandDtmf ? new DtmfDetector(format.SampleRate) : null;
        _fax = new FaxToneDetector(format.SampleRate);
        _dispatcher = Task.Run(DispatchAsync);
        if (startClock)
        {
            // Registered with its clock only while active (see UpdateActivity): an idle station costs no ticks.
            _clock = new MediaClock(format.FrameMs);
            _clock.Start();
        }
    }

    /// <inheritdoc/>
    public event EventHandler<char>? DigitDetected;

    /// <inheritdoc/>
    public event EventHandler<string>? FaxToneDetected;

    /// <summary>The station's tone plan.</summary>
    public TonePlan TonePlan => _plan;

    /// <summary>The station's clock (null when ticked by hand in tests).</summary>
    public MediaClock? Clock => _clock;

    /// <summary>Whether a local tone is playing.</summary>
    public bool PlayingTone => Volatile.Read(ref _toneGenerator) is not null;

    /// <summary>Whether a caller-ID burst is still being played.</summary>
    public bool SendingCallerId => Volatile.Read(ref _callerId) is not null;

    /// <inheritdoc/>
    public void PlayTone(ToneKind kind)
    {
        if (!_plan.Tones.TryGetValue(kind, out var definition))
        {
            _logger.LogWarning("Station audio: the {Plan} plan has no {Tone} tone", _plan.Country, kind);
            return;
        }

        Volatile.Write(ref _toneGenerator, new ToneGenerator(definition, _device.Format.SampleRate));
        UpdateActivity();
    }

    /// <inheritdoc/>
    public void StopTone()
    {
        Volatile.Write(ref _toneGenerator, null);
        UpdateActivity();
    }

    /// <inheritdoc/>
    public void SetOffHook(bool offHook)
    {
        lock (_activityLock)
        {
            _offHook = offHook;
        }

        UpdateActivity();
    }

    /// <summary>Whether the station's audio is being ticked: handset off-hook, a call, a tone or a caller-ID burst.</summary>
    public bool Active
    {
        get
        {
            lock (_activityLock)
            {
                return NeedsTicksLocked();
            }
        }
    }

    /// <inheritdoc/>
    public void SendCallerId(string number, string? name, DateTimeOffset time)
    {
        if (!_options.Fxs)
        {
            return;
        }

        var digits = number is null ? string.Empty : new string(number.Where(char.IsAsciiDigit).ToArray());
        var message = new CallerIdMessage(
            time.Month, time.Day, time.Hour, time.Minute,
            digits.Length > 0 ? digits : null, digits.Length > 0 ? null : 'O',
            string.IsNullOrWhiteSpace(name) ? null : name, null);
        try
        {
            var pcm = CallerIdSignal.Render(Mdmf.Encode(message), _callerIdStandard, _device.Format.SampleRate);
            Volatile.Write(ref _callerId, new CallerIdBurst(pcm));
            UpdateActivity();
        }
        catch (ArgumentException ex)
        {
            _logger.LogWarning("Station audio: caller ID for {Number} not sent: {Reason}", number, ex.Message);
        }
    }

    /// <inheritdoc/>
    public ICallMedia CreateCallMedia(IReadOnlyList<string> codecPreferences)
    {
        ArgumentNullException.ThrowIfNull(codecPreferences);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var session = new CallMediaSession(new CallMediaSessionOptions
        {
            LocalAddress = _options.LocalRtpAddress,
            DeviceFormat = _device.Format,
            CodecPreferences = codecPreferences,
            Cname = _options.Cname,
            TimeProvider = _options.TimeProvider,
            Logger = _logger,
        });
        session.StreamStarted += (_, _) => StopTone();
        session.Closed += (s, _) => Remove((CallMediaSession)s!);
        lock (_sessionsLock)
        {
            _sessions = [.. _sessions, session];
        }

        UpdateActivity();

        return session;
    }

    /// <summary>One frame period (the station's clock calls it; tests without a clock call it by hand).</summary>
    /// <param name="tick">The tick index.</param>
    public void OnTick(long tick)
    {
        _ = _device.Capture(_capture);
        Detect();

        var heard = false;
        foreach (var session in Volatile.Read(ref _sessions))
        {
            // Every call is ticked so each keeps its RTP timing; the first one receiving is the one heard.
            if (session.Tick(tick, _capture, _call) && !heard)
            {
                _call.CopyTo(_playout, 0);
                heard = true;
            }
        }

        if (!heard)
        {
            Array.Clear(_playout);
        }

        if (Volatile.Read(ref _toneGenerator) is { } generator)
        {
            var n = generator.Render(_tone);
            for (var i = 0; i < n; i++)
            {
                _playout[i] = (short)Math.Clamp(_playout[i] + _tone[i], short.MinValue, short.MaxValue);
            }
        }

        if (Volatile.Read(ref _callerId) is { } burst && burst.Next(_playout))
        {
            _ = Interlocked.CompareExchange(ref _callerId, null, burst);
            UpdateActivity();
        }

        _device.Playout(_playout);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _clock?.Dispose();
        CallMediaSession[] sessions;
        lock (_sessionsLock)
        {
            sessions = _sessions;
        }

        foreach (var session in sessions)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        _events.Writer.TryComplete();
        await _dispatcher.ConfigureAwait(false);
        _device.Dispose();
    }

    private void Detect()
    {
        if (_dtmf is not null)
        {
            _dtmf.Process(_capture);
            while (_dtmf.TryGetDigit(out var digit))
            {
                _ = _events.Writer.TryWrite((digit.Digit, null));
            }
        }

        _fax.Process(_capture);
        while (_fax.TryGetEvent(out var fax))
        {
            _ = _events.Writer.TryWrite(('\0', fax.Tone == FaxTone.Cng ? "CNG" : "CED"));
        }
    }

    private void Remove(CallMediaSession session)
    {
        lock (_sessionsLock)
        {
            _sessions = [.. _sessions.Where(s => !ReferenceEquals(s, session))];
        }

        UpdateActivity();
    }

    /// <summary>
    /// Registers the station with its clock while anything needs the audio path, and takes it off when nothing does:
    /// an on-hook station with no call, tone or caller ID neither captures, detects nor plays out (a WAV sink then
    /// gets no frames; an ALSA device recovers from the overrun and underrun when ticking resumes).
    /// </summary>
    private void UpdateActivity()
    {
        if (_clock is null || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        lock (_activityLock)
        {
            var active = NeedsTicksLocked();
            if (active == _ticking)
            {
                return;
            }

            _ticking = active;
            if (active)
            {
                _clock.Register(this);
            }
            else
            {
                _clock.Unregister(this);
            }
        }
    }

    private bool NeedsTicksLocked() => _offHook || Volatile.Read(ref _sessions).Length > 0 || PlayingTone || SendingCallerId;

    private async Task DispatchAsync()
    {
        await foreach (var (digit, fax) in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (fax is null)
                {
                    DigitDetected?.Invoke(this, digit);
                }
                else
                {
                    FaxToneDetected?.Invoke(this, fax);
                }
            }
#pragma warning disable CA1031 // A subscriber's bug must not stop detection for the rest of the station's life.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Station audio: a detector event handler failed");
            }
        }
    }
}
