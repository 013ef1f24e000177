using System.Buffers;
using Gateway.Sip.Message;

namespace Gateway.Sip.Uris;

/// <summary>
/// A sip: or sips: URI (RFC 3261 §19.1, §25.1). Every part is a slice of the original text in its
/// escaped form; <see cref="UnescapedUser"/> decodes %HH where the grammar allows "escaped".
/// </summary>
public sealed class SipUri : AddressUri
{
    private SipUri(SipText text, SipText scheme)
        : base(text, scheme)
    {
    }

    /// <summary>True for sips:.</summary>
    public bool IsSecure => Scheme.EqualsIgnoreCase("sips");

    /// <summary>The user part, escaped as written; empty when the URI has no userinfo.</summary>
    public SipText User { get; private init; }

    /// <summary>The password, escaped as written; empty when absent.</summary>
    public SipText Password { get; private init; }

    /// <summary>True when the URI has a user part.</summary>
    public bool HasUser { get; private init; }

    /// <summary>The host: a hostname, an IPv4 address or a bracketed IPv6 reference.</summary>
    public SipText Host { get; private init; }

    /// <summary>The port, or null when absent.</summary>
    public int? Port { get; private init; }

    /// <summary>The uri-parameters (transport, user, lr, maddr, ...), escaped as written.</summary>
    public SipParameters Parameters { get; private init; } = SipParameters.Empty;

    /// <summary>The URI headers after '?', escaped as written.</summary>
    public SipParameters Headers { get; private init; } = SipParameters.Empty;

    /// <summary>The user part with %HH escapes decoded once (no recursive unescaping); NUL bytes are kept.</summary>
    public string UnescapedUser => SipEscaping.UnescapeToString(User.Span);

    /// <summary>The transport parameter, or null.</summary>
    public string? Transport => Parameters.GetString("transport");

    /// <summary>True when the loose-routing flag ";lr" is present.</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    internal static SipUri ParseAfterScheme(ReadOnlyMemory<byte> text, SipText scheme, int start, long baseOffset)
    {
        var span = text.Span;
        var at = span[start..].IndexOf((byte)'@');
        SipText user = default, password = default;
        var hostStart = start;
        if (at >= 0)
        {
            var userinfo = span.Slice(start, at);
            var colon = userinfo.IndexOf((byte)':');
            var userLength = colon < 0 ? at : colon;
            Check(userinfo[..userLength], SipChars.UserChars, baseOffset + start, "user");
            if (userLength == 0)
            {
                Fail(baseOffset + start, "empty user part");
            }

            user = new SipText(text.Slice(start, userLength));
            if (colon >= 0)
            {
                Check(userinfo[(colon + 1)..], SipChars.PasswordChars, baseOffset + start + colon + 1, "password");
                password = new SipText(text.Slice(start + colon + 1, at - colon - 1));
            }

            hostStart = start + at + 1;
        }

        var cursor = new SipCursor(text, baseOffset) { Position = hostStart };
        ReadOnlyMemory<byte> host;
        if (cursor.Peek == '[')
        {
            var close = span[hostStart..].IndexOf((byte)']');
            if (close < 2 || span.Slice(hostStart + 1, close - 1).IndexOfAnyExcept(SipChars.Ipv6Chars) >= 0)
            {
                cursor.Throw(SipParseErrorCode.InvalidUri, "invalid IPv6 reference");
            }

            host = text.Slice(hostStart, close + 1);
            cursor.Position = hostStart + close + 1;
        }
        else
        {
            host = cursor.ReadWhile(SipChars.HostChars);
            if (host.IsEmpty || host.Span[0] is (byte)'.' or (byte)'-')
            {
                cursor.Throw(SipParseErrorCode.InvalidUri, "invalid or missing host");
            }
        }

        int? port = null;
        if (cursor.Peek == ':')
        {
            cursor.Position++;
            var digits = cursor.ReadWhile(SipChars.Digits);
            if (digits.IsEmpty || digits.Length > 5 || ParseInt(digits.Span) > 65535)
            {
                cursor.Throw(SipParseErrorCode.InvalidUri, "invalid port");
            }

            port = ParseInt(digits.Span);
        }

        var parameters = ParseUriParameters(ref cursor);
        var headers = SipParameters.Empty;
        if (cursor.Peek == '?')
        {
            headers = ParseUriHeaders(ref cursor);
        }

        if (!cursor.End)
        {
            cursor.Throw(SipParseErrorCode.InvalidUri, "unexpected character in SIP URI");
        }

        return new SipUri(new SipText(text), scheme)
        {
            User = user,
            Password = password,
            HasUser = at >= 0,
            Host = new SipText(host),
            Port = port,
            Parameters = parameters,
            Headers = headers,
        };
    }

    /// <summary>uri-parameters = *( ";" pname [ "=" pvalue ] ), no white space allowed.</summary>
    internal static SipParameters ParseUriParameters(ref SipCursor cursor)
    {
        var list = default(SipParameters.Builder);
        while (cursor.Peek == ';')
        {
            cursor.Position++;
            var name = ReadChecked(ref cursor, SipChars.ParamChars, "uri-parameter name");
            if (name.IsEmpty)
            {
                cursor.Throw(SipParseErrorCode.InvalidParameter, "empty uri-parameter");
            }

            var param = new SipParameter(new SipText(name), default, false, false);
            if (cursor.Peek == '=')
            {
                cursor.Position++;
                var value = ReadChecked(ref cursor, SipChars.ParamChars, "uri-parameter value");
                if (value.IsEmpty)
                {
                    cursor.Throw(SipParseErrorCode.InvalidParameter, "empty uri-parameter value");
                }

                param = param with { Value = new SipText(value), HasValue = true };
            }

            list.Add(param);
        }

        return list.Build();
    }

    private static SipParameters ParseUriHeaders(ref SipCursor cursor)
    {
        var list = new List<SipParameter>();
        do
        {
            cursor.Position++;
            var name = ReadChecked(ref cursor, SipChars.HeaderChars, "URI header name");
            if (name.IsEmpty || cursor.Peek != '=')
            {
                cursor.Throw(SipParseErrorCode.InvalidUri, "URI header must be hname=hvalue");
            }

            cursor.Position++;
            var value = ReadChecked(ref cursor, SipChars.HeaderChars, "URI header value");
            list.Add(new SipParameter(new SipText(name), new SipText(value), true, false));
        }
        while (cursor.Peek == '&');

        return new SipParameters([.. list]);
    }

    private static ReadOnlyMemory<byte> ReadChecked(ref SipCursor cursor, SearchValues<byte> chars, string what)
    {
        var offset = cursor.AbsoluteOffset;
        var value = cursor.ReadWhile(chars);
        Check(value.Span, chars, offset, what);
        return value;
    }

    private static void Check(ReadOnlySpan<byte> part, SearchValues<byte> allowed, long offset, string what)
    {
        var bad = part.IndexOfAnyExcept(allowed);
        if (bad >= 0)
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidUri, offset + bad, $"invalid character in {what}"));
        }

        var escape = SipEscaping.FindInvalidEscape(part);
        if (escape >= 0)
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidEscape, offset + escape, $"'%' not followed by two hex digits in {what}"));
        }
    }

    private static int ParseInt(ReadOnlySpan<byte> digits)
    {
        var n = 0;
        foreach (var d in digits)
        {
            n = (n * 10) + (d - '0');
        }

        return n;
    }

    private static void Fail(long offset, string detail) =>
        throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidUri, offset, detail));
}
