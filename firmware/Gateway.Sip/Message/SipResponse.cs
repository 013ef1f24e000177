namespace Gateway.Sip.Message;

/// <summary>A parsed SIP response.</summary>
public sealed class SipResponse : SipMessage
{
    private readonly int _versionLength;
    private readonly int _reasonStart;
    private readonly int _reasonLength;

    internal SipResponse(byte[] buffer, in MessageSink sink, int bodyStart, int bodyLength)
        : base(buffer, sink, bodyStart, bodyLength)
    {
        _versionLength = sink.VersionLength;
        StatusCode = sink.StatusCode;
        _reasonStart = sink.ReasonStart;
        _reasonLength = sink.ReasonLength;
    }

    /// <summary>The status code, 100 to 699.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase, possibly empty, possibly UTF-8.</summary>
    public SipText ReasonPhrase => Slice(_reasonStart, _reasonLength);

    /// <inheritdoc/>
    public override SipText Version => Slice(0, _versionLength);
}
