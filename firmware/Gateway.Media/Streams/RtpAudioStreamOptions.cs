using System.Net;
using Gateway.Codecs;
using Gateway.Rtp.Jitter;
using Gateway.Sdp;

namespace Gateway.Media.Streams;

/// <summary>How one call leg's RTP audio stream is set up (the result of offer/answer plus local choices).</summary>
public sealed record RtpAudioStreamOptions
{
    /// <summary>Local RTP endpoint (port 0 picks a free one).</summary>
    public required IPEndPoint LocalRtp { get; init; }

    /// <summary>Local RTCP endpoint; null means the RTP port + 1 (or any free port when the RTP port is 0).</summary>
    public IPEndPoint? LocalRtcp { get; init; }

    /// <summary>Remote RTP endpoint from the SDP (symmetric latching may replace it).</summary>
    public required IPEndPoint RemoteRtp { get; init; }

    /// <summary>Remote RTCP endpoint; null means the RTP port + 1.</summary>
    public IPEndPoint? RemoteRtcp { get; init; }

    /// <summary>The negotiated codec.</summary>
    public required IAudioCodec Codec { get; init; }

    /// <summary>The negotiated payload type; null means the codec's default.</summary>
    public byte? PayloadType { get; init; }

    /// <summary>The negotiated telephone-event payload type, or null when DTMF events were not negotiated.</summary>
    public byte? TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>Our direction (hold is sendonly/inactive).</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>Mean RTCP report interval (RFC 3550's 5 s).</summary>
    public TimeSpan RtcpInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Our RTCP CNAME.</summary>
    public string Cname { get; init; } = "gateway@localhost";

    /// <summary>Jitter buffer sizing; null derives it from the codec.</summary>
    public JitterBufferOptions? JitterBuffer { get; init; }

    /// <summary>Time for RTCP scheduling, statistics and the jitter buffer.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
