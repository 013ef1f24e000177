namespace Gateway.Sip.Message;

/// <summary>Receives the scanner's findings as offsets into the header section it scanned.</summary>
internal interface IHeadSink
{
    /// <summary>Called first, with the number of CRLFs in the section: an upper bound on the header count.</summary>
    void Prepare(int lineBreaks);

    void OnRequestLine(ReadOnlySpan<byte> head, int lineLength, int methodLength, int uriStart, int uriLength, int versionStart);

    void OnStatusLine(ReadOnlySpan<byte> head, int lineLength, int versionLength, int statusCode, int reasonStart, int reasonLength);

    /// <summary>Returns false, with an error, to stop the scan (e.g. conflicting Content-Length).</summary>
    bool OnHeader(ReadOnlySpan<byte> head, in SipHeaderSpan header, out SipParseError error);
}
