namespace Gateway.Sip.Message;

/// <summary>Collects header offsets for a <see cref="SipMessage"/> and reads Content-Length, which framing needs.</summary>
internal struct MessageSink : IHeadSink
{
    private readonly int _maxHeaders;

    public MessageSink(int maxHeaders)
    {
        _maxHeaders = maxHeaders;
        Headers = [];
    }

    public SipHeaderSpan[] Headers { get; private set; }

    public int Count { get; private set; }

    public bool IsRequest { get; private set; }

    public int MethodLength { get; private set; }

    public int UriStart { get; private set; }

    public int UriLength { get; private set; }

    public int VersionStart { get; private set; }

    public int VersionLength { get; private set; }

    public int StatusCode { get; private set; }

    public int ReasonStart { get; private set; }

    public int ReasonLength { get; private set; }

    public int StartLineLength { get; private set; }

    public long ContentLength { get; private set; } = -1;

    public int ContentLengthOffset { get; private set; }

    public bool HasFolding { get; private set; }

    /// <summary>Sizes the offset array from the number of line ends, so a message costs one array, never a regrowth.</summary>
    public void Prepare(int lineBreaks) => Headers = new SipHeaderSpan[Math.Clamp(lineBreaks + 1, 1, _maxHeaders + 1)];

    public void OnRequestLine(ReadOnlySpan<byte> head, int lineLength, int methodLength, int uriStart, int uriLength, int versionStart)
    {
        IsRequest = true;
        MethodLength = methodLength;
        UriStart = uriStart;
        UriLength = uriLength;
        VersionStart = versionStart;
        StartLineLength = lineLength;
        VersionLength = lineLength - versionStart;
    }

    public void OnStatusLine(ReadOnlySpan<byte> head, int lineLength, int versionLength, int statusCode, int reasonStart, int reasonLength)
    {
        VersionLength = versionLength;
        StatusCode = statusCode;
        ReasonStart = reasonStart;
        ReasonLength = reasonLength;
        StartLineLength = lineLength;
    }

    public bool OnHeader(ReadOnlySpan<byte> head, in SipHeaderSpan header, out SipParseError error)
    {
        error = default;
        if (Count == Headers.Length)
        {
            var grown = new SipHeaderSpan[Headers.Length * 2];
            Headers.CopyTo(grown, 0);
            Headers = grown;
        }

        Headers[Count++] = header;
        HasFolding |= header.Folded;
        if (header.Id != SipHeaderId.ContentLength)
        {
            return true;
        }

        // Framing depends on Content-Length, so it is the one header read eagerly; a negative or
        // non-numeric value must never become a count (RFC 4475 §3.1.2.3).
        var value = head.Slice(header.ValueStart, header.ValueLength);
        if (value.IsEmpty || value.Length > 9 || value.IndexOfAnyExcept(SipChars.Digits) >= 0)
        {
            error = new SipParseError(SipParseErrorCode.InvalidContentLength, header.ValueStart, "Content-Length must be a non-negative decimal number");
            return false;
        }

        long length = 0;
        foreach (var d in value)
        {
            length = (length * 10) + (d - '0');
        }

        if (ContentLength >= 0 && ContentLength != length)
        {
            error = new SipParseError(SipParseErrorCode.ConflictingContentLength, header.ValueStart, "Content-Length appears twice with different values");
            return false;
        }

        ContentLength = length;
        ContentLengthOffset = header.ValueStart;
        return true;
    }
}
