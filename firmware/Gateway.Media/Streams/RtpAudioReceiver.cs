using System.Net;
using Gateway.Codecs;
using Gateway.Codecs.G711;
using Gateway.Rtp;
using Gateway.Rtp.Jitter;

namespace Gateway.Media.Streams;

/// <summary>
/// The receiving half of an RTP audio stream. The receive thread hands each datagram to <see cref="Receive"/>: bad
/// packets are dropped and counted by reason, packets from other than the latched source are dropped, an SSRC change
/// restarts statistics and jitter buffer, audio goes into the jitter buffer and telephone-events to their receiver.
/// The clock thread calls <see cref="Playout"/> once per frame: jitter buffer → decode, or concealment. One lock
/// guards the jitter buffer and statistics shared by the two threads; nothing is allocated per packet.
/// </summary>
public sealed class RtpAudioReceiver
{
    // About -40 dBFS: below it a frame is a pause or background noise, where a dropped or inserted frame is unheard.
    private const long QuietMeanSquare = 328L * 328L;

    private readonly Lock _sync = new();
    private readonly IAudioDecoder _decoder;
    private readonly G711Concealment? _g711Concealment;
    private readonly byte _payloadType;
    private readonly int _telephoneEventPayloadType;
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private readonly byte[] _payload;
    private readonly short[] _decoded;
    private RtpReceiverStatistics _statistics = new();
    private bool _haveSource;
    private long _ssrcChanges;
    private long _unknownPayloadType;
    private long _notReceiving;
    private long _undecodable;

    /// <summary>Creates the receiver for one negotiated codec (and optionally telephone-event).</summary>
    public RtpAudioReceiver(IAudioDecoder decoder, byte payloadType, int telephoneEventPayloadType, JitterBufferOptions jitterBufferOptions, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(jitterBufferOptions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _decoder = decoder;
        _payloadType = payloadType;
        _telephoneEventPayloadType = telephoneEventPayloadType;
        _time = timeProvider;
        _startTimestamp = timeProvider.GetTimestamp();
        JitterBuffer = new AdaptiveJitterBuffer(jitterBufferOptions, timeProvider);
        _payload = new byte[jitterBufferOptions.MaxPayloadBytes];
        _decoded = new short[decoder.Info.FrameSamples];
        if (decoder.Info.EncodingName is "PCMU" or "PCMA")
        {
            _g711Concealment = new G711Concealment();
        }

        Events = new TelephoneEventReceiver(decoder.Info.ClockRate);
    }

    /// <summary>The jitter buffer (read its statistics under <see cref="Snapshot"/>).</summary>
    internal AdaptiveJitterBuffer JitterBuffer { get; }

    /// <summary>The telephone-event receiver (subscribe to its digits).</summary>
    public TelephoneEventReceiver Events { get; }

    /// <summary>Invalid RTP packets by reason.</summary>
    public RtpDropCounters Drops { get; } = new();

    /// <summary>The source's symmetric RTP latch.</summary>
    public SymmetricRtpLatch Latch { get; } = new();

    /// <summary>Whether incoming audio is accepted (false when on hold: sendonly or inactive).</summary>
    public bool Receiving { get; set; } = true;

    /// <summary>The remote SSRC, valid once a packet has been accepted.</summary>
    public uint RemoteSsrc { get; private set; }

    /// <summary>Handles one datagram from <paramref name="source"/>.</summary>
    public void Receive(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        if (!RtpPacket.TryParse(datagram, out var packet, out var reason))
        {
            Drops.Increment(reason);
            return;
        }

        if (!Latch.Accept(source))
        {
            return;
        }

        if (!Receiving)
        {
            Interlocked.Increment(ref _notReceiving);
            return;
        }

        var header = packet.Header;
        lock (_sync)
        {
            if (!_haveSource || header.Ssrc != RemoteSsrc)
            {
                if (_haveSource)
                {
                    // A new source (the far end restarted its stream): its sequence numbers are unrelated, so the
                    // statistics start again; the jitter buffer restarts by itself on the timestamp jump.
                    _ssrcChanges++;
                    _statistics = new RtpReceiverStatistics();
                    Events.Reset();
                }

                _haveSource = true;
                RemoteSsrc = header.Ssrc;
            }

            if (header.PayloadType == _telephoneEventPayloadType)
            {
                _ = _statistics.Update(header.SequenceNumber, header.Timestamp, ArrivalInRtpUnits());
                Events.Receive(header, packet.Payload);
            }
            else if (header.PayloadType == _payloadType)
            {
                _ = _statistics.Update(header.SequenceNumber, header.Timestamp, ArrivalInRtpUnits());
                _ = JitterBuffer.Put(header, packet.Payload);
            }
            else
            {
                _unknownPayloadType++;
            }
        }
    }

    /// <summary>Fills one frame of playout audio.</summary>
    public void Playout(Span<short> pcm)
    {
        JitterBufferResult result;
        int length;
        lock (_sync)
        {
            result = JitterBuffer.Get(_payload, out length);
        }

        switch (result)
        {
            case JitterBufferResult.Frame:
                int samples;
                try
                {
                    samples = _decoder.Decode(_payload.AsSpan(0, length), _decoded);
                }
                catch (AudioCodecException)
                {
                    Interlocked.Increment(ref _undecodable);
                    samples = 0;
                }

                _decoded.AsSpan(samples).Clear();
                if (_g711Concealment is not null)
                {
                    _g711Concealment.Receive(_decoded, pcm);
                }
                else
                {
                    _decoded.AsSpan(0, pcm.Length).CopyTo(pcm);
                }

                break;
            case JitterBufferResult.Conceal:
                if (_g711Concealment is not null)
                {
                    _g711Concealment.Conceal(pcm);
                }
                else if (_decoder.Conceal(pcm) == 0)
                {
                    pcm.Clear();
                }

                break;
            default:
                pcm.Clear();
                break;
        }

        var quiet = IsQuiet(pcm);
        lock (_sync)
        {
            JitterBuffer.ReportPlayedFrame(quiet);
        }
    }

    /// <summary>Whether the frame's mean square lies under the quiet threshold (integer arithmetic, no allocation).</summary>
    internal static bool IsQuiet(ReadOnlySpan<short> pcm)
    {
        if (pcm.IsEmpty)
        {
            return true;
        }

        long sum = 0;
        foreach (var sample in pcm)
        {
            sum += sample * sample;
        }

        return sum < QuietMeanSquare * pcm.Length;
    }

    /// <summary>Builds the report block about the remote source for an SR/RR (false before any packet).</summary>
    public bool TryCreateReportBlock(uint lastSenderReport, uint delaySinceLastSenderReport, out Rtp.Rtcp.RtcpReportBlock block)
    {
        lock (_sync)
        {
            block = _haveSource ? _statistics.CreateReportBlock(RemoteSsrc, lastSenderReport, delaySinceLastSenderReport) : default;
            return _haveSource;
        }
    }

    /// <summary>Copies the receive-side counters into <paramref name="statistics"/>.</summary>
    internal void Snapshot(MediaStreamStatistics statistics)
    {
        lock (_sync)
        {
            statistics.PacketsReceived = _statistics.PacketsReceived;
            statistics.PacketsLost = _statistics.PacketsLost;
            statistics.JitterRtpUnits = _statistics.Jitter;
            statistics.SsrcChanges = _ssrcChanges;
            statistics.UnknownPayloadType = _unknownPayloadType;
            statistics.DroppedWhileNotReceiving = Interlocked.Read(ref _notReceiving);
            statistics.Undecodable = Interlocked.Read(ref _undecodable);
            statistics.LatchRejected = Latch.Rejected;
            statistics.InvalidRtp = Drops.Total;
            statistics.TelephoneEventEndPacketsReceived = Events.EndPacketsReceived;
            statistics.JitterBuffer = JitterBufferSnapshot.From(JitterBuffer);
        }
    }

    private uint ArrivalInRtpUnits() =>
        (uint)(_time.GetElapsedTime(_startTimestamp).Ticks * _decoder.Info.ClockRate / TimeSpan.TicksPerSecond);
}
