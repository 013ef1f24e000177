using System.Globalization;
using System.Text;

namespace Gateway.Sdp;

/// <summary>
/// Parses an SDP body (RFC 8866). Strict where it matters for offer/answer (v, o, s, m, c, rtpmap, ptime) and
/// bounded by <see cref="SdpLimits"/>; every problem is an <see cref="SdpParseException"/> with the line number,
/// which the caller turns into 488. No other exception escapes for any input.
/// </summary>
public static class SdpParser
{
    private const string KnownTypes = "vosiuepcbtrzkam";

    /// <summary>Parses UTF-8 bytes.</summary>
    /// <exception cref="SdpParseException">The body is malformed or exceeds the limits.</exception>
    public static SdpSessionDescription Parse(ReadOnlySpan<byte> body, SdpLimits? limits = null)
    {
        limits ??= SdpLimits.Default;
        if (body.Length > limits.MaxLength)
        {
            throw new SdpParseException(0, $"SDP larger than {limits.MaxLength} octets");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new SdpParseException("SDP is not valid UTF-8", ex);
        }

        return Parse(text, limits);
    }

    /// <summary>Parses text.</summary>
    /// <exception cref="SdpParseException">The body is malformed or exceeds the limits.</exception>
    public static SdpSessionDescription Parse(string text, SdpLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= SdpLimits.Default;
        if (text.Length > limits.MaxLength)
        {
            throw new SdpParseException(0, $"SDP larger than {limits.MaxLength} octets");
        }

        var state = new ParseState(limits);
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length == 0)
            {
                // A trailing empty line (after the last CRLF) is normal; an empty line in the middle is tolerated too.
                continue;
            }

            if (line.Length < 2 || line[1] != '=' || KnownTypes.IndexOf(line[0], StringComparison.Ordinal) < 0)
            {
                throw new SdpParseException(lineNumber, "not a <type>=<value> line of a known type");
            }

            state.Line(lineNumber, line[0], line[2..]);
        }

        return state.Finish(lineNumber);
    }

    /// <summary>Parses without throwing; the error carries the line and reason.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out SdpSessionDescription? description, out SdpParseException? error, SdpLimits? limits = null)
    {
        try
        {
            description = Parse(body, limits);
            error = null;
            return true;
        }
        catch (SdpParseException ex)
        {
            description = null;
            error = ex;
            return false;
        }
    }

    internal static SdpConnection ParseConnection(int line, string value)
    {
        var f = value.Split(' ');
        if (f.Length != 3 || f[0] != "IN" || f[1] is not ("IP4" or "IP6") || f[2].Length == 0)
        {
            throw new SdpParseException(line, "c= is not 'IN IP4|IP6 <address>'");
        }

        var slash = f[2].IndexOf('/', StringComparison.Ordinal);
        var address = slash >= 0 ? f[2][..slash] : f[2];
        if (address.Length == 0)
        {
            throw new SdpParseException(line, "c= has no address");
        }

        return new SdpConnection(f[1], address);
    }

    internal static SdpOrigin ParseOrigin(int line, string value)
    {
        var f = value.Split(' ');
        if (f.Length != 6 || f[3] != "IN" || f[4] is not ("IP4" or "IP6") || f[1].Length == 0
            || !f[1].All(char.IsAsciiDigit)
            || !ulong.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new SdpParseException(line, "o= is not '<user> <id> <version> IN IP4|IP6 <address>'");
        }

        return new SdpOrigin(f[0], f[1], version, f[4], f[5]);
    }

    internal static SdpMediaDescription ParseMedia(int line, string value, SdpLimits limits)
    {
        var f = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 4)
        {
            throw new SdpParseException(line, "m= needs media, port, protocol and at least one format");
        }

        if (f.Length - 3 > limits.MaxFormats)
        {
            throw new SdpParseException(line, $"more than {limits.MaxFormats} formats");
        }

        var portText = f[1];
        int? count = null;
        var slash = portText.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!SdpAttributeValues.TryParseNumber(portText.AsSpan(slash + 1), 65535, out var c) || c == 0)
            {
                throw new SdpParseException(line, "bad port count");
            }

            count = c;
            portText = portText[..slash];
        }

        if (!SdpAttributeValues.TryParseNumber(portText, 65535, out var port))
        {
            throw new SdpParseException(line, "bad port");
        }

        var media = new SdpMediaDescription(f[0], port, f[2]) { PortCount = count };
        for (var i = 3; i < f.Length; i++)
        {
            if (media.IsRtp && !SdpAttributeValues.TryParseNumber(f[i], 127, out _))
            {
                throw new SdpParseException(line, $"RTP format '{f[i]}' is not a payload type 0-127");
            }

            media.Formats.Add(f[i]);
        }

        return media;
    }

    internal static SdpAttributeLine ParseAttribute(int line, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = colon >= 0 ? value[..colon] : value;
        if (name.Length == 0 || name.Any(ch => ch <= ' ' || ch >= 127))
        {
            throw new SdpParseException(line, "bad attribute name");
        }

        var attribute = new SdpAttributeLine(name, colon >= 0 ? value[(colon + 1)..] : null);
        switch (name)
        {
            case "rtpmap" when attribute.Value is null || !SdpAttributeValues.TryParseRtpMap(attribute.Value, out _):
                throw new SdpParseException(line, "bad rtpmap");
            case "fmtp" when attribute.Value is null || attribute.Value.IndexOf(' ', StringComparison.Ordinal) <= 0:
                throw new SdpParseException(line, "bad fmtp");
            case "ptime" or "maxptime" when !SdpAttributeValues.TryParseNumber(attribute.Value, 10_000, out var ms) || ms == 0:
                throw new SdpParseException(line, $"bad {name}");
            case "sendrecv" or "sendonly" or "recvonly" or "inactive" when attribute.Value is not null:
                throw new SdpParseException(line, $"{name} takes no value");
        }

        return attribute;
    }
}
