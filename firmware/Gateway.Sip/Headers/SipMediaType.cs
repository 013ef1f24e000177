using Gateway.Sip.Message;

namespace Gateway.Sip.Headers;

/// <summary>media-type = m-type SLASH m-subtype *(SEMI m-parameter), as in Content-Type and Accept.</summary>
public sealed class SipMediaType
{
    private SipMediaType(SipText type, SipText subtype, SipParameters parameters)
    {
        Type = type;
        Subtype = subtype;
        Parameters = parameters;
    }

    /// <summary>The type, e.g. "application" (or "*" in an Accept range).</summary>
    public SipText Type { get; }

    /// <summary>The subtype, e.g. "sdp" (or "*").</summary>
    public SipText Subtype { get; }

    /// <summary>Parameters such as charset or q.</summary>
    public SipParameters Parameters { get; }

    /// <summary>Parses one media type.</summary>
    /// <param name="value">The value.</param>
    /// <param name="baseOffset">Offset in the message.</param>
    /// <returns>The media type.</returns>
    /// <exception cref="SipParseException">The value is malformed.</exception>
    public static SipMediaType Parse(ReadOnlyMemory<byte> value, long baseOffset)
    {
        var c = new SipCursor(value, baseOffset);
        c.SkipWs();
        var type = c.ReadToken("media type");
        c.ExpectSeparator((byte)'/', "in media type");
        var subtype = c.ReadToken("media subtype");
        var parameters = SipParameters.ParseGeneric(ref c);
        c.SkipWs();
        if (!c.End)
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "unexpected text after media type");
        }

        return new SipMediaType(new SipText(type), new SipText(subtype), parameters);
    }

    /// <summary>True when this (possibly wildcard) range matches the concrete type/subtype.</summary>
    /// <param name="type">The type.</param>
    /// <param name="subtype">The subtype.</param>
    /// <returns>Whether it matches, ignoring case.</returns>
    public bool Matches(string type, string subtype) =>
        (Type.EqualsIgnoreCase("*") || Type.EqualsIgnoreCase(type))
        && (Subtype.EqualsIgnoreCase("*") || Subtype.EqualsIgnoreCase(subtype));

    /// <summary>True when the type/subtype equals "type/subtype" given as one string, ignoring case.</summary>
    /// <param name="mediaType">E.g. "application/sdp".</param>
    /// <returns>Whether it is that media type.</returns>
    public bool Is(string mediaType)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && Type.EqualsIgnoreCase(mediaType[..slash]) && Subtype.EqualsIgnoreCase(mediaType[(slash + 1)..]);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Type}/{Subtype}{Parameters}";
}
