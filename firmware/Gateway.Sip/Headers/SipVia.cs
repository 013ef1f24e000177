using Gateway.Sip.Message;

namespace Gateway.Sip.Headers;

/// <summary>One via-parm: sent-protocol LWS sent-by *( SEMI via-params ) (RFC 3261 §20.42).</summary>
public sealed class SipVia
{
    /// <summary>The magic cookie that marks an RFC 3261 branch (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    private SipVia()
    {
    }

    /// <summary>The protocol name, normally "SIP".</summary>
    public SipText ProtocolName { get; private init; }

    /// <summary>The protocol version, normally "2.0".</summary>
    public SipText ProtocolVersion { get; private init; }

    /// <summary>The transport token (UDP, TCP, TLS, SCTP, WS, or an extension).</summary>
    public SipText Transport { get; private init; }

    /// <summary>The sent-by host.</summary>
    public SipText Host { get; private init; }

    /// <summary>The sent-by port, or null.</summary>
    public int? Port { get; private init; }

    /// <summary>All via-params in order.</summary>
    public SipParameters Parameters { get; private init; } = SipParameters.Empty;

    /// <summary>The branch parameter, or null.</summary>
    public string? Branch => Parameters.GetString("branch");

    /// <summary>True when the branch starts with the magic cookie and has an identifier after it.</summary>
    public bool HasRfc3261Branch =>
        Parameters.TryGetValue("branch", out var b) && b.Length > MagicCookie.Length && b.Span.StartsWith("z9hG4bK"u8);

    /// <summary>The received parameter, or null.</summary>
    public string? Received => Parameters.GetString("received");

    /// <summary>True when an rport parameter is present (RFC 3581).</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>The rport value, or null when absent or empty.</summary>
    public int? RPort =>
        Parameters.TryGetValue("rport", out var v) && SipNumber.TryParseUInt32(v.Span, out var n) && n <= 65535 ? (int)n : null;

    /// <summary>Parses one via-parm.</summary>
    /// <param name="value">The element.</param>
    /// <param name="baseOffset">Offset in the message.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SipParseException">The value is malformed.</exception>
    public static SipVia Parse(ReadOnlyMemory<byte> value, long baseOffset)
    {
        var c = new SipCursor(value, baseOffset);
        c.SkipWs();
        var name = c.ReadToken("protocol-name");
        c.ExpectSeparator((byte)'/', "in sent-protocol");
        var version = c.ReadToken("protocol-version");
        c.ExpectSeparator((byte)'/', "in sent-protocol");
        var transport = c.ReadToken("transport");
        if (!SipCursor.IsWs((byte)Math.Max(c.Peek, 0)))
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "expected white space before sent-by");
        }

        c.SkipWs();
        ReadOnlyMemory<byte> host;
        if (c.Peek == '[')
        {
            var close = c.Remaining.IndexOf((byte)']');
            if (close < 2)
            {
                c.Throw(SipParseErrorCode.InvalidHeaderValue, "invalid IPv6 reference");
            }

            host = c.Slice(c.Position, c.Position + close + 1);
            c.Position += close + 1;
        }
        else
        {
            host = c.ReadWhile(SipChars.HostChars);
            if (host.IsEmpty)
            {
                c.Throw(SipParseErrorCode.InvalidHeaderValue, "missing sent-by host");
            }
        }

        int? port = null;
        if (c.TrySeparator((byte)':'))
        {
            var digits = c.ReadWhile(SipChars.Digits);
            if (!SipNumber.TryParseUInt32(digits.Span, out var p) || p > 65535)
            {
                c.Throw(SipParseErrorCode.InvalidHeaderValue, "invalid sent-by port");
            }

            port = (int)p;
        }

        var parameters = SipParameters.ParseGeneric(ref c);
        c.SkipWs();
        if (!c.End)
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "unexpected text in Via");
        }

        return new SipVia
        {
            ProtocolName = new SipText(name),
            ProtocolVersion = new SipText(version),
            Transport = new SipText(transport),
            Host = new SipText(host),
            Port = port,
            Parameters = parameters,
        };
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{ProtocolName}/{ProtocolVersion}/{Transport} {Host}{(Port is { } p ? ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}{Parameters}";
}
