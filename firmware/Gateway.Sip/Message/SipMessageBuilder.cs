using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gateway.Sip.Message;

/// <summary>
/// Builds a request or response and writes it to an <see cref="IBufferWriter{T}"/> with CRLF line
/// ends and a Content-Length computed from the body (any Content-Length added by hand is ignored).
/// </summary>
public sealed class SipMessageBuilder
{
    // Room for a typical request without the list growing (REGISTER with credentials has about twelve).
    private const int InitialHeaderCapacity = 16;

    private readonly byte[] _startLine;
    private readonly List<(byte[] Name, SipHeaderId Id, ReadOnlyMemory<byte> Value)> _headers = new(InitialHeaderCapacity);
    private ReadOnlyMemory<byte> _body;

    private SipMessageBuilder(string startLine) => _startLine = Encoding.UTF8.GetBytes(startLine);

    /// <summary>Number of header lines added.</summary>
    public int HeaderCount => _headers.Count;

    /// <summary>Starts a request.</summary>
    /// <param name="method">The method token.</param>
    /// <param name="requestUri">The Request-URI (no white space).</param>
    /// <returns>The builder.</returns>
    public static SipMessageBuilder ForRequest(string method, string requestUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(requestUri);
        if (Encoding.UTF8.GetBytes(method).AsSpan().IndexOfAnyExcept(SipChars.Token) >= 0)
        {
            throw new ArgumentException("method must be a token", nameof(method));
        }

        if (Encoding.UTF8.GetBytes(requestUri).AsSpan().IndexOfAnyExcept(SipChars.UriChars) >= 0)
        {
            throw new ArgumentException("Request-URI contains characters a URI cannot", nameof(requestUri));
        }

        return new SipMessageBuilder($"{method} {requestUri} SIP/2.0");
    }

    /// <summary>Starts a response.</summary>
    /// <param name="statusCode">100 to 699.</param>
    /// <param name="reasonPhrase">The phrase; the standard one when null.</param>
    /// <returns>The builder.</returns>
    public static SipMessageBuilder ForResponse(int statusCode, string? reasonPhrase = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        reasonPhrase ??= SipReasonPhrases.Get(statusCode);
        CheckValue(reasonPhrase, nameof(reasonPhrase));
        return new SipMessageBuilder($"SIP/2.0 {statusCode.ToString(CultureInfo.InvariantCulture)} {reasonPhrase}");
    }

    /// <summary>Adds a header line.</summary>
    /// <param name="name">Field name (a token).</param>
    /// <param name="value">Value without CR or LF.</param>
    /// <returns>This builder.</returns>
    public SipMessageBuilder AddHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        CheckValue(value, nameof(value));
        return AddHeader(name, SipText.FromString(value));
    }

    /// <summary>Adds a header line with a known name.</summary>
    /// <param name="id">The header.</param>
    /// <param name="value">Value without CR or LF.</param>
    /// <returns>This builder.</returns>
    public SipMessageBuilder AddHeader(SipHeaderId id, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        CheckValue(value, nameof(value));
        if (SipHeaderNames.GetCanonicalBytes(id) is not { } name)
        {
            throw new ArgumentException("not a known header", nameof(id));
        }

        // Canonical names are tokens already; only the value needs encoding.
        _headers.Add((name, id, SipText.FromString(value).Memory));
        return this;
    }

    /// <summary>Adds a header line whose value is copied verbatim from another message.</summary>
    /// <param name="name">Field name (a token).</param>
    /// <param name="value">The value bytes.</param>
    /// <returns>This builder.</returns>
    public SipMessageBuilder AddHeader(string name, SipText value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var nameBytes = SipHeaderNames.GetCanonicalBytes(name) ?? Encoding.UTF8.GetBytes(name);
        if (nameBytes.AsSpan().IndexOfAnyExcept(SipChars.Token) >= 0)
        {
            throw new ArgumentException("header name must be a token", nameof(name));
        }

        if (value.Span.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            throw new ArgumentException("header value must not contain CR or LF", nameof(value));
        }

        _headers.Add((nameBytes, SipHeaderNames.Identify(nameBytes), value.Memory));
        return this;
    }

    /// <summary>Sets the body and, unless one was added, its Content-Type.</summary>
    /// <param name="body">The body bytes.</param>
    /// <param name="contentType">The media type, e.g. "application/sdp".</param>
    /// <returns>This builder.</returns>
    public SipMessageBuilder SetBody(ReadOnlyMemory<byte> body, string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        _body = body;
        if (!_headers.Exists(h => h.Id == SipHeaderId.ContentType))
        {
            AddHeader(SipHeaderId.ContentType, contentType);
        }

        return this;
    }

    /// <summary>Writes the message.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var length = Measure();
        Write(writer.GetSpan(length)[..length]);
        writer.Advance(length);
    }

    /// <summary>Serializes into a new array.</summary>
    /// <returns>The wire bytes.</returns>
    public byte[] ToArray()
    {
        // Measured first, so the message is written once into an array of exactly its size: no growth, no copy.
        var bytes = new byte[Measure()];
        Write(bytes);
        return bytes;
    }

    /// <summary>Serializes and parses back, yielding a message object.</summary>
    /// <returns>The message.</returns>
    /// <exception cref="SipParseException">The headers given do not form a valid message.</exception>
    public SipMessage Build()
    {
        var result = SipMessageReader.ParseOwned(ToArray(), new SipParserOptions { MaxMessageSize = int.MaxValue });
        return result.Message ?? throw new SipParseException(result.Error);
    }

    private int Measure()
    {
        var length = _startLine.Length + 2;
        foreach (var (name, id, value) in _headers)
        {
            if (id != SipHeaderId.ContentLength)
            {
                length += name.Length + value.Length + 4;
            }
        }

        return length + "Content-Length: \r\n\r\n".Length + DecimalDigits(_body.Length) + _body.Length;
    }

    private void Write(Span<byte> destination)
    {
        var n = Put(destination, 0, _startLine);
        n = Put(destination, n, "\r\n"u8);
        foreach (var (name, id, value) in _headers)
        {
            if (id != SipHeaderId.ContentLength)
            {
                n = PutHeader(destination, n, name, value.Span);
            }
        }

        Span<byte> digits = stackalloc byte[11];
        Utf8Formatter.TryFormat(_body.Length, digits, out var written);
        n = PutHeader(destination, n, "Content-Length"u8, digits[..written]);
        n = Put(destination, n, "\r\n"u8);
        n = Put(destination, n, _body.Span);
        Debug.Assert(n == destination.Length, "Measure and Write disagree");
    }

    private static int PutHeader(Span<byte> destination, int at, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        at = Put(destination, at, name);
        at = Put(destination, at, ": "u8);
        at = Put(destination, at, value);
        return Put(destination, at, "\r\n"u8);
    }

    private static int Put(Span<byte> destination, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[at..]);
        return at + bytes.Length;
    }

    private static int DecimalDigits(int value)
    {
        var digits = 1;
        for (; value >= 10; value /= 10)
        {
            digits++;
        }

        return digits;
    }

    private static void CheckValue(string value, string paramName)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("must not contain CR or LF", paramName);
        }
    }
}
