using Gateway.Sip.Message;

namespace Gateway.Sip.Uris;

/// <summary>A tel: URI (RFC 3966): a telephone number with parameters.</summary>
public sealed class TelUri : AddressUri
{
    private TelUri(SipText text, SipText scheme, SipText number, SipParameters parameters)
        : base(text, scheme)
    {
        Number = number;
        Parameters = parameters;
    }

    /// <summary>The number as written, e.g. "+1-201-555-0123".</summary>
    public SipText Number { get; }

    /// <summary>Parameters such as phone-context.</summary>
    public SipParameters Parameters { get; }

    /// <summary>True when the number starts with '+'.</summary>
    public bool IsGlobal => !Number.IsEmpty && Number.Span[0] == (byte)'+';

    internal static TelUri ParseAfterScheme(ReadOnlyMemory<byte> text, SipText scheme, int start, long baseOffset)
    {
        var span = text.Span;
        var semi = span[start..].IndexOf((byte)';');
        var end = semi < 0 ? span.Length : start + semi;
        var number = text[start..end];
        if (number.IsEmpty || number.Span.IndexOfAnyExcept(SipChars.TelChars) >= 0)
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidUri, baseOffset + start, "invalid telephone number"));
        }

        var cursor = new SipCursor(text[end..], baseOffset + end);
        var parameters = SipUri.ParseUriParameters(ref cursor);
        if (!cursor.End)
        {
            cursor.Throw(SipParseErrorCode.InvalidUri, "unexpected character in tel URI");
        }

        return new TelUri(new SipText(text), scheme, new SipText(number), parameters);
    }
}
