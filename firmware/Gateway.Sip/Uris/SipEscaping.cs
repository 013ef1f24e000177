using System.Text;

namespace Gateway.Sip.Uris;

/// <summary>RFC 3261 "escaped" = "%" HEXDIG HEXDIG: validation and one-level decoding.</summary>
public static class SipEscaping
{
    /// <summary>Finds the first '%' that does not start a valid escape.</summary>
    /// <param name="text">Escaped text.</param>
    /// <returns>Its index, or -1 when all escapes are valid.</returns>
    public static int FindInvalidEscape(ReadOnlySpan<byte> text)
    {
        for (var i = text.IndexOf((byte)'%'); i >= 0;)
        {
            if (i + 2 >= text.Length)
            {
                return i;
            }

            if (!SipChars.IsHex(text[i + 1]) || !SipChars.IsHex(text[i + 2]))
            {
                return i;
            }

            var next = text[(i + 3)..].IndexOf((byte)'%');
            i = next < 0 ? -1 : i + 3 + next;
        }

        return -1;
    }

    /// <summary>Decodes each %HH once; a '%' that is not a valid escape is kept literally.</summary>
    /// <param name="text">Escaped text.</param>
    /// <returns>The decoded bytes (which may include NUL).</returns>
    public static byte[] Unescape(ReadOnlySpan<byte> text)
    {
        var result = new byte[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'%' && i + 2 < text.Length && SipChars.IsHex(text[i + 1]) && SipChars.IsHex(text[i + 2]))
            {
                result[n++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 2;
            }
            else
            {
                result[n++] = text[i];
            }
        }

        return result[..n];
    }

    /// <summary>Decodes each %HH once and interprets the result as UTF-8.</summary>
    /// <param name="text">Escaped text.</param>
    /// <returns>The decoded string; NUL characters are preserved, never treated as a terminator.</returns>
    public static string UnescapeToString(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(Unescape(text));

    private static int HexValue(byte b) => SipChars.IsDigit(b) ? b - '0' : (b | 0x20) - 'a' + 10;
}
