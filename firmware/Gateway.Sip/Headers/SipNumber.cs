using Gateway.Sip.Message;

namespace Gateway.Sip.Headers;

/// <summary>Decimal parsing that reports overflow instead of wrapping or throwing.</summary>
internal static class SipNumber
{
    public static bool TryParseUInt32(ReadOnlySpan<byte> digits, out uint value)
    {
        ulong n = 0;
        value = 0;
        foreach (var d in digits)
        {
            if (!SipChars.IsDigit(d))
            {
                return false;
            }

            n = (n * 10) + (uint)(d - '0');
            if (n > uint.MaxValue)
            {
                return false;
            }
        }

        value = (uint)n;
        return digits.Length > 0;
    }

    /// <summary>Parses 1*DIGIT, clamping values above 2^32-1 (as RFC 3261 §20.19 does for delta-seconds); null when not digits.</summary>
    public static uint? ParseClamped(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty || digits.IndexOfAnyExcept(SipChars.Digits) >= 0)
        {
            return null;
        }

        return TryParseUInt32(digits, out var n) ? n : uint.MaxValue;
    }

    /// <summary>Parses 1*DIGIT with surrounding white space, failing on anything else or on values above <paramref name="max"/>.</summary>
    public static uint ParseBounded(ReadOnlyMemory<byte> value, long baseOffset, uint max, bool clamp, string what)
    {
        var c = new SipCursor(value, baseOffset);
        c.SkipWs();
        var offset = c.AbsoluteOffset;
        var digits = c.ReadWhile(SipChars.Digits);
        c.SkipWs();
        if (digits.IsEmpty || !c.End)
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidHeaderValue, offset, $"{what} must be a decimal number"));
        }

        if (!TryParseUInt32(digits.Span, out var n) || n > max)
        {
            if (clamp)
            {
                return max;
            }

            throw new SipParseException(new SipParseError(SipParseErrorCode.NumberOutOfRange, offset, $"{what} exceeds {max}"));
        }

        return n;
    }
}
