using System.Buffers;
using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Sip.Tests;

public class SipParserTests
{
    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void TryParseMessage_CompactAndFoldedHeaders_ResolvesIdsAndUnfolds()
    {
        var input = Bytes("OPTIONS sip:a@b SIP/2.0\r\nv: SIP/2.0/UDP h;branch=z9hG4bKx\r\ni: abc\r\nSUBJECT: one\r\n two\r\nX-Thing : ;;,\r\nm: <sip:a@h>,\r\n <sip:b@h>\r\n\r\n");
        var handler = new RecordingHandler();

        var status = SipParser.TryParseMessage(input, handler, out var consumed, out _);

        Assert.Equal(SipParseStatus.Complete, status);
        Assert.Equal(input.Length, consumed);
        Assert.Equal("OPTIONS|sip:a@b|SIP/2.0", handler.StartLine);
        Assert.Equal([SipHeaderId.Via, SipHeaderId.CallId, SipHeaderId.Subject, SipHeaderId.Unknown, SipHeaderId.Contact], handler.Headers.Select(h => h.Id));
        Assert.Equal("one two", handler.Headers[2].Value);
        Assert.Equal(";;,", handler.Headers[3].Value);
        Assert.Equal("<sip:a@h>, <sip:b@h>", handler.Headers[4].Value);
        Assert.Equal(1, handler.CompleteCalls);
    }

    [Fact]
    public void TryParseMessage_EveryPrefixOfInvite_NeedsMoreDataAndCallsNothing()
    {
        var input = SampleMessages.InviteBytes;
        var headEnd = SampleMessages.Invite.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        for (var n = 0; n < headEnd; n++)
        {
            var handler = new RecordingHandler();
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(input, 0, n));

            var status = SipParser.TryParseMessage(ref reader, handler, out _);

            Assert.Equal(SipParseStatus.NeedMoreData, status);
            Assert.Equal(0, reader.Consumed);
            Assert.Null(handler.StartLine);
        }
    }

    [Fact]
    public void TryParseMessage_SplitAcrossSegments_MatchesContiguousParse()
    {
        var input = SampleMessages.InviteBytes;
        var contiguous = new RecordingHandler();
        SipParser.TryParseMessage(input, contiguous, out var consumed, out _);
        for (var split = 1; split < consumed; split += 7)
        {
            var handler = new RecordingHandler();
            var reader = new SequenceReader<byte>(TestSegments.Split(input, split));

            var status = SipParser.TryParseMessage(ref reader, handler, out _);

            Assert.Equal(SipParseStatus.Complete, status);
            Assert.Equal(consumed, reader.Consumed);
            Assert.Equal(contiguous.Headers, handler.Headers);
        }
    }

    [Fact]
    public void TryParseMessage_LeadingCrlfKeepAlives_AreSkipped()
    {
        var handler = new RecordingHandler();

        var status = SipParser.TryParseMessage(Bytes("\r\n\r\nSIP/2.0 180 Ringing\r\nCSeq: 1 INVITE\r\n\r\n"), handler, out _, out _);

        Assert.Equal(SipParseStatus.Complete, status);
        Assert.Equal("SIP/2.0|180|Ringing", handler.StartLine);
    }

    [Theory]
    [InlineData("INVITE  sip:a@b SIP/2.0\r\n\r\n", SipParseErrorCode.InvalidStartLine, 7)]
    [InlineData("INVITE sip:a@b SIP/2.0 \r\n\r\n", SipParseErrorCode.InvalidStartLine, 22)]
    [InlineData("INVITE sip:a@b SIP/2\r\n\r\n", SipParseErrorCode.InvalidVersion, 15)]
    [InlineData("INVITE <sip:a@b> SIP/2.0\r\n\r\n", SipParseErrorCode.InvalidRequestUri, 7)]
    [InlineData("INV@TE sip:a@b SIP/2.0\r\n\r\n", SipParseErrorCode.InvalidMethod, 3)]
    [InlineData("SIP/2.0 2000 OK\r\n\r\n", SipParseErrorCode.InvalidStatusCode, 8)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nFoobar roobar\r\n\r\n", SipParseErrorCode.MissingColon, 32)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\n folded\r\n\r\n", SipParseErrorCode.UnexpectedContinuation, 25)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nA: b\nc\r\n\r\n", SipParseErrorCode.BareLineBreak, 29)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\n: x\r\n\r\n", SipParseErrorCode.InvalidHeaderName, 25)]
    public void TryParseMessage_Malformed_ReportsCodeAndOffset(string text, SipParseErrorCode code, int offset)
    {
        var status = SipParser.TryParseMessage(Bytes(text), new RecordingHandler(), out _, out var error);

        Assert.Equal(SipParseStatus.Invalid, status);
        Assert.Equal(code, error.Code);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void TryParseMessage_TooManyHeaders_IsDefinedError()
    {
        var text = "OPTIONS sip:a@b SIP/2.0\r\n" + string.Concat(Enumerable.Repeat("X: y\r\n", 5)) + "\r\n";

        var status = SipParser.TryParseMessage(Bytes(text), new RecordingHandler(), out _, out var error, new SipParserOptions { MaxHeaderCount = 4 });

        Assert.Equal(SipParseStatus.Invalid, status);
        Assert.Equal(SipParseErrorCode.TooManyHeaders, error.Code);
    }

    [Fact]
    public void TryParseMessage_LineTooLong_IsDefinedError()
    {
        var text = "OPTIONS sip:a@b SIP/2.0\r\nX: " + new string('a', 200) + "\r\n\r\n";

        var status = SipParser.TryParseMessage(Bytes(text), new RecordingHandler(), out _, out var error, new SipParserOptions { MaxLineLength = 100 });

        Assert.Equal(SipParseErrorCode.LineTooLong, error.Code);
        Assert.Equal(SipParseStatus.Invalid, status);
    }

    [Fact]
    public void TryParseMessage_UnterminatedHeadBeyondLimit_IsMessageTooLarge()
    {
        var text = "OPTIONS sip:a@b SIP/2.0\r\nX: " + new string('a', 2000);
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes(text)));

        var status = SipParser.TryParseMessage(ref reader, new RecordingHandler(), out var error, new SipParserOptions { MaxMessageSize = 1024 });

        Assert.Equal(SipParseStatus.Invalid, status);
        Assert.Equal(SipParseErrorCode.MessageTooLarge, error.Code);
    }

    [Fact]
    public void GetLineColumn_OffsetOnThirdLine_MapsToLineAndColumn()
    {
        var input = Bytes("A\r\nBC\r\nDEF");
        var error = new SipParseError(SipParseErrorCode.InvalidHeaderValue, 9, "x");

        Assert.Equal((3, 3), error.GetLineColumn(input));
    }
}
