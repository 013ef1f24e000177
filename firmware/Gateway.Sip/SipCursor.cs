using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Gateway.Sip.Message;

namespace Gateway.Sip;

/// <summary>
/// A read position inside one header value. Slices it returns point into the message buffer;
/// errors carry the absolute offset in the message.
/// </summary>
internal ref struct SipCursor
{
    private readonly ReadOnlyMemory<byte> _memory;
    private readonly ReadOnlySpan<byte> _span;
    private readonly long _baseOffset;

    public SipCursor(ReadOnlyMemory<byte> memory, long baseOffset)
    {
        _memory = memory;
        _span = memory.Span;
        _baseOffset = baseOffset;
        Position = 0;
    }

    public int Position { get; set; }

    public readonly bool End => Position >= _span.Length;

    public readonly int Peek => Position < _span.Length ? _span[Position] : -1;

    public readonly long AbsoluteOffset => _baseOffset + Position;

    public readonly ReadOnlySpan<byte> Remaining => _span[Math.Min(Position, _span.Length)..];

    public void SkipWs()
    {
        while (Position < _span.Length && IsWs(_span[Position]))
        {
            Position++;
        }
    }

    /// <summary>Skips white space, and if <paramref name="c"/> follows, consumes it and the white space after it.</summary>
    public bool TrySeparator(byte c)
    {
        var save = Position;
        SkipWs();
        if (Peek == c)
        {
            Position++;
            SkipWs();
            return true;
        }

        Position = save;
        return false;
    }

    public void ExpectSeparator(byte c, string what)
    {
        if (!TrySeparator(c))
        {
            SkipWs();
            Throw(SipParseErrorCode.InvalidHeaderValue, $"expected '{(char)c}' {what}");
        }
    }

    public ReadOnlyMemory<byte> ReadWhile(SearchValues<byte> chars)
    {
        var n = Remaining.IndexOfAnyExcept(chars);
        if (n < 0)
        {
            n = _span.Length - Position;
        }

        var slice = _memory.Slice(Position, n);
        Position += n;
        return slice;
    }

    public ReadOnlyMemory<byte> ReadToken(string what)
    {
        var token = ReadWhile(SipChars.Token);
        if (token.IsEmpty)
        {
            Throw(SipParseErrorCode.InvalidHeaderValue, $"expected a token for {what}");
        }

        return token;
    }

    /// <summary>Reads a quoted-string at the position; returns its content between the quotes, quoted-pairs kept.</summary>
    public ReadOnlyMemory<byte> ReadQuotedString()
    {
        Debug.Assert(Peek == '"', "caller checked the opening quote");
        var start = Position;
        var i = Position + 1;
        while (i < _span.Length)
        {
            var b = _span[i];
            if (b == (byte)'\\')
            {
                // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
                if (i + 1 >= _span.Length || _span[i + 1] is (byte)'\r' or (byte)'\n' or > 0x7F)
                {
                    Position = i;
                    Throw(SipParseErrorCode.InvalidHeaderValue, "invalid quoted-pair");
                }

                i += 2;
                continue;
            }

            if (b == (byte)'"')
            {
                Position = i + 1;
                return _memory.Slice(start + 1, i - start - 1);
            }

            i++;
        }

        Position = start;
        Throw(SipParseErrorCode.UnterminatedQuotedString, "quoted string has no closing quote");
        return default;
    }

    public readonly ReadOnlyMemory<byte> Slice(int start, int end) => _memory[start..end];

    [DoesNotReturn]
    [StackTraceHidden]
    public readonly void Throw(SipParseErrorCode code, string detail) =>
        throw new SipParseException(new SipParseError(code, AbsoluteOffset, detail));

    public static bool IsWs(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
