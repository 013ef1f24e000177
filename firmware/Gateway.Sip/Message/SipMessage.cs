using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gateway.Sip.Message;

/// <summary>
/// A parsed SIP message. It owns one buffer and keeps header names and values as ranges into it
/// (libre-style slices); typed values are parsed on first access only and cached.
/// </summary>
public abstract partial class SipMessage
{
    private readonly byte[] _buffer;
    private readonly SipHeaderSpan[] _headers;
    private readonly int _headerCount;
    private readonly int _startLineLength;
    private readonly int _bodyStart;
    private readonly int _bodyLength;

    private protected SipMessage(byte[] buffer, in MessageSink sink, int bodyStart, int bodyLength)
    {
        _buffer = buffer;
        _headers = sink.Headers;
        _headerCount = sink.Count;
        _startLineLength = sink.StartLineLength;
        _bodyStart = bodyStart;
        _bodyLength = bodyLength;
        DeclaredContentLength = sink.ContentLength >= 0 ? (int)sink.ContentLength : null;
    }

    /// <summary>The whole message as received (after leading CRLFs, without octets beyond the body).</summary>
    public ReadOnlyMemory<byte> Raw => _buffer;

    /// <summary>The SIP-Version of the start line, e.g. "SIP/2.0".</summary>
    public abstract SipText Version { get; }

    /// <summary>True when <see cref="Version"/> is SIP/2.0 (the "SIP" is case-insensitive).</summary>
    public bool IsSip20 => Version.Span.Length == 7 && Ascii.EqualsIgnoreCase(Version.Span[..4], "SIP/"u8) && Version.Span[4..].SequenceEqual("2.0"u8);

    /// <summary>The body: exactly Content-Length bytes, or the rest of the datagram when Content-Length was absent on UDP.</summary>
    public ReadOnlyMemory<byte> Body => _buffer.AsMemory(_bodyStart, _bodyLength);

    /// <summary>The Content-Length header's value, or null when absent.</summary>
    public int? DeclaredContentLength { get; }

    /// <summary>Number of header field lines.</summary>
    public int HeaderCount => _headerCount;

    /// <summary>The header field lines in message order.</summary>
    public IReadOnlyList<SipHeaderField> Headers => new HeaderList(this);

    /// <summary>The header field line at an index.</summary>
    /// <param name="index">Zero-based index, less than <see cref="HeaderCount"/>.</param>
    /// <returns>The field.</returns>
    public SipHeaderField GetHeader(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_headerCount, nameof(index));
        var h = _headers[index];
        return new SipHeaderField(h.Id, Slice(h.NameStart, h.NameLength), Slice(h.ValueStart, h.ValueLength), h.ValueStart);
    }

    /// <summary>How many lines of a header the message has.</summary>
    /// <param name="id">The header.</param>
    /// <returns>The count.</returns>
    public int CountOf(SipHeaderId id)
    {
        var n = 0;
        for (var i = 0; i < _headerCount; i++)
        {
            if (_headers[i].Id == id)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The raw value of the first line of a known header.</summary>
    /// <param name="id">The header.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when present.</returns>
    public bool TryGetValue(SipHeaderId id, out SipText value)
    {
        for (var i = 0; i < _headerCount; i++)
        {
            if (_headers[i].Id == id)
            {
                value = Slice(_headers[i].ValueStart, _headers[i].ValueLength);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The raw values of every line with this name (known headers match in any form, e.g. "m" for Contact).</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The values in order.</returns>
    public IReadOnlyList<SipText> GetValues(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var id = SipHeaderNames.Identify(name);
        var result = new List<SipText>();
        for (var i = 0; i < _headerCount; i++)
        {
            var h = _headers[i];
            var match = id != SipHeaderId.Unknown
                ? h.Id == id
                : h.Id == SipHeaderId.Unknown && Ascii.EqualsIgnoreCase(_buffer.AsSpan(h.NameStart, h.NameLength), name);
            if (match)
            {
                result.Add(Slice(h.ValueStart, h.ValueLength));
            }
        }

        return result;
    }

    /// <summary>
    /// Serializes the message: start line and every header line as received (folding undone),
    /// with Content-Length set to the body length.
    /// </summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_buffer.AsSpan(0, _startLineLength));
        writer.Write("\r\n"u8);
        var wroteLength = false;
        for (var i = 0; i < _headerCount; i++)
        {
            var h = _headers[i];
            if (h.Id == SipHeaderId.ContentLength)
            {
                if (!wroteLength)
                {
                    SipWriter.WriteContentLength(writer, _buffer.AsSpan(h.NameStart, h.NameLength), _bodyLength);
                    wroteLength = true;
                }

                continue;
            }

            SipWriter.WriteHeader(writer, _buffer.AsSpan(h.NameStart, h.NameLength), _buffer.AsSpan(h.ValueStart, h.ValueLength));
        }

        if (!wroteLength)
        {
            SipWriter.WriteContentLength(writer, "Content-Length"u8, _bodyLength);
        }

        writer.Write("\r\n"u8);
        writer.Write(Body.Span);
    }

    /// <summary>
    /// Parses every header the stack knows a grammar for, plus the Request-URI, and returns the first
    /// syntax error in message order, or null. Used by tools; a UA reads only what it needs.
    /// </summary>
    /// <returns>The first error, or null when everything parses.</returns>
    public SipParseError? FindFirstSyntaxError()
    {
        var startLineError = CheckStartLine();
        if (startLineError is not null)
        {
            return startLineError;
        }

        for (var i = 0; i < _headerCount; i++)
        {
            var h = _headers[i];
            try
            {
                SipTypedHeaders.ParseLine(h.Id, _buffer.AsMemory(h.ValueStart, h.ValueLength), h.ValueStart);
            }
            catch (SipParseException ex)
            {
                return ex.Error;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Encoding.UTF8.GetString(_buffer, 0, _startLineLength);

    private protected virtual SipParseError? CheckStartLine() => null;

    private protected SipText Slice(int start, int length) => new(_buffer.AsMemory(start, length));

    internal static SipMessage Create(byte[] buffer, in MessageSink sink, int bodyStart, int bodyLength)
    {
        if (sink.HasFolding)
        {
            // The buffer is ours: turning fold CR/LF into SP keeps every offset valid and makes the
            // stored value equal to its unfolded form (RFC 3261 §7.3.1).
            for (var i = 0; i < sink.Count; i++)
            {
                var h = sink.Headers[i];
                if (h.Folded)
                {
                    var value = buffer.AsSpan(h.ValueStart, h.ValueLength);
                    value.Replace((byte)'\r', (byte)' ');
                    value.Replace((byte)'\n', (byte)' ');
                }
            }
        }

        return sink.IsRequest
            ? new SipRequest(buffer, sink, bodyStart, bodyLength)
            : new SipResponse(buffer, sink, bodyStart, bodyLength);
    }

    private protected static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class HeaderList(SipMessage message) : IReadOnlyList<SipHeaderField>
    {
        public int Count => message._headerCount;

        public SipHeaderField this[int index] => message.GetHeader(index);

        public IEnumerator<SipHeaderField> GetEnumerator()
        {
            for (var i = 0; i < message._headerCount; i++)
            {
                yield return message.GetHeader(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
