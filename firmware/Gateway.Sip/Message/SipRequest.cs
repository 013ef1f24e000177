using Gateway.Sip.Uris;

namespace Gateway.Sip.Message;

/// <summary>A parsed SIP request.</summary>
public sealed class SipRequest : SipMessage
{
    private readonly int _methodLength;
    private readonly int _uriStart;
    private readonly int _uriLength;
    private readonly int _versionStart;
    private readonly int _versionLength;
    private AddressUri? _requestUri;

    internal SipRequest(byte[] buffer, in MessageSink sink, int bodyStart, int bodyLength)
        : base(buffer, sink, bodyStart, bodyLength)
    {
        _methodLength = sink.MethodLength;
        _uriStart = sink.UriStart;
        _uriLength = sink.UriLength;
        _versionStart = sink.VersionStart;
        _versionLength = sink.VersionLength;
    }

    /// <summary>The method, case-sensitive (RFC 3261 §7.1).</summary>
    public SipText Method => Slice(0, _methodLength);

    /// <summary>The Request-URI text as written.</summary>
    public SipText RequestUriText => Slice(_uriStart, _uriLength);

    /// <summary>The Request-URI, parsed on first access.</summary>
    /// <exception cref="SipParseException">The URI does not match its scheme's grammar.</exception>
    public AddressUri RequestUri => _requestUri ??= AddressUri.Parse(RequestUriText.Memory, _uriStart);

    /// <inheritdoc/>
    public override SipText Version => Slice(_versionStart, _versionLength);

    private protected override SipParseError? CheckStartLine()
    {
        try
        {
            _ = RequestUri;
            return null;
        }
        catch (SipParseException ex)
        {
            return ex.Error;
        }
    }
}
