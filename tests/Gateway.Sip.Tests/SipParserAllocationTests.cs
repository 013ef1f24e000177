using Gateway.Sip.Message;

namespace Gateway.Sip.Tests;

public class SipParserAllocationTests
{
    private sealed class CountingHandler : ISipParseHandler
    {
        public int Count { get; private set; }

        public void OnRequestLine(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> version) => Count++;

        public void OnStatusLine(ReadOnlySpan<byte> version, int statusCode, ReadOnlySpan<byte> reasonPhrase) => Count++;

        public void OnHeader(SipHeaderId id, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => Count++;

        public void OnHeadersComplete() => Count++;
    }

    [Fact]
    public void TryParseMessage_HandlerIgnoringHeaders_AllocatesNothing()
    {
        var input = SampleMessages.InviteBytes;
        var handler = new CountingHandler();
        SipParser.TryParseMessage(input, handler, out _, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            SipParser.TryParseMessage(input, handler, out _, out _);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(101 * 17, handler.Count);
    }

    [Fact]
    public void ParseDatagram_UnreadHeaders_CostNoAllocationPerHeader()
    {
        var few = SampleMessages.RegisterOkBytes;
        var many = System.Text.Encoding.ASCII.GetBytes(SampleMessages.RegisterOk.Replace("Date:", string.Concat(Enumerable.Repeat("X-Unread: some value\r\n", 10)) + "Date:", StringComparison.Ordinal));
        SipMessageReader.ParseDatagram(few);
        SipMessageReader.ParseDatagram(many);

        var a = Measure(few);
        var b = Measure(many);

        // Ten more unread headers cost only their bytes in the message buffer and their 24-byte slots in the offset array.
        Assert.True(b - a <= (many.Length - few.Length) + (10 * 24) + 16, $"few={a} many={b}");
    }

    private static long Measure(byte[] data)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = SipMessageReader.ParseDatagram(data);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
