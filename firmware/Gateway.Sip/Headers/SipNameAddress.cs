using System.Globalization;
using Gateway.Sip.Message;
using Gateway.Sip.Uris;

namespace Gateway.Sip.Headers;

/// <summary>
/// ( name-addr / addr-spec ) *( SEMI param ) as in From, To, Contact, Route (RFC 3261 §20.10).
/// Parameters after a bare addr-spec belong to the header, never to the URI.
/// </summary>
public sealed class SipNameAddress
{
    private SipNameAddress(AddressUri uri, SipText displayName, bool displayNameQuoted, bool isNameAddr, SipParameters parameters)
    {
        Uri = uri;
        DisplayName = displayName;
        DisplayNameQuoted = displayNameQuoted;
        IsNameAddr = isNameAddr;
        Parameters = parameters;
    }

    /// <summary>The URI.</summary>
    public AddressUri Uri { get; }

    /// <summary>The display name; for a quoted one, the text between the quotes with quoted-pairs kept.</summary>
    public SipText DisplayName { get; }

    /// <summary>True when the display name was a quoted string.</summary>
    public bool DisplayNameQuoted { get; }

    /// <summary>True when the URI was enclosed in &lt;&gt;.</summary>
    public bool IsNameAddr { get; }

    /// <summary>Header parameters (tag, expires, q, +sip.instance, ...).</summary>
    public SipParameters Parameters { get; }

    /// <summary>The tag parameter, or null.</summary>
    public string? Tag => Parameters.GetString("tag");

    /// <summary>The expires parameter clamped to 2^32-1, or null when absent or not a number.</summary>
    public uint? Expires =>
        Parameters.TryGetValue("expires", out var v) ? SipNumber.ParseClamped(v.Span) : null;

    /// <summary>The q parameter, or null when absent or invalid.</summary>
    public double? Q =>
        Parameters.TryGetValue("q", out var v) && double.TryParse(v.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1 ? q : null;

    /// <summary>The +sip.instance parameter without its quotes, or null.</summary>
    public string? SipInstance => Parameters.GetString("+sip.instance");

    /// <summary>Parses one value.</summary>
    /// <param name="value">The value, already split from any list.</param>
    /// <param name="baseOffset">Offset of the value in the message.</param>
    /// <param name="allowParameters">False for headers such as P-Asserted-Identity that take none.</param>
    /// <returns>The parsed value.</returns>
    /// <exception cref="SipParseException">The value is malformed.</exception>
    public static SipNameAddress Parse(ReadOnlyMemory<byte> value, long baseOffset, bool allowParameters = true)
    {
        var c = new SipCursor(value, baseOffset);
        var result = Parse(ref c, allowParameters);
        c.SkipWs();
        if (!c.End)
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "unexpected text after address");
        }

        return result;
    }

    internal static SipNameAddress Parse(ref SipCursor c, bool allowParameters)
    {
        c.SkipWs();
        SipText display = default;
        var quoted = false;
        if (c.Peek == '"')
        {
            display = new SipText(c.ReadQuotedString());
            quoted = true;
            c.SkipWs();
            if (c.Peek != '<')
            {
                c.Throw(SipParseErrorCode.InvalidHeaderValue, "expected '<' after the display name");
            }
        }
        else if (c.Peek != '<')
        {
            var start = c.Position;
            var first = c.ReadWhile(SipChars.Token);
            if (first.IsEmpty)
            {
                c.Throw(SipParseErrorCode.InvalidHeaderValue, "expected a display name or a URI");
            }

            if (c.Peek == ':')
            {
                c.Position = start;
                return ParseAddrSpec(ref c, allowParameters);
            }

            // display-name = *(token LWS); RFC 4475 §3.1.1.6 accepts a token directly followed by '<'.
            var end = c.Position;
            while (true)
            {
                c.SkipWs();
                if (c.Peek == '<')
                {
                    break;
                }

                if (c.ReadWhile(SipChars.Token).IsEmpty)
                {
                    c.Throw(SipParseErrorCode.InvalidHeaderValue, "display name must be tokens or a quoted string");
                }

                end = c.Position;
            }

            display = new SipText(c.Slice(start, end));
        }

        c.Position++;
        var uriStart = c.Position;
        var close = c.Remaining.IndexOf((byte)'>');
        if (close < 0)
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "missing '>'");
        }

        var uriText = c.Slice(uriStart, uriStart + close);
        if (uriText.IsEmpty || SipCursor.IsWs(uriText.Span[0]) || SipCursor.IsWs(uriText.Span[^1]))
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "no white space allowed inside <>");
        }

        var uri = AddressUri.Parse(uriText, c.AbsoluteOffset);
        c.Position = uriStart + close + 1;
        var parameters = allowParameters ? SipParameters.ParseGeneric(ref c) : SipParameters.Empty;
        return new SipNameAddress(uri, display, quoted, true, parameters);
    }

    private static SipNameAddress ParseAddrSpec(ref SipCursor c, bool allowParameters)
    {
        var start = c.Position;
        var rest = c.Remaining;
        var length = rest.IndexOfAny((byte)';', (byte)' ', (byte)'\t');
        if (length < 0)
        {
            length = rest.Length;
        }

        var uriText = c.Slice(start, start + length);
        var special = uriText.Span.IndexOfAny((byte)'?', (byte)',');
        if (special >= 0)
        {
            c.Position = start + special;
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "a URI with '?' or ',' must be enclosed in <>");
        }

        var uri = AddressUri.Parse(uriText, c.AbsoluteOffset);
        c.Position = start + length;
        var parameters = allowParameters ? SipParameters.ParseGeneric(ref c) : SipParameters.Empty;
        return new SipNameAddress(uri, default, false, false, parameters);
    }

    /// <summary>Formats the value in name-addr form.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var display = DisplayName.IsEmpty ? string.Empty : DisplayNameQuoted ? $"\"{DisplayName}\" " : $"{DisplayName} ";
        return $"{display}<{Uri}>{Parameters}";
    }
}
