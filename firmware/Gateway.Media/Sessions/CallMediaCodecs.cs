using System.Globalization;
using Gateway.Codecs;
using Gateway.Codecs.G711;
using Gateway.Codecs.G722;
using Gateway.Codecs.Opus;
using Gateway.Sdp;

namespace Gateway.Media.Sessions;

/// <summary>
/// The codec registry of call media: the SDP names a card or board may list (PCMU, PCMA, G722, opus, L16, L16/16000)
/// with what offer/answer writes for them and the codec module that encodes and decodes them.
/// </summary>
public static class CallMediaCodecs
{
    private const int OpusPayloadType = 111;
    private const int L16NarrowPayloadType = 96;
    private const int L16WidePayloadType = 97;

    /// <summary>The board's default preference when neither card nor board names any codec we know.</summary>
    public static IReadOnlyList<string> Defaults { get; } = ["PCMU", "PCMA"];

    /// <summary>The names this registry knows, as a preference list would spell them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["PCMU", "PCMA", "G722", "opus", "L16", "L16/16000"];

    /// <summary>What our offers and answers say for the codec called <paramref name="name"/> (case-insensitive), or null if unknown.</summary>
    /// <param name="name">An SDP encoding name, optionally with "/rate" (L16/16000).</param>
    /// <returns>The SDP codec, or null.</returns>
    public static SdpCodec? Describe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "PCMU" or "PCMU/8000" => new SdpCodec("PCMU", 8000, 0),
            "PCMA" or "PCMA/8000" => new SdpCodec("PCMA", 8000, 8),
            "G722" or "G722/8000" => new SdpCodec("G722", 8000, 9),
            "OPUS" or "OPUS/48000" or "OPUS/48000/2" => new SdpCodec("opus", 48000, OpusPayloadType, 2, new OpusCodec(16000, OpusPayloadType).Fmtp),
            "L16" or "L16/8000" => new SdpCodec("L16", 8000, L16NarrowPayloadType),
            "L16/16000" => new SdpCodec("L16", 16000, L16WidePayloadType),
            _ => null,
        };
    }

    /// <summary>
    /// Our codecs in preference order for <paramref name="preferences"/>: unknown names and repeats are skipped, and
    /// an empty result falls back to <see cref="Defaults"/> so a call never lacks a codec.
    /// </summary>
    /// <param name="preferences">Names by preference (the card's first, then the board's).</param>
    /// <returns>At least one codec.</returns>
    public static IReadOnlyList<SdpCodec> Resolve(IEnumerable<string> preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var result = new List<SdpCodec>();
        foreach (var name in preferences)
        {
            if (name is not null && Describe(name.Trim()) is { } codec && !result.Exists(c => c.ToRtpMap(0).SameCodec(codec.ToRtpMap(0))))
            {
                result.Add(codec);
            }
        }

        return result.Count > 0 ? result : Resolve(Defaults);
    }

    /// <summary>Creates the codec module for a negotiated rtpmap (payload type as negotiated), or null when we have none.</summary>
    /// <param name="map">The negotiated mapping.</param>
    /// <returns>The module, or null.</returns>
    public static IAudioCodec? Create(SdpRtpMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var name = map.EncodingName.ToUpperInvariant();
        var payloadType = map.PayloadType;
        return (name, map.ClockRate) switch
        {
            ("PCMU", 8000) => PcmuCodec.Instance,
            ("PCMA", 8000) => PcmaCodec.Instance,
            ("G722", 8000) => G722Codec.Instance,
            ("OPUS", 48000) when payloadType is >= 96 and <= 127 => new OpusCodec(16000, payloadType),
            ("L16", 8000 or 16000) when payloadType is >= 0 and <= 127 => new L16Codec(map.ClockRate, payloadType),
            _ => null,
        };
    }

    /// <summary>The name a status line shows for a negotiated mapping ("PCMU", "opus", "L16/16000").</summary>
    /// <param name="map">The mapping.</param>
    /// <returns>The name.</returns>
    public static string DisplayName(SdpRtpMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return string.Equals(map.EncodingName, "L16", StringComparison.OrdinalIgnoreCase) && map.ClockRate != 8000
            ? string.Create(CultureInfo.InvariantCulture, $"L16/{map.ClockRate}")
            : map.EncodingName;
    }
}
