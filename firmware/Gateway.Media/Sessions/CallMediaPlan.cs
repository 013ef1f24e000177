using System.Net;
using System.Net.Sockets;
using Gateway.Codecs;
using Gateway.Sdp;

namespace Gateway.Media.Sessions;

/// <summary>
/// What an accepted offer or answer asks the stream to be, checked completely before anything changes, so a bad
/// re-offer leaves the running call as it was.
/// </summary>
internal sealed record CallMediaPlan(
    IAudioCodec Codec,
    string CodecName,
    byte PayloadType,
    byte? TelephoneEventPayloadType,
    IPEndPoint Remote,
    SdpDirection Direction)
{
    /// <summary>Whether a stream built for <paramref name="other"/> can be reused for this plan (only address and direction differ).</summary>
    public bool SameEncoding(CallMediaPlan? other) => other is not null
        && other.CodecName == CodecName
        && other.PayloadType == PayloadType
        && other.TelephoneEventPayloadType == TelephoneEventPayloadType;

    public static CallMediaPlan? TryCreate(SdpNegotiatedAudio audio, IPAddress localAddress, out string? error)
    {
        var codec = CallMediaCodecs.Create(audio.Codec);
        if (codec is null)
        {
            error = $"no codec module for {audio.Codec}";
            return null;
        }

        if (audio.Codec.PayloadType is < 0 or > 127 || audio.TelephoneEvent is { PayloadType: < 0 or > 127 })
        {
            error = "payload type outside 0-127";
            return null;
        }

        if (audio.RemotePort is <= 0 or > IPEndPoint.MaxPort)
        {
            error = $"bad RTP port {audio.RemotePort}";
            return null;
        }

        var direction = audio.Direction;
        IPAddress remoteAddress;
        if (audio.RemoteAddress is null)
        {
            // c=0.0.0.0 (RFC 2543 hold): nothing may be sent, whatever the direction attribute says.
            direction = SdpDirections.From(sends: false, receives: direction.Receives());
            remoteAddress = localAddress.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
        }
        else if (!IPAddress.TryParse(audio.RemoteAddress, out remoteAddress!))
        {
            error = $"c= address '{audio.RemoteAddress}' is not an IP address";
            return null;
        }
        else if (remoteAddress.AddressFamily != localAddress.AddressFamily)
        {
            error = $"c= address {remoteAddress} is not reachable from our {localAddress.AddressFamily} address";
            return null;
        }

        if (audio.RemotePtime is { } ptime && (ptime <= 0 || ptime > 200))
        {
            error = $"bad ptime {ptime}";
            return null;
        }

        error = null;
        return new CallMediaPlan(
            codec,
            CallMediaCodecs.DisplayName(audio.Codec),
            (byte)audio.Codec.PayloadType,
            audio.TelephoneEvent is { } te ? (byte)te.PayloadType : null,
            new IPEndPoint(remoteAddress, audio.RemotePort),
            direction);
    }
}
