using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Sip.Tests;

internal sealed class RecordingHandler : ISipParseHandler
{
    public string? StartLine { get; private set; }

    public List<(SipHeaderId Id, string Name, string Value)> Headers { get; } = [];

    public int CompleteCalls { get; private set; }

    public void OnRequestLine(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> version) =>
        StartLine = $"{Encoding.UTF8.GetString(method)}|{Encoding.UTF8.GetString(requestUri)}|{Encoding.UTF8.GetString(version)}";

    public void OnStatusLine(ReadOnlySpan<byte> version, int statusCode, ReadOnlySpan<byte> reasonPhrase) =>
        StartLine = $"{Encoding.UTF8.GetString(version)}|{statusCode}|{Encoding.UTF8.GetString(reasonPhrase)}";

    public void OnHeader(SipHeaderId id, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) =>
        Headers.Add((id, Encoding.UTF8.GetString(name), Encoding.UTF8.GetString(value)));

    public void OnHeadersComplete() => CompleteCalls++;
}
