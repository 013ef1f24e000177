using System.Net;
using System.Net.Sockets;
using Gateway.Media.Clock;
using Gateway.Rtp;
using Gateway.Rtp.Jitter;
using Gateway.Sdp;

namespace Gateway.Media.Streams;

/// <summary>
/// One call leg's RTP audio stream: binds the RTP and RTCP sockets, and on each media clock tick captures, encodes
/// and sends a frame (or a telephone-event), plays out one frame from the jitter buffer, and sends RTCP when due.
/// Receive threads feed <see cref="RtpAudioReceiver"/> and <see cref="RtcpSession"/>. Composition only: the
/// protocol work is in the parts.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "An RTP stream (RFC 3550), not a System.IO.Stream.")]
public sealed class RtpAudioStream : IMediaClockSink, IDisposable
{
    private readonly IAudioDevice _device;
    private readonly Socket _rtpSocket;
    private readonly Socket _rtcpSocket;
    private readonly RtpAudioSender _sender;
    private readonly RtpAudioReceiver _receiver;
    private readonly TelephoneEventSender? _events;
    private readonly byte _eventPayloadType;
    private readonly RtcpSession _rtcp;
    private readonly RtcpScheduler _rtcpScheduler;
    private readonly DatagramReceiveLoop _rtpLoop;
    private readonly DatagramReceiveLoop _rtcpLoop;
    private readonly short[] _capture;
    private readonly short[] _playout;
    private readonly byte[] _packet;
    private readonly byte[] _rtcpPacket = new byte[RtcpSession.MaxPacketLength];
    private readonly TelephoneEvent[] _eventPayloads = new TelephoneEvent[TelephoneEventSender.EndRepetitions];
    private readonly byte[] _eventPayload = new byte[TelephoneEvent.Length];
    private readonly Lock _tickLock = new();
    private SocketAddress _remoteRtp;
    private SocketAddress _remoteRtcp;
    private SdpDirection _direction;
    private long _sendErrors;
    private bool _disposed;

    /// <summary>Binds the sockets; call <see cref="Start"/> then register with a <see cref="MediaClock"/>.</summary>
    /// <exception cref="ArgumentException">The device's format does not match the codec's PCM rate and frame.</exception>
    /// <exception cref="SocketException">A local port cannot be bound.</exception>
    public RtpAudioStream(RtpAudioStreamOptions options, IAudioDevice device)
        : this(options, device, BindPair(options))
    {
    }

    /// <summary>
    /// Takes sockets already bound (a call's port pair reserved before its offer was written, so nothing else can
    /// take the port between the SDP and the stream). The stream owns them from here on, also on failure.
    /// </summary>
    internal RtpAudioStream(RtpAudioStreamOptions options, IAudioDevice device, Socket rtpSocket, Socket rtcpSocket)
        : this(options, device, (rtpSocket, rtcpSocket))
    {
    }

    private RtpAudioStream(RtpAudioStreamOptions options, IAudioDevice device, (Socket Rtp, Socket Rtcp) sockets)
    {
        _rtpSocket = sockets.Rtp;
        _rtcpSocket = sockets.Rtcp;
        try
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(device);
            var info = options.Codec.Info;
            if (device.Format.SampleRate != info.SampleRate || device.Format.FrameSamples != info.FrameSamples)
            {
                throw new ArgumentException($"device format {device.Format} does not match {info.EncodingName} ({info.SampleRate} Hz, {info.FrameSamples} samples)", nameof(device));
            }

            _device = device;
            _direction = options.Direction;
            var payloadType = options.PayloadType ?? (byte)info.PayloadType;
            _sender = new RtpAudioSender(options.Codec.CreateEncoder(), payloadType);
            // L16 at 16 kHz carries 640 octets a frame, beyond the buffer's 512 default; leave room for 40 ms packets.
            var jitter = options.JitterBuffer ?? new JitterBufferOptions(info.ClockRate, info.FrameTimestampIncrement, info.FrameSamples, MaxPayloadBytes: Math.Max(512, info.FrameSamples * 4));
            _receiver = new RtpAudioReceiver(options.Codec.CreateDecoder(), payloadType, options.TelephoneEventPayloadType ?? -1, jitter, options.TimeProvider);
            if (options.TelephoneEventPayloadType is { } eventPt)
            {
                _eventPayloadType = eventPt;
                _events = new TelephoneEventSender(info.ClockRate, device.Format.FrameMs);
            }

            _rtcp = new RtcpSession(_sender, _receiver, options.Cname, options.TimeProvider);
            _rtcpScheduler = new RtcpScheduler(options.TimeProvider, options.RtcpInterval);
            _capture = new short[info.FrameSamples];
            _playout = new short[info.FrameSamples];
            _packet = new byte[_sender.MaxPacketLength + 16];
            _remoteRtp = options.RemoteRtp.Serialize();
            _remoteRtcp = (options.RemoteRtcp ?? new IPEndPoint(options.RemoteRtp.Address, options.RemoteRtp.Port + 1)).Serialize();
            _receiver.Receiving = Receives(_direction);
        }
        catch
        {
            _rtpSocket.Dispose();
            _rtcpSocket.Dispose();
            throw;
        }

        _rtpLoop = new DatagramReceiveLoop(_rtpSocket, _receiver.Receive, "rtp-receive");
        _rtcpLoop = new DatagramReceiveLoop(_rtcpSocket, ReceiveRtcp, "rtcp-receive");
    }

    /// <summary>Raised on the receive thread for each DTMF digit received as a telephone-event.</summary>
    public event EventHandler<TelephoneEventReceivedEventArgs>? DigitReceived
    {
        add => _receiver.Events.DigitReceived += value;
        remove => _receiver.Events.DigitReceived -= value;
    }

    /// <summary>The bound local RTP endpoint.</summary>
    public IPEndPoint LocalRtp => (IPEndPoint)_rtpSocket.LocalEndPoint!;

    /// <summary>The bound local RTCP endpoint.</summary>
    public IPEndPoint LocalRtcp => (IPEndPoint)_rtcpSocket.LocalEndPoint!;

    /// <summary>Our SSRC.</summary>
    public uint Ssrc => _sender.Ssrc;

    /// <summary>The RTP source latched by symmetric RTP, or null.</summary>
    public IPEndPoint? LatchedRemote => _receiver.Latch.LatchedEndPoint;

    /// <summary>The current direction.</summary>
    public SdpDirection Direction => _direction;

    /// <summary>Whether queued digits are still being sent.</summary>
    public bool SendingDigits => _events?.Busy ?? false;

    /// <summary>Starts the receive threads.</summary>
    public void Start()
    {
        _rtpLoop.Start();
        _rtcpLoop.Start();
    }

    /// <summary>Applies a new direction (hold: sendonly or inactive; resume: sendrecv).</summary>
    public void SetDirection(SdpDirection direction)
    {
        lock (_tickLock)
        {
            _direction = direction;
            _receiver.Receiving = Receives(direction);
        }
    }

    /// <summary>Applies a new remote address from a re-INVITE; latching starts again.</summary>
    public void SetRemote(IPEndPoint rtp, IPEndPoint? rtcp = null)
    {
        ArgumentNullException.ThrowIfNull(rtp);
        lock (_tickLock)
        {
            _remoteRtp = rtp.Serialize();
            _remoteRtcp = (rtcp ?? new IPEndPoint(rtp.Address, rtp.Port + 1)).Serialize();
            _receiver.Latch.Reset();
            _rtcp.Latch.Reset();
        }
    }

    /// <summary>Queues DTMF digits to send as RFC 4733 telephone-events.</summary>
    /// <exception cref="InvalidOperationException">telephone-event was not negotiated.</exception>
    public void SendDigits(string digits)
    {
        if (_events is null)
        {
            throw new InvalidOperationException("telephone-event was not negotiated for this stream");
        }

        _events.Enqueue(digits);
    }

    /// <inheritdoc/>
    public void OnTick(long tick)
    {
        lock (_tickLock)
        {
            if (_disposed)
            {
                return;
            }

            _ = _device.Capture(_capture);
            SendFrame();
            _receiver.Playout(_playout);
            _device.Playout(_playout);
            if (_rtcpScheduler.IsDue())
            {
                SendRtcp(bye: false);
            }
        }
    }

    /// <summary>A snapshot of the stream's counters, including the jitter buffer's.</summary>
    public MediaStreamStatistics GetStatistics()
    {
        var statistics = new MediaStreamStatistics();
        _receiver.Snapshot(statistics);
        lock (_tickLock)
        {
            statistics.PacketsSent = _sender.PacketCount;
            statistics.OctetsSent = _sender.OctetCount;
            statistics.SendErrors = Interlocked.Read(ref _sendErrors);
            statistics.TelephoneEventEndPacketsSent = _events?.EndPacketsSent ?? 0;
            statistics.RtcpSent = _rtcp.Sent;
        }

        statistics.SenderReportsReceived = _rtcp.SenderReportsReceived;
        statistics.ReceiverReportsReceived = _rtcp.ReceiverReportsReceived;
        statistics.ByesReceived = _rtcp.ByesReceived;
        statistics.InvalidRtcp = _rtcp.Invalid;
        statistics.RemoteReportedCumulativeLost = _rtcp.RemoteReport?.CumulativeLost;
        statistics.RemoteReportedJitter = _rtcp.RemoteReport?.Jitter;
        return statistics;
    }

    /// <summary>Sends RTCP BYE, closes the sockets and waits for the receive threads.</summary>
    public void Dispose()
    {
        lock (_tickLock)
        {
            if (_disposed)
            {
                return;
            }

            SendRtcp(bye: true);
            _disposed = true;
        }

        _rtpSocket.Dispose();
        _rtcpSocket.Dispose();
        _rtpLoop.Join();
        _rtcpLoop.Join();
    }

    private static bool Receives(SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    private static (Socket Rtp, Socket Rtcp) BindPair(RtpAudioStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rtp = Bind(options.LocalRtp);
        try
        {
            var localRtp = (IPEndPoint)rtp.LocalEndPoint!;
            return (rtp, Bind(options.LocalRtcp ?? new IPEndPoint(localRtp.Address, options.LocalRtp.Port == 0 ? 0 : localRtp.Port + 1)));
        }
        catch
        {
            rtp.Dispose();
            throw;
        }
    }

    private static Socket Bind(IPEndPoint local)
    {
        var socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(local);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return socket;
    }

    private void SendFrame()
    {
        if (_direction is not (SdpDirection.SendRecv or SdpDirection.SendOnly))
        {
            _sender.EndFrame(sent: false);
            return;
        }

        uint eventTimestamp = 0;
        var marker = false;
        var events = _events is null ? 0 : _events.Next(_sender.Timestamp, _sender.FrameIncrement, _eventPayloads, out eventTimestamp, out marker);
        if (events == 0)
        {
            var length = _sender.WriteAudio(_capture, _packet);
            Send(_rtpSocket, _packet.AsSpan(0, length), _receiver.Latch.Latched ?? _remoteRtp);
        }
        else
        {
            for (var i = 0; i < events; i++)
            {
                _ = _eventPayloads[i].Write(_eventPayload);
                var length = _sender.WritePayload(_eventPayloadType, eventTimestamp, marker && i == 0, _eventPayload, _packet);
                Send(_rtpSocket, _packet.AsSpan(0, length), _receiver.Latch.Latched ?? _remoteRtp);
            }

            // The audio after an event starts a new talkspurt.
            _sender.StartTalkspurt();
        }

        _sender.EndFrame(sent: true);
    }

    private void SendRtcp(bool bye)
    {
        var length = _rtcp.WriteReport(_rtcpPacket, bye);
        Send(_rtcpSocket, _rtcpPacket.AsSpan(0, length), _rtcp.Latch.Latched ?? _remoteRtcp);
    }

    private void Send(Socket socket, ReadOnlySpan<byte> datagram, SocketAddress destination)
    {
        try
        {
            _ = socket.SendTo(datagram, SocketFlags.None, destination);
        }
        catch (SocketException)
        {
            Interlocked.Increment(ref _sendErrors);
        }
    }

    private void ReceiveRtcp(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        // Latch only on valid RTCP, so garbage cannot capture the report destination.
        if (!RtcpCompoundPacketValidator.IsValid(datagram))
        {
            _rtcp.Receive(datagram);
            return;
        }

        if (_rtcp.Latch.Accept(source))
        {
            _rtcp.Receive(datagram);
        }
    }
}
