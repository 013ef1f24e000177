using Gateway.Sip.Message;
using Gateway.Sip.Uris;

namespace Gateway.Sip.Headers;

/// <summary>LAQUOT absoluteURI RAQUOT *( SEMI generic-param ), as in Alert-Info, Call-Info and Geolocation.</summary>
public sealed class SipUriReference
{
    private SipUriReference(AddressUri uri, SipParameters parameters)
    {
        Uri = uri;
        Parameters = parameters;
    }

    /// <summary>The URI between the angle brackets.</summary>
    public AddressUri Uri { get; }

    /// <summary>The parameters after it.</summary>
    public SipParameters Parameters { get; }

    /// <summary>Parses one element.</summary>
    /// <param name="value">The element.</param>
    /// <param name="baseOffset">Offset in the message.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SipParseException">The value is malformed.</exception>
    public static SipUriReference Parse(ReadOnlyMemory<byte> value, long baseOffset)
    {
        var c = new SipCursor(value, baseOffset);
        c.SkipWs();
        if (c.Peek != '<')
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "expected '<'");
        }

        c.Position++;
        var close = c.Remaining.IndexOf((byte)'>');
        if (close <= 0)
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "expected a URI and '>'");
        }

        var uri = AddressUri.Parse(c.Slice(c.Position, c.Position + close), c.AbsoluteOffset);
        c.Position += close + 1;
        var parameters = SipParameters.ParseGeneric(ref c);
        c.SkipWs();
        if (!c.End)
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "unexpected text after URI reference");
        }

        return new SipUriReference(uri, parameters);
    }
}
