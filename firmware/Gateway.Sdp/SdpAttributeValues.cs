using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Gateway.Sdp;

/// <summary>Parsers for the values of the attributes this stack reads (rtpmap, ptime).</summary>
public static class SdpAttributeValues
{
    /// <summary>Parses "&lt;pt&gt; &lt;name&gt;/&lt;clock&gt;[/&lt;channels&gt;]".</summary>
    public static bool TryParseRtpMap(string value, [NotNullWhen(true)] out SdpRtpMap? map)
    {
        ArgumentNullException.ThrowIfNull(value);
        map = null;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !TryParseNumber(value.AsSpan(0, space), 127, out var pt))
        {
            return false;
        }

        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || !TryParseNumber(parts[1], 10_000_000, out var clock) || clock == 0)
        {
            return false;
        }

        int? channels = null;
        if (parts.Length == 3)
        {
            if (!TryParseNumber(parts[2], 255, out var c) || c == 0)
            {
                return false;
            }

            channels = c;
        }

        map = new SdpRtpMap(pt, parts[0], clock, channels);
        return true;
    }

    /// <summary>Parses a decimal number of at most <paramref name="max"/> with no sign or spaces.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, int max, out int value)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
}
