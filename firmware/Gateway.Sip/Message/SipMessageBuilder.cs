using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gateway.Sip.Message;

/// <summary>
/// Builds a request or response and writes it to an <see cref="IBufferWriter{T}"/> with CRLF line
/// ends and a Content-Length computed from the body (any Content-Length added by hand is ignored).
/// </summary>
public sealed class SipMessageBuilder
{
    private readonly byte[] _startLine;
    private readonly List<(byte[] Name, ReadOnlyMemory<byte> Value)> _headers = [];
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
    public SipMessageBuilder AddHeader(SipHeaderId id, string value) => AddHeader(SipHeaderNames.GetCanonicalName(id), value);

    /// <summary>Adds a header line whose value is copied verbatim from another message.</summary>
    /// <param name="name">Field name (a token).</param>
    /// <param name="value">The value bytes.</param>
    /// <returns>This builder.</returns>
    public SipMessageBuilder AddHeader(string name, SipText value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        if (nameBytes.AsSpan().IndexOfAnyExcept(SipChars.Token) >= 0)
        {
            throw new ArgumentException("header name must be a token", nameof(name));
        }

        if (value.Span.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            throw new ArgumentException("header value must not contain CR or LF", nameof(value));
        }

        _headers.Add((nameBytes, value.Memory));
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
        if (!_headers.Exists(h => SipHeaderNames.Identify(h.Name) == SipHeaderId.ContentType))
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
        writer.Write(_startLine);
        writer.Write("\r\n"u8);
        foreach (var (name, value) in _headers)
        {
            if (SipHeaderNames.Identify(name) != SipHeaderId.ContentLength)
            {
                SipWriter.WriteHeader(writer, name, value.Span);
            }
        }

        SipWriter.WriteContentLength(writer, "Content-Length"u8, _body.Length);
        writer.Write("\r\n"u8);
        writer.Write(_body.Span);
    }

    /// <summary>Serializes into a new array.</summary>
    /// <returns>The wire bytes.</returns>
    public byte[] ToArray()
    {
        var writer = new ArrayBufferWriter<byte>(256 + _body.Length);
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes and parses back, yielding a message object.</summary>
    /// <returns>The message.</returns>
    /// <exception cref="SipParseException">The headers given do not form a valid message.</exception>
    public SipMessage Build()
    {
        var result = SipMessageReader.ParseDatagram(ToArray(), new SipParserOptions { MaxMessageSize = int.MaxValue });
        return result.Message ?? throw new SipParseException(result.Error);
    }

    private static void CheckValue(string value, string paramName)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("must not contain CR or LF", paramName);
        }
    }
}
