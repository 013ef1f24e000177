using Gateway.Sip.Message;

namespace Gateway.Benchmarks;

/// <summary>A handler that reads nothing, as Kestrel's parser benchmark uses, to time the parser alone.</summary>
public sealed class NullHandler : ISipParseHandler
{
    public int Headers { get; private set; }

    public void OnRequestLine(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> version)
    {
    }

    public void OnStatusLine(ReadOnlySpan<byte> version, int statusCode, ReadOnlySpan<byte> reasonPhrase)
    {
    }

    public void OnHeader(SipHeaderId id, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => Headers++;

    public void OnHeadersComplete()
    {
    }
}
