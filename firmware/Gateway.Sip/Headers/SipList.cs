using Gateway.Sip.Message;

namespace Gateway.Sip.Headers;

/// <summary>Splits comma-separated header values where commas inside quotes or &lt;...&gt; do not count.</summary>
internal static class SipList
{
    /// <summary>Returns the index of the comma ending the element that starts at <paramref name="start"/>, or the length.</summary>
    public static int ElementEnd(ReadOnlySpan<byte> value, int start)
    {
        var inQuotes = false;
        var inAngles = false;
        for (var i = start; i < value.Length; i++)
        {
            var b = value[i];
            if (inQuotes)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inQuotes = false;
                }
            }
            else if (b == (byte)'"')
            {
                inQuotes = true;
            }
            else if (b == (byte)'<')
            {
                inAngles = true;
            }
            else if (b == (byte)'>')
            {
                inAngles = false;
            }
            else if (b == (byte)',' && !inAngles)
            {
                return i;
            }
        }

        return value.Length;
    }

    /// <summary>Calls <paramref name="parse"/> for each trimmed element; empty elements are an error unless allowed.</summary>
    public static void ForEach<TState>(ReadOnlyMemory<byte> value, long baseOffset, bool allowEmpty, TState state, Action<ReadOnlyMemory<byte>, long, TState> parse)
    {
        var span = value.Span;
        var start = 0;
        while (start <= span.Length)
        {
            var end = ElementEnd(span, start);
            var s = start;
            var e = end;
            while (s < e && SipCursor.IsWs(span[s]))
            {
                s++;
            }

            while (e > s && SipCursor.IsWs(span[e - 1]))
            {
                e--;
            }

            if (s == e)
            {
                if (!allowEmpty)
                {
                    throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidHeaderValue, baseOffset + s, "empty list element"));
                }
            }
            else
            {
                parse(value[s..e], baseOffset + s, state);
            }

            start = end + 1;
        }
    }
}
