using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Gateway.Sip.Message;

/// <summary>
/// The one place that knows RFC 3261 §7 line structure: start line, header fields, continuation
/// lines. It works on a contiguous header section and reports offsets, so callers decide what to copy.
/// </summary>
internal static partial class SipHeadScanner
{
    // Sections up to this size are indexed in a stack buffer (2 KiB of bits); larger ones are rare enough for the precise path.
    private const int MaxIndexedLength = 16 * 1024;

    /// <summary>Scans a header section that starts at the start line and ends after the last header line's CRLF.</summary>
    /// <remarks>The last line may lack its CRLF: a datagram may end where its headers end.</remarks>
    public static bool TryScan<TSink>(ReadOnlySpan<byte> head, ref TSink sink, SipParserOptions options, out SipParseError error)
        where TSink : IHeadSink
    {
        if (head.Length <= MaxIndexedLength)
        {
            Span<ulong> words = stackalloc ulong[SipLineBreaks.WordsFor(head.Length)];
            if (SipLineBreaks.TryCreate(head, words, out var breaks))
            {
                return TryScanIndexed(head, breaks, ref sink, options, out error);
            }
        }

        return TryScanPrecise(head, ref sink, options, out error);
    }

    /// <summary>
    /// The fast path: every CR is known to start a CRLF, so a line ends at the next CR and no byte of a
    /// value needs looking at except the few around its ends.
    /// </summary>
    private static bool TryScanIndexed<TSink>(ReadOnlySpan<byte> head, scoped in SipLineBreaks breaks, ref TSink sink, SipParserOptions options, out SipParseError error)
        where TSink : IHeadSink
    {
        sink.Prepare(breaks.Count);
        var lineEnd = breaks.Next(0);
        if (!TryStartLine(head, lineEnd, options, ref sink, out error))
        {
            return false;
        }

        var pos = lineEnd + 2;
        var count = 0;
        while (pos < head.Length)
        {
            var start = pos;
            if (SipChars.IsWsp(head[start]))
            {
                return Fail(SipParseErrorCode.UnexpectedContinuation, start, "continuation line without a header", out error);
            }

            var cr = breaks.Next(start);
            var p = start;
            while (p < cr && SipChars.IsToken(head[p]))
            {
                p++;
            }

            var nameLength = p - start;
            if (nameLength == 0)
            {
                return Fail(SipParseErrorCode.InvalidHeaderName, start, "header name is not a token", out error);
            }

            while (p < cr && SipChars.IsWsp(head[p]))
            {
                p++;
            }

            if (p == cr || head[p] != (byte)':')
            {
                return Fail(SipParseErrorCode.MissingColon, p, "expected ':' after header name", out error);
            }

            // A CRLF followed by SP or HT continues the value (RFC 3261 §7.3.1).
            var end = cr;
            var folded = false;
            while (end + 2 < head.Length && SipChars.IsWsp(head[end + 2]))
            {
                folded = true;
                end = breaks.Next(end + 3);
            }

            if (!TryFinishHeader(head, start, nameLength, p + 1, end, folded, options, out var header, out error)
                || !TryDeliver(head, header, ++count, options, ref sink, out error))
            {
                return false;
            }

            pos = end + 2;
        }

        error = default;
        return true;
    }

    /// <summary>Checks the line length, trims the value and names the header; shared by both paths so they cannot drift apart.</summary>
    private static bool TryFinishHeader(ReadOnlySpan<byte> head, int start, int nameLength, int valueStart, int end, bool folded, SipParserOptions options, out SipHeaderSpan header, out SipParseError error)
    {
        if (end - start > options.MaxLineLength)
        {
            header = default;
            return FailLineTooLong(start, options.MaxLineLength, out error);
        }

        var vs = valueStart;
        while (vs < end && IsLws(head[vs]))
        {
            vs++;
        }

        var ve = end;
        while (ve > vs && IsLws(head[ve - 1]))
        {
            ve--;
        }

        folded = folded && head[vs..ve].Contains((byte)'\r');
        var id = SipHeaderNames.IdentifyToken(head.Slice(start, nameLength));
        header = new SipHeaderSpan(id, start, nameLength, vs, ve - vs, folded);
        error = default;
        return true;
    }

    private static bool TryDeliver<TSink>(ReadOnlySpan<byte> head, in SipHeaderSpan header, int count, SipParserOptions options, ref TSink sink, out SipParseError error)
        where TSink : IHeadSink
    {
        if (count > options.MaxHeaderCount)
        {
            return FailTooManyHeaders(header.NameStart, options.MaxHeaderCount, out error);
        }

        return sink.OnHeader(head, header, out error);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryStartLine<TSink>(ReadOnlySpan<byte> head, int lineEnd, SipParserOptions options, ref TSink sink, out SipParseError error)
        where TSink : IHeadSink
    {
        if (lineEnd > options.MaxLineLength)
        {
            return Fail(SipParseErrorCode.LineTooLong, options.MaxLineLength, "start line too long", out error);
        }

        var line = head[..lineEnd];
        if (line.Length >= 4 && IsSipSlash(line))
        {
            return TryStatusLine(head, line, ref sink, out error);
        }

        var sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0)
        {
            return Fail(SipParseErrorCode.InvalidStartLine, sp1 < 0 ? lineEnd : 0, "expected 'Method SP Request-URI SP SIP-Version'", out error);
        }

        var bad = line[..sp1].IndexOfAnyExcept(SipChars.Token);
        if (bad >= 0)
        {
            return Fail(SipParseErrorCode.InvalidMethod, bad, "method is not a token", out error);
        }

        if (line[^1] == (byte)' ')
        {
            return Fail(SipParseErrorCode.InvalidStartLine, lineEnd - 1, "trailing white space after SIP-Version", out error);
        }

        var sp2 = line.LastIndexOf((byte)' ');
        if (sp2 == sp1)
        {
            return Fail(SipParseErrorCode.InvalidStartLine, lineEnd, "missing SIP-Version", out error);
        }

        var uriStart = sp1 + 1;
        var uri = line[uriStart..sp2];
        if (!TryRequestUri(uri, uriStart, out error))
        {
            return false;
        }

        var versionStart = sp2 + 1;
        if (!IsVersion(line[versionStart..]))
        {
            return Fail(SipParseErrorCode.InvalidVersion, versionStart, "expected SIP-Version 'SIP/x.y' after one SP", out error);
        }

        sink.OnRequestLine(head, lineEnd, sp1, uriStart, uri.Length, versionStart);
        return true;
    }

    private static bool TryRequestUri(ReadOnlySpan<byte> uri, int offset, out SipParseError error)
    {
        if (uri.IsEmpty || uri[0] == (byte)' ')
        {
            return Fail(SipParseErrorCode.InvalidStartLine, offset, "elements of the Request-Line must be separated by exactly one SP", out error);
        }

        var bad = uri.IndexOfAnyExcept(SipChars.UriChars);
        if (bad >= 0)
        {
            return Fail(SipParseErrorCode.InvalidRequestUri, offset + bad, "invalid character in Request-URI", out error);
        }

        var colon = uri.IndexOf((byte)':');
        if (colon <= 0 || !SipChars.IsAlpha(uri[0]) || uri[..colon].IndexOfAnyExcept(SipChars.SchemeChars) >= 0)
        {
            return Fail(SipParseErrorCode.InvalidRequestUri, offset, "Request-URI must be an absolute URI with a scheme", out error);
        }

        error = default;
        return true;
    }

    private static bool TryStatusLine<TSink>(ReadOnlySpan<byte> head, ReadOnlySpan<byte> line, ref TSink sink, out SipParseError error)
        where TSink : IHeadSink
    {
        var sp = line.IndexOf((byte)' ');
        var versionLength = sp < 0 ? line.Length : sp;
        if (!IsVersion(line[..versionLength]))
        {
            return Fail(SipParseErrorCode.InvalidVersion, 0, "expected SIP-Version 'SIP/x.y'", out error);
        }

        var c = sp + 1;
        if (sp < 0 || line.Length < c + 4 || !SipChars.IsDigit(line[c]) || !SipChars.IsDigit(line[c + 1])
            || !SipChars.IsDigit(line[c + 2]) || line[c + 3] != (byte)' ')
        {
            return Fail(SipParseErrorCode.InvalidStatusCode, sp < 0 ? line.Length : c, "expected a three-digit Status-Code followed by SP", out error);
        }

        var code = ((line[c] - '0') * 100) + ((line[c + 1] - '0') * 10) + (line[c + 2] - '0');
        if (code is < 100 or > 699)
        {
            return Fail(SipParseErrorCode.InvalidStatusCode, c, "Status-Code must be 100 to 699", out error);
        }

        sink.OnStatusLine(head, line.Length, versionLength, code, c + 4, line.Length - (c + 4));
        error = default;
        return true;
    }

    private static bool IsSipSlash(ReadOnlySpan<byte> s) =>
        (s[0] | 0x20) == 's' && (s[1] | 0x20) == 'i' && (s[2] | 0x20) == 'p' && s[3] == (byte)'/';

    /// <summary>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT.</summary>
    private static bool IsVersion(ReadOnlySpan<byte> v)
    {
        if (v.Length < 7 || !IsSipSlash(v))
        {
            return false;
        }

        var rest = v[4..];
        var dot = rest.IndexOf((byte)'.');
        return dot > 0 && dot < rest.Length - 1
            && !rest[..dot].ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && !rest[(dot + 1)..].ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLws(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    // The messages are formatted out of line so the hot loop carries no string-building code.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool FailLineTooLong(int offset, int max, out SipParseError error) =>
        Fail(SipParseErrorCode.LineTooLong, offset, $"header line longer than {max} bytes", out error);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool FailTooManyHeaders(int offset, int max, out SipParseError error) =>
        Fail(SipParseErrorCode.TooManyHeaders, offset, $"more than {max} header fields", out error);

    [StackTraceHidden]
    private static bool Fail(SipParseErrorCode code, int offset, string detail, out SipParseError error)
    {
        error = new SipParseError(code, offset, detail);
        return false;
    }
}
