using Gateway.Sip.Message;

namespace Gateway.Sip.Headers;

/// <summary>CSeq = 1*DIGIT LWS Method, with the number limited to 2^32-1 (RFC 3261 §8.1.1.5).</summary>
public sealed class SipCSeq
{
    /// <summary>Creates a value.</summary>
    /// <param name="number">The sequence number.</param>
    /// <param name="method">The method.</param>
    public SipCSeq(uint number, SipText method)
    {
        Number = number;
        Method = method;
    }

    /// <summary>The sequence number.</summary>
    public uint Number { get; }

    /// <summary>The method, case-sensitive.</summary>
    public SipText Method { get; }

    /// <summary>Parses a CSeq value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="baseOffset">Offset of the value in the message.</param>
    /// <returns>The parsed value.</returns>
    /// <exception cref="SipParseException">The value is malformed or out of range.</exception>
    public static SipCSeq Parse(ReadOnlyMemory<byte> value, long baseOffset)
    {
        var c = new SipCursor(value, baseOffset);
        c.SkipWs();
        var offset = c.AbsoluteOffset;
        var digits = c.ReadWhile(SipChars.Digits);
        if (digits.IsEmpty)
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "CSeq must start with a number");
        }

        if (!SipNumber.TryParseUInt32(digits.Span, out var number))
        {
            throw new SipParseException(new SipParseError(SipParseErrorCode.NumberOutOfRange, offset, "CSeq number exceeds 2^32-1"));
        }

        if (!SipCursor.IsWs((byte)Math.Max(c.Peek, 0)))
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "expected white space before the CSeq method");
        }

        c.SkipWs();
        var method = c.ReadToken("CSeq method");
        c.SkipWs();
        if (!c.End)
        {
            c.Throw(SipParseErrorCode.InvalidHeaderValue, "unexpected text after CSeq method");
        }

        return new SipCSeq(number, new SipText(method));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Number} {Method}";
}
