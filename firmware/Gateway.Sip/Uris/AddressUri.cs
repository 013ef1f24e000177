using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Sip.Uris;

/// <summary>
/// Any URI that can appear in a Request-URI or an address header. Unknown schemes still parse
/// (as <see cref="AbsoluteUri"/>) so a UAS can answer 416 instead of failing.
/// </summary>
public abstract class AddressUri
{
    private protected AddressUri(SipText text, SipText scheme)
    {
        Text = text;
        Scheme = scheme;
    }

    /// <summary>The whole URI exactly as written.</summary>
    public SipText Text { get; }

    /// <summary>The scheme, as written (compare case-insensitively).</summary>
    public SipText Scheme { get; }

    /// <summary>Parses a URI given as text.</summary>
    /// <param name="text">The URI.</param>
    /// <returns>A <see cref="SipUri"/>, <see cref="TelUri"/> or <see cref="AbsoluteUri"/>.</returns>
    /// <exception cref="SipParseException">The text is not a URI.</exception>
    public static AddressUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(Encoding.UTF8.GetBytes(text), 0);
    }

    /// <summary>Parses a URI from a slice of a message buffer.</summary>
    /// <param name="text">The URI bytes.</param>
    /// <param name="baseOffset">Offset of the slice in the message, for error positions.</param>
    /// <returns>A <see cref="SipUri"/>, <see cref="TelUri"/> or <see cref="AbsoluteUri"/>.</returns>
    /// <exception cref="SipParseException">The text is not a URI.</exception>
    public static AddressUri Parse(ReadOnlyMemory<byte> text, long baseOffset)
    {
        var span = text.Span;
        var colon = span.IndexOf((byte)':');
        if (colon <= 0 || !SipChars.IsAlpha(span[0]) || span[..colon].IndexOfAnyExcept(SipChars.SchemeChars) >= 0)
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidUri, baseOffset, "URI has no valid scheme"));
        }

        var scheme = new SipText(text[..colon]);
        if (scheme.EqualsIgnoreCase("sip") || scheme.EqualsIgnoreCase("sips"))
        {
            return SipUri.ParseAfterScheme(text, scheme, colon + 1, baseOffset);
        }

        if (scheme.EqualsIgnoreCase("tel"))
        {
            return TelUri.ParseAfterScheme(text, scheme, colon + 1, baseOffset);
        }

        var bad = span[(colon + 1)..].IndexOfAnyExcept(SipChars.UriChars);
        if (bad >= 0 || colon + 1 == span.Length)
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidUri, baseOffset + colon + 1 + Math.Max(bad, 0), "invalid character in URI"));
        }

        return new AbsoluteUri(new SipText(text), scheme);
    }

    /// <summary>True for sip: and sips: URIs.</summary>
    public bool IsSip => this is SipUri;

    /// <inheritdoc/>
    public override string ToString() => Text.ToString();
}
