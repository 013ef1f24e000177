using System.Runtime.CompilerServices;

namespace Gateway.Sip.Message;

/// <summary>
/// The byte-by-byte scanner: it takes any input, including bare CR or LF and sections too large to
/// index on the stack, and reports the exact error. Valid input gives the same result as the indexed path.
/// </summary>
internal static partial class SipHeadScanner
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool TryScanPrecise<TSink>(ReadOnlySpan<byte> head, ref TSink sink, SipParserOptions options, out SipParseError error)
        where TSink : IHeadSink
    {
        sink.Prepare(head.Count("\r\n"u8));
        var eol = head.IndexOf("\r\n"u8);
        var lineEnd = eol < 0 ? head.Length : eol;
        if (!TryStartLine(head, lineEnd, options, ref sink, out error))
        {
            return false;
        }

        var pos = eol < 0 ? head.Length : eol + 2;
        var count = 0;
        while (pos < head.Length)
        {
            if (!TryHeaderLinePrecise(head, ref pos, options, out var header, out error)
                || !TryDeliver(head, header, ++count, options, ref sink, out error))
            {
                return false;
            }
        }

        error = default;
        return true;
    }

    private static bool TryHeaderLinePrecise(ReadOnlySpan<byte> head, ref int pos, SipParserOptions options, out SipHeaderSpan header, out SipParseError error)
    {
        header = default;
        var start = pos;
        if (SipChars.IsWsp(head[start]))
        {
            return Fail(SipParseErrorCode.UnexpectedContinuation, start, "continuation line without a header", out error);
        }

        var nameLength = head[start..].IndexOfAnyExcept(SipChars.Token);
        if (nameLength < 0)
        {
            nameLength = head.Length - start;
        }

        if (nameLength == 0)
        {
            return Fail(SipParseErrorCode.InvalidHeaderName, start, "header name is not a token", out error);
        }

        var p = start + nameLength;
        while (p < head.Length && SipChars.IsWsp(head[p]))
        {
            p++;
        }

        if (p >= head.Length || head[p] != (byte)':')
        {
            return Fail(SipParseErrorCode.MissingColon, p, "expected ':' after header name", out error);
        }

        p++;
        var valueStart = p;
        var folded = false;
        int end;
        while (true)
        {
            var idx = head[p..].IndexOfAny((byte)'\r', (byte)'\n');
            if (idx < 0)
            {
                end = head.Length;
                break;
            }

            var at = p + idx;
            if (head[at] == (byte)'\n' || at + 1 >= head.Length || head[at + 1] != (byte)'\n')
            {
                return Fail(SipParseErrorCode.BareLineBreak, at, "CR or LF outside a CRLF line end", out error);
            }

            if (at + 2 < head.Length && SipChars.IsWsp(head[at + 2]))
            {
                folded = true;
                p = at + 3;
                continue;
            }

            end = at;
            break;
        }

        if (!TryFinishHeader(head, start, nameLength, valueStart, end, folded, options, out header, out error))
        {
            return false;
        }

        pos = end + 2;
        return true;
    }
}
