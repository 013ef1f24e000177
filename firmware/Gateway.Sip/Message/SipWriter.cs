using System.Buffers;
using System.Buffers.Text;

namespace Gateway.Sip.Message;

/// <summary>Low-level wire formatting shared by the message and the builder.</summary>
internal static class SipWriter
{
    public static void WriteHeader(IBufferWriter<byte> writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var span = writer.GetSpan(name.Length + value.Length + 4);
        name.CopyTo(span);
        var n = name.Length;
        span[n++] = (byte)':';
        span[n++] = (byte)' ';
        value.CopyTo(span[n..]);
        n += value.Length;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        writer.Advance(n);
    }

    public static void WriteContentLength(IBufferWriter<byte> writer, ReadOnlySpan<byte> name, int length)
    {
        Span<byte> digits = stackalloc byte[11];
        Utf8Formatter.TryFormat(length, digits, out var written);
        WriteHeader(writer, name, digits[..written]);
    }

    public static void WriteAscii(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(System.Text.Encoding.UTF8.GetBytes(text, span));
    }
}
