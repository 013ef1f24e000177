using Gateway.Codecs;
using Gateway.Rtp;

namespace Gateway.Media.Streams;

/// <summary>
/// The sending half of an RTP audio stream: encodes a frame and writes the RTP packet. SSRC, first sequence number
/// and timestamp base are random (RFC 3550 §5.1); the timestamp advances every frame period whether or not a packet
/// is sent (hold, DTMF), and the first packet of a talkspurt carries the marker bit.
/// </summary>
public sealed class RtpAudioSender
{
    private readonly IAudioEncoder _encoder;
    private readonly byte _payloadType;
    private readonly byte[] _payload;
    private readonly uint _frameIncrement;
    private ushort _sequence;
    private bool _talkspurtStart = true;

    /// <summary>Creates a sender for <paramref name="encoder"/> using <paramref name="payloadType"/>.</summary>
    public RtpAudioSender(IAudioEncoder encoder, byte payloadType)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        _encoder = encoder;
        _payloadType = payloadType;
        _payload = new byte[Math.Max(encoder.MaxPayloadBytes, 16)];
        _frameIncrement = (uint)encoder.Info.FrameTimestampIncrement;
        Ssrc = RtpRandom.NewSsrc();
        _sequence = RtpRandom.NewSequenceNumber();
        Timestamp = RtpRandom.NewTimestamp();
    }

    /// <summary>Our synchronisation source.</summary>
    public uint Ssrc { get; }

    /// <summary>The RTP timestamp of the current frame period.</summary>
    public uint Timestamp { get; private set; }

    /// <summary>RTP timestamp units per frame.</summary>
    public uint FrameIncrement => _frameIncrement;

    /// <summary>Packets written (for the SR sender info).</summary>
    public long PacketCount { get; private set; }

    /// <summary>Payload octets written (for the SR sender info).</summary>
    public long OctetCount { get; private set; }

    /// <summary>Largest packet <see cref="WriteAudio"/> writes.</summary>
    public int MaxPacketLength => RtpHeader.FixedLength + _payload.Length;

    /// <summary>Encodes <paramref name="pcm"/> and writes the packet for the current frame into <paramref name="packet"/>.</summary>
    /// <returns>The packet length.</returns>
    public int WriteAudio(ReadOnlySpan<short> pcm, Span<byte> packet)
    {
        var length = _encoder.Encode(pcm, _payload);
        return Write(_payloadType, Timestamp, _payload.AsSpan(0, length), packet);
    }

    /// <summary>Writes a packet of another payload type (telephone-event) sharing our SSRC and sequence space.</summary>
    /// <returns>The packet length.</returns>
    public int WritePayload(byte payloadType, uint timestamp, bool marker, ReadOnlySpan<byte> payload, Span<byte> packet)
    {
        _talkspurtStart |= marker;
        return Write(payloadType, timestamp, payload, packet);
    }

    /// <summary>Moves to the next frame period; <paramref name="sent"/> false (silence, hold) starts a new talkspurt.</summary>
    public void EndFrame(bool sent)
    {
        Timestamp += _frameIncrement;
        if (!sent)
        {
            _talkspurtStart = true;
        }
    }

    /// <summary>Marks the next audio packet as the start of a talkspurt (after a DTMF event or a pause).</summary>
    public void StartTalkspurt() => _talkspurtStart = true;

    private int Write(byte payloadType, uint timestamp, ReadOnlySpan<byte> payload, Span<byte> packet)
    {
        var header = new RtpHeader(payloadType, _sequence++, timestamp, Ssrc, _talkspurtStart);
        _talkspurtStart = false;
        PacketCount++;
        OctetCount += payload.Length;
        return RtpPacketWriter.Write(packet, header, payload);
    }
}
