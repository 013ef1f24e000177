using System.Buffers;
using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Sip.Tests;

public class SipMessageReaderTests
{
    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void TryReadStream_EveryPrefixOfInvite_NeedsMoreDataAndLeavesBuffer()
    {
        var input = SampleMessages.InviteBytes;
        for (var n = 0; n < input.Length; n++)
        {
            var buffer = new ReadOnlySequence<byte>(input, 0, n);

            var status = SipMessageReader.TryReadStream(ref buffer, out var message, out var error);

            Assert.True(status == SipParseStatus.NeedMoreData, $"prefix {n}: {status} {error}");
            Assert.Null(message);
            Assert.Equal(n, buffer.Length);
        }
    }

    [Fact]
    public void TryReadStream_TwoMessagesAndKeepAlive_ReadsBothInOrder()
    {
        var input = Bytes("\r\n\r\n" + SampleMessages.Invite + "\r\n" + SampleMessages.RegisterOk);
        var buffer = TestSegments.Split(input, 301);

        Assert.Equal(SipParseStatus.Complete, SipMessageReader.TryReadStream(ref buffer, out var first, out _));
        Assert.Equal(SipParseStatus.Complete, SipMessageReader.TryReadStream(ref buffer, out var second, out _));

        Assert.Equal("INVITE", ((SipRequest)first!).Method.ToString());
        Assert.Equal(SampleMessages.Sdp, Encoding.UTF8.GetString(first!.Body.Span));
        Assert.Equal(200, ((SipResponse)second!).StatusCode);
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void TryReadStream_MissingContentLength_IsInvalid()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("OPTIONS sip:a@b SIP/2.0\r\nCSeq: 1 OPTIONS\r\n\r\n"));

        var status = SipMessageReader.TryReadStream(ref buffer, out _, out var error);

        Assert.Equal(SipParseStatus.Invalid, status);
        Assert.Equal(SipParseErrorCode.MissingContentLength, error.Code);
    }

    [Fact]
    public void TryReadStream_ContentLengthBeyondLimit_IsInvalidWithoutWaiting()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 999999\r\n\r\n"));

        var status = SipMessageReader.TryReadStream(ref buffer, out _, out var error, new SipParserOptions { MaxMessageSize = 4096 });

        Assert.Equal(SipParseStatus.Invalid, status);
        Assert.Equal(SipParseErrorCode.MessageTooLarge, error.Code);
    }

    [Fact]
    public void ParseDatagram_NoContentLength_BodyIsRestOfDatagram()
    {
        var result = SipMessageReader.ParseDatagram(Bytes("MESSAGE sip:a@b SIP/2.0\r\nCSeq: 1 MESSAGE\r\n\r\nhello"));

        Assert.True(result.IsSuccess);
        Assert.Equal("hello", Encoding.UTF8.GetString(result.Message.Body.Span));
        Assert.Null(result.Message.DeclaredContentLength);
    }

    [Fact]
    public void ParseDatagram_TrailingOctetsBeyondContentLength_AreDiscarded()
    {
        var result = SipMessageReader.ParseDatagram(Bytes("MESSAGE sip:a@b SIP/2.0\r\nl: 2\r\n\r\nhello"));

        Assert.Equal("he", Encoding.UTF8.GetString(result.Message!.Body.Span));
        Assert.Equal(result.Message.Raw.Length, "MESSAGE sip:a@b SIP/2.0\r\nl: 2\r\n\r\nhe".Length);
    }

    [Fact]
    public void ParseDatagram_OverMaximumSize_IsMessageTooLarge()
    {
        var result = SipMessageReader.ParseDatagram(new byte[70000]);

        Assert.Equal(SipParseErrorCode.MessageTooLarge, result.Error.Code);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("five")]
    [InlineData("99999999999")]
    [InlineData("")]
    public void ParseDatagram_BadContentLength_IsInvalidContentLength(string value)
    {
        var result = SipMessageReader.ParseDatagram(Bytes($"OPTIONS sip:a@b SIP/2.0\r\nContent-Length: {value}\r\n\r\n"));

        Assert.Equal(SipParseErrorCode.InvalidContentLength, result.Error.Code);
        Assert.Equal(41, result.Error.Offset);
    }

    [Fact]
    public void Headers_SameHeaderOnSeveralLines_AreMergedInOrder()
    {
        var message = SipMessageReader.ParseDatagram(Bytes(
            "OPTIONS sip:a@b SIP/2.0\r\nRoute: <sip:p1;lr>, \"x,y\" <sip:p2;lr>\r\nroute: <sip:p3;lr>\r\nl: 0\r\n\r\n")).Message!;

        Assert.Equal(["sip:p1;lr", "sip:p2;lr", "sip:p3;lr"], message.Route.Select(r => r.Uri.ToString()));
        Assert.Equal("x,y", message.Route[1].DisplayName.ToString());
    }

    [Fact]
    public void TypedAccessor_DuplicateSingleHeader_ThrowsParseExceptionWithOffset()
    {
        var message = SipMessageReader.ParseDatagram(Bytes("OPTIONS sip:a@b SIP/2.0\r\nCall-ID: a\r\ni: b\r\n\r\n")).Message!;

        var ex = Assert.Throws<SipParseException>(() => message.CallId);

        Assert.Equal(SipParseErrorCode.DuplicateHeader, ex.Error.Code);
        Assert.Equal(37, ex.Error.Offset);
    }

    [Fact]
    public void FindFirstSyntaxError_BadCSeqOnLineThree_ReportsItsOffset()
    {
        var text = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h\r\nCSeq: x OPTIONS\r\n\r\n";
        var message = SipMessageReader.ParseDatagram(Bytes(text)).Message!;

        var error = message.FindFirstSyntaxError();

        Assert.NotNull(error);
        Assert.Equal((3, 7), error.Value.GetLineColumn(Bytes(text)));
    }
}
