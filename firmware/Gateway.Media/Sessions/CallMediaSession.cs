using System.Net;
using Gateway.Dsp.Dtmf;
using Gateway.Media.Streams;
using Gateway.Sdp;
using Microsoft.Extensions.Logging;

namespace Gateway.Media.Sessions;

/// <summary>
/// One call's media: RFC 3264 offer/answer through <see cref="SdpOfferAnswer"/> and, once negotiated, an
/// <see cref="RtpAudioStream"/> on a port pair bound when the session is created. The station's clock drives it
/// (<see cref="Tick"/>); control calls come from the SIP side. Every SDP from the peer is untrusted: a bad one gives
/// a failed <see cref="CallMediaNegotiation"/> and leaves the call as it was.
/// </summary>
/// <remarks>
/// Two locks: <c>_control</c> serializes negotiation, start and dispose (SIP threads); <c>_gate</c> guards only the
/// stream reference the clock thread uses, held briefly on both sides. A stream being replaced or disposed is taken
/// out under <c>_gate</c> and disposed outside it, so the clock never waits on socket teardown.
/// </remarks>
public sealed class CallMediaSession : ICallMedia
{
    private readonly CallMediaSessionOptions _options;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<SdpCodec> _codecs;
    private readonly SdpOfferAnswer _offerAnswer;
    private readonly Lock _control = new();
    private readonly Lock _gate = new();
    private readonly IPEndPoint _localRtp;
    private RtpPortPair? _ports;
    private RtpAudioStream? _stream;
    private CallAudioPort? _port;
    private CallMediaPlan? _plan;
    private SdpDirection _localDirection = SdpDirection.SendRecv;
    private bool _offerMade;
    private bool _started;
    private bool _disposed;

    /// <summary>Binds the call's RTP/RTCP port pair; no packet flows until negotiation and start.</summary>
    /// <param name="options">Addresses, device format, codecs.</param>
    /// <exception cref="System.Net.Sockets.SocketException">No port pair could be bound.</exception>
    public CallMediaSession(CallMediaSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = options.Logger;
        _codecs = CallMediaCodecs.Resolve(options.CodecPreferences);
        _ports = RtpPortPair.BindEphemeral(options.LocalAddress);
        _localRtp = _ports.Local;
        _offerAnswer = new SdpOfferAnswer(options.LocalAddress.ToString(), _localRtp.Port, _codecs) { Ptime = options.DeviceFormat.FrameMs };
    }

    /// <inheritdoc/>
    public event EventHandler<char>? DigitReceived;

    /// <summary>Raised once when the stream starts (the station stops its local tone then).</summary>
    internal event EventHandler? StreamStarted;

    /// <summary>Raised once when the session is disposed (the station stops ticking it).</summary>
    internal event EventHandler? Closed;

    /// <summary>The local RTP endpoint written into our SDP.</summary>
    public IPEndPoint LocalRtp => _localRtp;

    /// <summary>Our codecs in preference order, as offered.</summary>
    public IReadOnlyList<SdpCodec> Codecs => _codecs;

    /// <summary>Whether the stream is running (sending/receiving as its direction allows).</summary>
    public bool IsStarted => Volatile.Read(ref _started);

    /// <inheritdoc/>
    public string CreateOffer()
    {
        lock (_control)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _offerMade = true;
            return SdpSerializer.Serialize(_offerAnswer.CreateOffer(_localDirection));
        }
    }

    /// <summary>A re-offer putting the peer on hold (sendonly; inactive when it holds us); send it in a re-INVITE and give the answer to <see cref="ApplyAnswer"/>.</summary>
    /// <returns>The SDP text.</returns>
    public string CreateHoldOffer()
    {
        lock (_control)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var peerHoldsUs = _plan is { } plan && !plan.Direction.Receives();
            _localDirection = SdpDirection.SendOnly;
            _offerMade = true;
            return SdpSerializer.Serialize(_offerAnswer.CreateHoldOffer(peerHoldsUs));
        }
    }

    /// <summary>A re-offer taking the call off hold; the answer goes to <see cref="ApplyAnswer"/>.</summary>
    /// <returns>The SDP text.</returns>
    public string CreateResumeOffer()
    {
        lock (_control)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _localDirection = SdpDirection.SendRecv;
            _offerMade = true;
            return SdpSerializer.Serialize(_offerAnswer.CreateResumeOffer());
        }
    }

    /// <inheritdoc/>
    public CallMediaNegotiation ApplyAnswer(string answerSdp)
    {
        lock (_control)
        {
            if (_disposed)
            {
                return CallMediaNegotiation.Fail("the call's media is closed");
            }

            if (!_offerMade)
            {
                return CallMediaNegotiation.Fail("no offer was made");
            }

            if (Parse(answerSdp, out var error) is not { } answer)
            {
                return Failed("answer", error!);
            }

            SdpNegotiatedAudio? audio;
            try
            {
                audio = _offerAnswer.ProcessAnswer(answer);
            }
            catch (SdpParseException ex)
            {
                return Failed("answer", ex.Reason);
            }

            if (audio is null)
            {
                return Failed("answer", "the peer rejected the audio stream (port 0)");
            }

            audio = PreferAnswerOrder(answer, audio);

            var outcome = Apply(audio, sdp: null);
            if (outcome.Succeeded)
            {
                StartLocked();
            }

            return outcome;
        }
    }

    /// <inheritdoc/>
    public CallMediaNegotiation AnswerOffer(string offerSdp)
    {
        lock (_control)
        {
            return Answer(offerSdp);
        }
    }

    /// <inheritdoc/>
    public CallMediaNegotiation AnswerReInvite(string? offerSdp)
    {
        lock (_control)
        {
            if (offerSdp is null && !_disposed)
            {
                // An offerless re-INVITE: we offer in the 200 and the ACK brings the answer (to ApplyAnswer).
                _offerMade = true;
                return new CallMediaNegotiation(true, SdpSerializer.Serialize(_offerAnswer.CreateOffer(_localDirection)), _plan?.CodecName, null);
            }

            return Answer(offerSdp!);
        }
    }

    /// <inheritdoc/>
    public void Start()
    {
        lock (_control)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_stream is null)
            {
                throw new InvalidOperationException("no media was negotiated");
            }

            StartLocked();
        }
    }

    /// <inheritdoc/>
    public void SendDigits(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var valid = new string(digits.Where(IsDtmf).ToArray());
        if (valid.Length != digits.Length)
        {
            _logger.LogWarning("Call media: ignored non-DTMF characters in '{Digits}'", digits);
        }

        if (valid.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_stream is null || _port is null || _plan is null)
            {
                _logger.LogWarning("Call media: digits '{Digits}' dropped, no media negotiated", valid);
                return;
            }

            try
            {
                if (_plan.TelephoneEventPayloadType is not null)
                {
                    _stream.SendDigits(valid);
                }
                else
                {
                    _port.EnqueueInBandDigits(valid);
                }
            }
            catch (InvalidOperationException ex)
            {
                _logger.LogWarning("Call media: digits '{Digits}' dropped: {Reason}", valid, ex.Message);
            }
        }
    }

    /// <inheritdoc/>
    public CallMediaStatus GetStatus()
    {
        lock (_gate)
        {
            if (_stream is null || _plan is null)
            {
                return new CallMediaStatus { Direction = _localDirection.ToAttributeName() };
            }

            var s = _stream.GetStatistics();
            var jb = s.JitterBuffer;
            return new CallMediaStatus
            {
                Codec = _plan.CodecName,
                Direction = _stream.Direction.ToAttributeName(),
                RemoteRtp = (_stream.LatchedRemote ?? _plan.Remote).ToString(),
                PacketsSent = s.PacketsSent,
                PacketsReceived = s.PacketsReceived,
                PacketsLost = s.PacketsLost,
                JitterMs = s.JitterRtpUnits * 1000.0 / _plan.Codec.Info.ClockRate,
                ConcealedSamples = jb.ConcealedSamples,
                ConcealmentEvents = jb.ConcealmentEvents,
                JitterBufferDelay = jb.JitterBufferDelay,
                JitterBufferEmittedCount = jb.JitterBufferEmittedCount,
                InsertedSamplesForDeceleration = jb.InsertedSamplesForDeceleration,
                RemovedSamplesForAcceleration = jb.RemovedSamplesForAcceleration,
            };
        }
    }

    /// <summary>The running stream's full counters, or null before negotiation.</summary>
    /// <returns>The statistics.</returns>
    public MediaStreamStatistics? GetStreamStatistics()
    {
        lock (_gate)
        {
            return _stream?.GetStatistics();
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        RtpAudioStream? stream;
        lock (_control)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
            lock (_gate)
            {
                stream = _stream;
                _stream = null;
                _port = null;
                Volatile.Write(ref _started, false);
            }

            _ports?.Dispose();
            _ports = null;
        }

        stream?.Dispose();
        Closed?.Invoke(this, EventArgs.Empty);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// One frame period, on the station's clock thread: hands the captured frame to the stream, runs its tick, and
    /// writes what it played into <paramref name="playout"/>.
    /// </summary>
    /// <returns>True when <paramref name="playout"/> holds received audio (receiving and started).</returns>
    internal bool Tick(long tick, ReadOnlySpan<short> capture, Span<short> playout)
    {
        lock (_gate)
        {
            if (!_started || _stream is null || _port is null)
            {
                return false;
            }

            _port.Load(capture);
            _stream.OnTick(tick);
            if (!_port.HasPlayout || !_stream.Direction.Receives())
            {
                return false;
            }

            _port.Unload(playout);
            return true;
        }
    }

    private static bool IsDtmf(char c) => DtmfFrequencies.TryGetFrequencies(c, out _, out _);

    private CallMediaNegotiation Answer(string offerSdp)
    {
        if (_disposed)
        {
            return CallMediaNegotiation.Fail("the call's media is closed");
        }

        if (Parse(offerSdp, out var error) is not { } offer)
        {
            return Failed("offer", error!);
        }

        var result = _offerAnswer.CreateAnswer(offer, _localDirection);
        if (result.Audio is null)
        {
            return Failed("offer", OfferRejection.Explain(offer, _codecs));
        }

        return Apply(result.Audio, SdpSerializer.Serialize(SingleCodec(result.Answer, result.Audio)));
    }

    /// <summary>
    /// The receiver decodes one payload type, so our answer names only the codec we chose (and telephone-event):
    /// RFC 3264 lets the offerer send any codec the answer lists, and a peer picking the second would be dropped.
    /// </summary>
    private static SdpSessionDescription SingleCodec(SdpSessionDescription answer, SdpNegotiatedAudio audio)
    {
        var media = answer.Media[audio.MediaIndex];
        var keep = new HashSet<string>(StringComparer.Ordinal) { audio.Codec.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (audio.TelephoneEvent is { } te)
        {
            _ = keep.Add(te.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = media.Formats.Count - 1; i >= 0; i--)
        {
            if (!keep.Contains(media.Formats[i]))
            {
                media.Formats.RemoveAt(i);
            }
        }

        for (var i = media.Attributes.Count - 1; i >= 0; i--)
        {
            var a = media.Attributes[i];
            if (a.Name is "rtpmap" or "fmtp" && a.Value is { } value && !keep.Contains(value.Split(' ', 2)[0]))
            {
                media.Attributes.RemoveAt(i);
            }
        }

        return answer;
    }

    /// <summary>
    /// As offerer we send what the answerer put first among the codecs we offered (its preference, RFC 3264 §6.1),
    /// since it most likely sends that too and our receiver decodes one codec.
    /// </summary>
    private SdpNegotiatedAudio PreferAnswerOrder(SdpSessionDescription answer, SdpNegotiatedAudio audio)
    {
        var media = answer.Media[audio.MediaIndex];
        foreach (var pt in media.PayloadTypes())
        {
            if (media.GetRtpMap(pt) is { } map && _codecs.Any(c => c.ToRtpMap(pt).SameCodec(map)))
            {
                return map.SameCodec(audio.Codec) ? audio : audio with { Codec = map, CodecFmtp = media.GetFmtp(pt) };
            }
        }

        return audio;
    }

    private SdpSessionDescription? Parse(string? text, out string? error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "no SDP body";
            return null;
        }

        if (text.Length > _options.SdpLimits.MaxLength)
        {
            error = $"SDP longer than {_options.SdpLimits.MaxLength} octets";
            return null;
        }

        try
        {
            error = null;
            return SdpParser.Parse(text, _options.SdpLimits);
        }
        catch (SdpParseException ex)
        {
            error = ex.LineNumber > 0 ? $"line {ex.LineNumber}: {ex.Reason}" : ex.Reason;
            return null;
        }
#pragma warning disable CA1031 // Network input: whatever the parser trips on becomes a 488, never a crash of the call.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = $"unreadable SDP ({ex.GetType().Name})";
            return null;
        }
    }

    private CallMediaNegotiation Failed(string what, string reason)
    {
        _logger.LogWarning("Call media: {What} not acceptable: {Reason}", what, reason);
        return CallMediaNegotiation.Fail(reason);
    }

    private CallMediaNegotiation Apply(SdpNegotiatedAudio audio, string? sdp)
    {
        if (CallMediaPlan.TryCreate(audio, _options.LocalAddress, out var error) is not { } plan)
        {
            return Failed(sdp is null ? "answer" : "offer", error!);
        }

        if (_stream is not null && plan.SameEncoding(_plan))
        {
            if (!plan.Remote.Equals(_plan!.Remote))
            {
                _logger.LogInformation("Call media: remote RTP moves {Old} -> {New}", _plan.Remote, plan.Remote);
                _stream.SetRemote(plan.Remote);
            }

            _stream.SetDirection(plan.Direction);
            lock (_gate)
            {
                _plan = plan;
            }

            return new CallMediaNegotiation(true, sdp, plan.CodecName, null);
        }

        return Rebuild(plan, sdp);
    }

    private CallMediaNegotiation Rebuild(CallMediaPlan plan, string? sdp)
    {
        RtpAudioStream? old;
        lock (_gate)
        {
            old = _stream;
            _stream = null;
            _port = null;
        }

        // The old stream holds the port the SDP names; it must let go before the new one binds it again.
        old?.Dispose();
        RtpAudioStream stream;
        CallAudioPort port;
        try
        {
            CodecWarmUp.Run(plan.Codec);
            var ports = _ports ?? RtpPortPair.Bind(_localRtp);
            _ports = null;
            var (rtp, rtcp) = ports.Take();
            port = new CallAudioPort(_options.DeviceFormat, plan.Codec.Info);
            stream = new RtpAudioStream(
                new RtpAudioStreamOptions
                {
                    LocalRtp = _localRtp,
                    RemoteRtp = plan.Remote,
                    Codec = plan.Codec,
                    PayloadType = plan.PayloadType,
                    TelephoneEventPayloadType = plan.TelephoneEventPayloadType,
                    Direction = plan.Direction,
                    Cname = _options.Cname,
                    TimeProvider = _options.TimeProvider,
                },
                port,
                rtp,
                rtcp);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ArgumentException or Gateway.Codecs.AudioCodecException)
        {
            _logger.LogError(ex, "Call media: cannot set up the {Codec} stream", plan.CodecName);
            return CallMediaNegotiation.Fail($"cannot set up the {plan.CodecName} stream: {ex.Message}");
        }

        stream.DigitReceived += (_, e) => DigitReceived?.Invoke(this, e.Digit);
        if (_started)
        {
            stream.Start();
        }

        lock (_gate)
        {
            _stream = stream;
            _port = port;
            _plan = plan;
        }

        _logger.LogInformation("Call media: {Codec} pt {PayloadType} to {Remote} {Direction}", plan.CodecName, plan.PayloadType, plan.Remote, plan.Direction.ToAttributeName());
        return new CallMediaNegotiation(true, sdp, plan.CodecName, null);
    }

    private void StartLocked()
    {
        if (_started || _stream is null)
        {
            return;
        }

        _stream.Start();
        Volatile.Write(ref _started, true);
        StreamStarted?.Invoke(this, EventArgs.Empty);
    }
}
