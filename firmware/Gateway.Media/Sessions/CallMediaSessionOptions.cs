using System.Net;
using Gateway.Sdp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Media.Sessions;

/// <summary>How one call's media is set up: where it binds, what the station's audio looks like, and its codecs.</summary>
public sealed record CallMediaSessionOptions
{
    /// <summary>The local address to bind RTP on and to write into c= and o= (loopback in tests).</summary>
    public required IPAddress LocalAddress { get; init; }

    /// <summary>The station device's format; the call resamples between it and the codec's PCM rate.</summary>
    public required AudioFormat DeviceFormat { get; init; }

    /// <summary>Codec names by preference (card first, then board defaults); see <see cref="CallMediaCodecs"/>.</summary>
    public IReadOnlyList<string> CodecPreferences { get; init; } = CallMediaCodecs.Defaults;

    /// <summary>Our RTCP CNAME.</summary>
    public string Cname { get; init; } = "gateway@localhost";

    /// <summary>Bounds for every SDP body the peer sends.</summary>
    public SdpLimits SdpLimits { get; init; } = SdpLimits.Default;

    /// <summary>Time for RTCP, statistics and the jitter buffer.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where negotiation failures and stream changes are logged.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
