using Gateway.Sip.Headers;

namespace Gateway.Sip.Message;

/// <summary>The grammar each known header is parsed with, in one table-like switch.</summary>
internal static class SipTypedHeaders
{
    /// <summary>Parses one header line to check its syntax; the result is discarded.</summary>
    public static void ParseLine(SipHeaderId id, ReadOnlyMemory<byte> value, long offset)
    {
        switch (id)
        {
            case SipHeaderId.Via:
                ParseList(value, offset, false, SipVia.Parse);
                break;
            case SipHeaderId.From or SipHeaderId.To or SipHeaderId.ReferTo or SipHeaderId.ReferredBy:
                SipNameAddress.Parse(value, offset);
                break;
            case SipHeaderId.Contact:
                SipContactList.Parse([(value, offset)]);
                break;
            case SipHeaderId.Route or SipHeaderId.RecordRoute:
                ParseList(value, offset, false, ParseRoute);
                break;
            case SipHeaderId.PAssertedIdentity:
                ParseList(value, offset, false, ParseIdentity);
                break;
            case SipHeaderId.CallId:
                ParseCallId(value, offset);
                break;
            case SipHeaderId.CSeq:
                SipCSeq.Parse(value, offset);
                break;
            case SipHeaderId.MaxForwards:
                ParseMaxForwards(value, offset);
                break;
            case SipHeaderId.Expires or SipHeaderId.MinExpires:
                ParseDeltaSeconds(value, offset);
                break;
            case SipHeaderId.ContentType:
                SipMediaType.Parse(value, offset);
                break;
            case SipHeaderId.Accept:
                ParseList(value, offset, true, SipMediaType.Parse);
                break;
            case SipHeaderId.Allow or SipHeaderId.Supported:
                ParseList(value, offset, true, ParseToken);
                break;
            case SipHeaderId.Require or SipHeaderId.ProxyRequire or SipHeaderId.Unsupported:
                ParseList(value, offset, false, ParseToken);
                break;
            case SipHeaderId.WwwAuthenticate or SipHeaderId.ProxyAuthenticate:
                SipAuthChallenge.Parse(value, offset);
                break;
            case SipHeaderId.Authorization or SipHeaderId.ProxyAuthorization:
                SipAuthCredentials.Parse(value, offset);
                break;
            case SipHeaderId.AlertInfo or SipHeaderId.Geolocation:
                ParseList(value, offset, false, SipUriReference.Parse);
                break;
            default:
                break;
        }
    }

    public static List<T> ParseList<T>(ReadOnlyMemory<byte> value, long offset, bool allowEmpty, Func<ReadOnlyMemory<byte>, long, T> parse, List<T>? into = null)
    {
        into ??= [];
        if (allowEmpty && value.Span.Trim(" \t"u8).IsEmpty)
        {
            return into;
        }

        SipList.ForEach(value, offset, allowEmpty, (into, parse), static (element, at, state) => state.into.Add(state.parse(element, at)));
        return into;
    }

    public static SipNameAddress ParseRoute(ReadOnlyMemory<byte> value, long offset)
    {
        var address = SipNameAddress.Parse(value, offset);
        if (!address.IsNameAddr)
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidHeaderValue, offset, "route must be a name-addr in <>"));
        }

        return address;
    }

    public static SipNameAddress ParseIdentity(ReadOnlyMemory<byte> value, long offset) =>
        SipNameAddress.Parse(value, offset, allowParameters: false);

    public static SipText ParseToken(ReadOnlyMemory<byte> value, long offset)
    {
        var bad = value.Span.IndexOfAnyExcept(SipChars.Token);
        if (bad >= 0)
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidHeaderValue, offset + bad, "expected a token"));
        }

        return new SipText(value);
    }

    /// <summary>callid = word [ "@" word ].</summary>
    public static SipText ParseCallId(ReadOnlyMemory<byte> value, long offset)
    {
        var span = value.Span;
        var at = span.IndexOf((byte)'@');
        var left = at < 0 ? span : span[..at];
        var right = at < 0 ? [] : span[(at + 1)..];
        var bad = left.IndexOfAnyExcept(SipChars.Word);
        if (left.IsEmpty || bad >= 0)
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidHeaderValue, offset + Math.Max(bad, 0), "Call-ID must be word [\"@\" word]"));
        }

        bad = right.IndexOfAnyExcept(SipChars.Word);
        if (at >= 0 && (right.IsEmpty || bad >= 0))
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidHeaderValue, offset + at + 1 + Math.Max(bad, 0), "Call-ID must be word [\"@\" word]"));
        }

        return new SipText(value);
    }

    public static int ParseMaxForwards(ReadOnlyMemory<byte> value, long offset) =>
        (int)SipNumber.ParseBounded(value, offset, 255, clamp: false, "Max-Forwards");

    public static uint ParseDeltaSeconds(ReadOnlyMemory<byte> value, long offset) =>
        SipNumber.ParseBounded(value, offset, uint.MaxValue, clamp: true, "delta-seconds");
}
