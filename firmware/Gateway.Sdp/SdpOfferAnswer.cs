using System.Globalization;
using System.Security.Cryptography;

namespace Gateway.Sdp;

/// <summary>
/// RFC 3264 offer/answer for one call's audio: builds offers (including hold and resume), answers offers by our
/// codec preference, and reads answers. It owns the o= line, so the session version grows exactly when what we
/// describe changes.
/// </summary>
public sealed class SdpOfferAnswer
{
    private const string TelephoneEventName = "telephone-event";

    private readonly IReadOnlyList<SdpCodec> _preferences;
    private string? _lastBody;
    private SdpSessionDescription? _lastOffer;

    /// <summary>Creates the negotiator for one call.</summary>
    /// <param name="address">Our RTP address for c= and o=.</param>
    /// <param name="port">Our RTP port.</param>
    /// <param name="preferences">Our codecs in preference order (the card's, then the board's defaults).</param>
    /// <param name="telephoneEventPayloadType">Payload type of telephone-event in our offers.</param>
    /// <param name="sessionId">The o= session id; random when null.</param>
    public SdpOfferAnswer(string address, int port, IReadOnlyList<SdpCodec> preferences, int telephoneEventPayloadType = 101, ulong? sessionId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentNullException.ThrowIfNull(preferences);
        if (preferences.Count == 0)
        {
            throw new ArgumentException("at least one codec", nameof(preferences));
        }

        Address = address;
        Port = port;
        _preferences = preferences;
        TelephoneEventPayloadType = telephoneEventPayloadType;
        SessionId = sessionId ?? (BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 2);
        Version = SessionId;
    }

    /// <summary>Our RTP address; changing it changes the next description's version.</summary>
    public string Address { get; set; }

    /// <summary>Our RTP port.</summary>
    public int Port { get; set; }

    /// <summary>The payload type for telephone-event in our offers.</summary>
    public int TelephoneEventPayloadType { get; }

    /// <summary>Milliseconds of audio per packet we send and ask for.</summary>
    public int Ptime { get; set; } = 20;

    /// <summary>The o= session id.</summary>
    public ulong SessionId { get; }

    /// <summary>The o= version of the last description produced.</summary>
    public ulong Version { get; private set; }

    private string AddressType => Address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4";

    /// <summary>Creates an offer: all our codecs and telephone-event, with the given direction.</summary>
    public SdpSessionDescription CreateOffer(SdpDirection direction = SdpDirection.SendRecv)
    {
        var media = new SdpMediaDescription("audio", Port, "RTP/AVP");
        foreach (var codec in _preferences)
        {
            AddFormat(media, codec.ToRtpMap(codec.PayloadType), codec.Fmtp);
        }

        AddFormat(media, new SdpRtpMap(TelephoneEventPayloadType, TelephoneEventName, 8000), "0-16");
        FinishMedia(media, direction);
        var offer = Describe(media);
        _lastOffer = offer;
        return offer;
    }

    /// <summary>A re-offer putting the peer on hold (RFC 3264 §8.4: sendonly, or inactive when the peer holds us too).</summary>
    public SdpSessionDescription CreateHoldOffer(bool peerHoldsUs = false)
        => CreateOffer(peerHoldsUs ? SdpDirection.Inactive : SdpDirection.SendOnly);

    /// <summary>A re-offer taking the call off hold.</summary>
    public SdpSessionDescription CreateResumeOffer() => CreateOffer(SdpDirection.SendRecv);

    /// <summary>
    /// Answers an offer: the first usable audio stream gets our codecs that the peer offered, in our preference
    /// order, plus telephone-event if offered; the direction mirrors the offer within <paramref name="localDirection"/>.
    /// Every other m= line is answered with port 0, so the answer has the same lines in the same order.
    /// </summary>
    public SdpAnswerResult CreateAnswer(SdpSessionDescription offer, SdpDirection localDirection = SdpDirection.SendRecv)
    {
        ArgumentNullException.ThrowIfNull(offer);
        SdpNegotiatedAudio? audio = null;
        var answerMedia = new List<SdpMediaDescription>(offer.Media.Count);
        for (var i = 0; i < offer.Media.Count; i++)
        {
            var offered = offer.Media[i];
            var accepted = audio is null ? TryAccept(offer, offered, i, localDirection, out audio) : null;
            answerMedia.Add(accepted ?? Reject(offered));
        }

        return new SdpAnswerResult(Describe([.. answerMedia]), audio);
    }

    /// <summary>Reads the answer to our last offer.</summary>
    /// <exception cref="SdpParseException">The answer does not match the offer's m= lines or names no codec we offered.</exception>
    /// <returns>The negotiated audio, or null when the peer rejected the stream (port 0).</returns>
    public SdpNegotiatedAudio? ProcessAnswer(SdpSessionDescription answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var offer = _lastOffer ?? throw new InvalidOperationException("no offer was made");
        if (answer.Media.Count != offer.Media.Count)
        {
            throw new SdpParseException($"answer has {answer.Media.Count} m= lines, the offer had {offer.Media.Count}");
        }

        var media = answer.Media[0];
        if (media.Port == 0)
        {
            return null;
        }

        var codecs = MatchCodecs(media);
        if (codecs.Count == 0)
        {
            throw new SdpParseException("the answer names none of the offered codecs");
        }

        var direction = offer.DirectionOf(offer.Media[0]).Intersect(answer.DirectionOf(media).Reverse());
        return Negotiated(answer, media, 0, codecs, direction);
    }

    /// <summary>Streams whose remote address or port differ between two descriptions from the peer (e.g. a re-INVITE).</summary>
    public static IReadOnlyList<SdpRemoteChange> DetectRemoteChanges(SdpSessionDescription previous, SdpSessionDescription current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var changes = new List<SdpRemoteChange>();
        for (var i = 0; i < Math.Min(previous.Media.Count, current.Media.Count); i++)
        {
            var before = previous.ConnectionOf(previous.Media[i])?.Address;
            var after = current.ConnectionOf(current.Media[i])?.Address;
            if (!string.Equals(before, after, StringComparison.OrdinalIgnoreCase) || previous.Media[i].Port != current.Media[i].Port)
            {
                changes.Add(new SdpRemoteChange(i, before, previous.Media[i].Port, after, current.Media[i].Port));
            }
        }

        return changes;
    }

    private static SdpMediaDescription Reject(SdpMediaDescription offered)
    {
        var rejected = new SdpMediaDescription(offered.Media, 0, offered.Protocol);
        rejected.Formats.Add(offered.Formats.Count > 0 ? offered.Formats[0] : "0");
        return rejected;
    }

    private static void AddFormat(SdpMediaDescription media, SdpRtpMap map, string? fmtp)
    {
        var pt = map.PayloadType.ToString(CultureInfo.InvariantCulture);
        media.Formats.Add(pt);
        media.Attributes.Add(new SdpAttributeLine("rtpmap", map.ToString()));
        if (fmtp is not null)
        {
            media.Attributes.Add(new SdpAttributeLine("fmtp", $"{pt} {fmtp}"));
        }
    }

    private static SdpRtpMap? FindTelephoneEvent(SdpMediaDescription media, int clockRate)
    {
        SdpRtpMap? any = null;
        foreach (var pt in media.PayloadTypes())
        {
            var map = media.GetRtpMap(pt);
            if (map is not null && string.Equals(map.EncodingName, TelephoneEventName, StringComparison.OrdinalIgnoreCase))
            {
                if (map.ClockRate == clockRate)
                {
                    return map;
                }

                any ??= map;
            }
        }

        return any;
    }

    private static SdpNegotiatedAudio Negotiated(SdpSessionDescription remote, SdpMediaDescription media, int index, List<(SdpRtpMap Map, SdpCodec Local)> codecs, SdpDirection direction)
    {
        var connection = remote.ConnectionOf(media);
        var telephoneEvent = FindTelephoneEvent(media, codecs[0].Map.ClockRate);
        return new SdpNegotiatedAudio(
            index,
            codecs[0].Map,
            media.GetFmtp(codecs[0].Map.PayloadType),
            codecs.Skip(1).Select(c => c.Map).ToArray(),
            telephoneEvent,
            connection is null || connection.IsHoldAddress ? null : connection.Address,
            media.Port,
            direction,
            media.Ptime);
    }

    private SdpMediaDescription? TryAccept(SdpSessionDescription offer, SdpMediaDescription offered, int index, SdpDirection localDirection, out SdpNegotiatedAudio? audio)
    {
        audio = null;
        if (offered.Media != "audio" || offered.Port == 0 || offered.Protocol != "RTP/AVP" || offer.ConnectionOf(offered) is null)
        {
            return null;
        }

        var codecs = MatchCodecs(offered);
        if (codecs.Count == 0)
        {
            return null;
        }

        var direction = offer.DirectionOf(offered).Reverse().Intersect(localDirection);
        audio = Negotiated(offer, offered, index, codecs, direction);
        var media = new SdpMediaDescription("audio", Port, "RTP/AVP");
        foreach (var (map, local) in codecs)
        {
            AddFormat(media, map, local.Fmtp);
        }

        if (audio.TelephoneEvent is { } te)
        {
            AddFormat(media, te, offered.GetFmtp(te.PayloadType) ?? "0-16");
        }

        FinishMedia(media, direction);
        return media;
    }

    private List<(SdpRtpMap Map, SdpCodec Local)> MatchCodecs(SdpMediaDescription offered)
    {
        var result = new List<(SdpRtpMap, SdpCodec)>();
        foreach (var local in _preferences)
        {
            var wanted = local.ToRtpMap(local.PayloadType);
            foreach (var pt in offered.PayloadTypes())
            {
                var map = offered.GetRtpMap(pt);
                if (map is not null && map.SameCodec(wanted))
                {
                    result.Add((map, local));
                    break;
                }
            }
        }

        return result;
    }

    private void FinishMedia(SdpMediaDescription media, SdpDirection direction)
    {
        media.Attributes.Add(new SdpAttributeLine("ptime", Ptime.ToString(CultureInfo.InvariantCulture)));
        media.Attributes.Add(new SdpAttributeLine(direction.ToAttributeName()));
    }

    private SdpSessionDescription Describe(params SdpMediaDescription[] media)
    {
        var description = new SdpSessionDescription(new SdpOrigin("-", SessionId.ToString(CultureInfo.InvariantCulture), Version, AddressType, Address))
        {
            Connection = new SdpConnection(AddressType, Address),
        };
        foreach (var m in media)
        {
            description.Media.Add(m);
        }

        // RFC 3264 §8: the version grows by one when the description differs from the last one we sent.
        var body = SdpSerializer.Serialize(description);
        body = body[body.IndexOf("\r\ns=", StringComparison.Ordinal)..];
        if (_lastBody is not null && body != _lastBody)
        {
            Version++;
            description.Origin = description.Origin with { SessionVersion = Version };
        }

        _lastBody = body;
        return description;
    }
}
