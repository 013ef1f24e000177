namespace Gateway.Sip.Message;

/// <summary>
/// Receives the parts of a SIP header section from <see cref="SipParser"/> as spans that are only
/// valid during the call, so a handler that ignores a header pays nothing for it.
/// </summary>
public interface ISipParseHandler
{
    /// <summary>Called for a Request-Line.</summary>
    /// <param name="method">The method token, case preserved.</param>
    /// <param name="requestUri">The Request-URI text.</param>
    /// <param name="version">The SIP-Version, e.g. SIP/2.0.</param>
    void OnRequestLine(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> version);

    /// <summary>Called for a Status-Line.</summary>
    /// <param name="version">The SIP-Version.</param>
    /// <param name="statusCode">The three-digit code.</param>
    /// <param name="reasonPhrase">The reason phrase, possibly empty.</param>
    void OnStatusLine(ReadOnlySpan<byte> version, int statusCode, ReadOnlySpan<byte> reasonPhrase);

    /// <summary>Called once per header field line, in message order.</summary>
    /// <param name="id">The header, compact forms and case resolved; <see cref="SipHeaderId.Unknown"/> for extensions.</param>
    /// <param name="name">The field name as written.</param>
    /// <param name="value">The value, trimmed, with line folding replaced by white space.</param>
    void OnHeader(SipHeaderId id, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value);

    /// <summary>Called after the empty line that ends the header section.</summary>
    void OnHeadersComplete();
}
