using System.Text;
using Gateway.Rtp.Rtcp;

namespace Gateway.Media.Streams;

/// <summary>
/// The RTCP side of one stream: writes SR (when we sent since the last report) or RR compounds with SDES CNAME and
/// a report block about the remote source (loss, jitter, LSR/DLSR), writes the BYE compound, and reads incoming
/// RTCP (invalid compounds counted, SR arrival kept for DLSR, the remote's report about us kept).
/// </summary>
public sealed class RtcpSession
{
    /// <summary>Room for the largest compound we write.</summary>
    public const int MaxPacketLength = 256;

    private const ulong NtpUnixOffsetSeconds = 2_208_988_800UL;

    private readonly Lock _sync = new();
    private readonly RtpAudioSender _sender;
    private readonly RtpAudioReceiver _receiver;
    private readonly TimeProvider _time;
    private readonly byte[] _cname;
    private readonly RtcpReportBlock[] _blocks = new RtcpReportBlock[1];
    private readonly uint[] _byeSources = new uint[1];
    private long _packetsAtLastReport = -1;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;

    /// <summary>Creates the session for the stream's sender and receiver.</summary>
    public RtcpSession(RtpAudioSender sender, RtpAudioReceiver receiver, string cname, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _sender = sender;
        _receiver = receiver;
        _time = timeProvider;
        _cname = Encoding.UTF8.GetBytes(cname ?? throw new ArgumentNullException(nameof(cname)));
    }

    /// <summary>The RTCP source latch.</summary>
    public SymmetricRtpLatch Latch { get; } = new();

    /// <summary>Compounds written.</summary>
    public long Sent { get; private set; }

    /// <summary>SRs received.</summary>
    public long SenderReportsReceived { get; private set; }

    /// <summary>RRs received.</summary>
    public long ReceiverReportsReceived { get; private set; }

    /// <summary>BYEs received.</summary>
    public long ByesReceived { get; private set; }

    /// <summary>Invalid compounds.</summary>
    public long Invalid { get; private set; }

    private RtcpReportBlock? _remoteReport;

    /// <summary>Last report block the remote sent about our SSRC, or null.</summary>
    public RtcpReportBlock? RemoteReport
    {
        get
        {
            lock (_sync)
            {
                return _remoteReport;
            }
        }
    }

    /// <summary>Writes an SR or RR compound with SDES; with <paramref name="bye"/> a BYE is appended.</summary>
    /// <returns>The compound's length.</returns>
    public int WriteReport(Span<byte> destination, bool bye)
    {
        var writer = new RtcpCompoundWriter(destination);
        uint lsr;
        uint dlsr;
        lock (_sync)
        {
            lsr = _lastSenderReport;
            dlsr = _lastSenderReportArrival == 0 ? 0
                : (uint)(_time.GetElapsedTime(_lastSenderReportArrival).TotalSeconds * 65536);
        }

        var count = _receiver.TryCreateReportBlock(lsr, dlsr, out _blocks[0]) ? 1 : 0;
        var blocks = _blocks.AsSpan(0, count);
        if (_sender.PacketCount != _packetsAtLastReport && _sender.PacketCount > 0)
        {
            var info = new RtcpSenderInfo(NtpNow(), _sender.Timestamp, (uint)_sender.PacketCount, (uint)_sender.OctetCount);
            writer.WriteSenderReport(_sender.Ssrc, info, blocks);
        }
        else
        {
            writer.WriteReceiverReport(_sender.Ssrc, blocks);
        }

        _packetsAtLastReport = _sender.PacketCount;
        writer.WriteSourceDescription(_sender.Ssrc, _cname);
        if (bye)
        {
            _byeSources[0] = _sender.Ssrc;
            writer.WriteGoodbye(_byeSources);
        }

        Sent++;
        return writer.Length;
    }

    /// <summary>Reads one incoming RTCP datagram (already latched by the caller).</summary>
    public void Receive(ReadOnlySpan<byte> datagram)
    {
        if (!RtcpCompoundPacket.TryParse(datagram, datagram.Length, out var compound, out _))
        {
            Invalid++;
            return;
        }

        foreach (var packet in compound)
        {
            switch (packet.Type)
            {
                case RtcpPacketType.SenderReport:
                    SenderReportsReceived++;
                    lock (_sync)
                    {
                        _lastSenderReport = packet.SenderInfo.CompactNtp;
                        _lastSenderReportArrival = _time.GetTimestamp();
                    }

                    KeepReportAboutUs(packet);
                    break;
                case RtcpPacketType.ReceiverReport:
                    ReceiverReportsReceived++;
                    KeepReportAboutUs(packet);
                    break;
                case RtcpPacketType.Goodbye:
                    ByesReceived++;
                    break;
                default:
                    break;
            }
        }
    }

    private void KeepReportAboutUs(RtcpPacket packet)
    {
        for (var i = 0; i < packet.Count; i++)
        {
            var block = packet.GetReportBlock(i);
            if (block.Ssrc == _sender.Ssrc)
            {
                // Read by the statistics snapshot on another thread; a 28-byte struct must not tear.
                lock (_sync)
                {
                    _remoteReport = block;
                }
            }
        }
    }

    private ulong NtpNow()
    {
        var unix = _time.GetUtcNow() - DateTimeOffset.UnixEpoch;
        var seconds = (ulong)unix.Ticks / TimeSpan.TicksPerSecond;
        var fraction = (ulong)unix.Ticks % TimeSpan.TicksPerSecond;
        return ((seconds + NtpUnixOffsetSeconds) << 32) | ((fraction << 32) / TimeSpan.TicksPerSecond);
    }
}
