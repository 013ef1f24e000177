using System.Globalization;

namespace Gateway.Sdp;

/// <summary>An a=rtpmap value (RFC 8866 §6.6): payload type, encoding name, clock rate, channels.</summary>
/// <param name="PayloadType">The RTP payload type.</param>
/// <param name="EncodingName">The encoding name as written (compare case-insensitively).</param>
/// <param name="ClockRate">RTP clock rate in Hz.</param>
/// <param name="Channels">Channels, or null when not given (meaning 1).</param>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>The mappings of static payload types a peer may offer without rtpmap (RFC 3551 table 4, audio).</summary>
    public static SdpRtpMap? ForStaticPayloadType(int payloadType) => payloadType switch
    {
        0 => new(0, "PCMU", 8000),
        3 => new(3, "GSM", 8000),
        4 => new(4, "G723", 8000),
        8 => new(8, "PCMA", 8000),
        9 => new(9, "G722", 8000),
        18 => new(18, "G729", 8000),
        _ => null,
    };

    /// <summary>Whether this maps the same codec as <paramref name="other"/> (name, clock and channels), whatever the payload type.</summary>
    public bool SameCodec(SdpRtpMap other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(EncodingName, other.EncodingName, StringComparison.OrdinalIgnoreCase)
            && ClockRate == other.ClockRate
            && (Channels ?? 1) == (other.Channels ?? 1);
    }

    /// <summary>The attribute value, e.g. "0 PCMU/8000".</summary>
    public override string ToString() => Channels is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}/{c}")
        : string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}");
}
