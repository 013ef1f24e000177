using System.Text;

namespace Gateway.Sdp.Tests;

public class SdpParserTests
{
    [Fact]
    public void Parse_TypicalOffer_ReadsAllFields()
    {
        var sdp = SampleSdp.Parse(SampleSdp.Offer);
        Assert.Equal(new SdpOrigin("alice", "2890844526", 2890844526, "IP4", "127.0.0.1"), sdp.Origin);
        Assert.Equal("-", sdp.SessionName);
        Assert.Equal("127.0.0.1", sdp.Connection?.Address);
        Assert.Equal((0ul, 0ul), sdp.Timing);
        var m = Assert.Single(sdp.Media);
        Assert.Equal("audio", m.Media);
        Assert.Equal(49170, m.Port);
        Assert.Equal("RTP/AVP", m.Protocol);
        Assert.Equal(["0", "8", "9", "111", "101"], m.Formats);
        Assert.Equal(new SdpRtpMap(111, "opus", 48000, 2), m.GetRtpMap(111));
        Assert.Equal(new SdpRtpMap(8, "PCMA", 8000), m.GetRtpMap(8));
        Assert.Equal("useinbandfec=1", m.GetFmtp(111));
        Assert.Equal(20, m.Ptime);
        Assert.Equal(40, m.MaxPtime);
        Assert.Equal(SdpDirection.SendRecv, m.Direction);
        Assert.Equal("127.0.0.1", sdp.ConnectionOf(m)?.Address);
    }

    [Fact]
    public void Parse_MediaLevelConnection_OverridesSession()
    {
        var text = SampleSdp.Offer.Replace("a=ptime:20", "c=IN IP4 127.0.0.2\r\na=ptime:20", StringComparison.Ordinal);
        var sdp = SampleSdp.Parse(text);
        Assert.Equal("127.0.0.2", sdp.ConnectionOf(sdp.Media[0])?.Address);
    }

    [Fact]
    public void Parse_BareLineFeeds_AreAccepted()
    {
        var sdp = SampleSdp.Parse(SampleSdp.Offer.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Single(sdp.Media);
    }

    [Fact]
    public void Parse_SessionLevelDirection_AppliesToMedia()
    {
        var text = SampleSdp.Offer.Replace("t=0 0\r\n", "t=0 0\r\na=sendonly\r\n", StringComparison.Ordinal).Replace("a=sendrecv\r\n", "", StringComparison.Ordinal);
        var sdp = SampleSdp.Parse(text);
        Assert.Equal(SdpDirection.SendOnly, sdp.DirectionOf(sdp.Media[0]));
    }

    [Fact]
    public void Parse_ConnectionWithTtl_DropsSuffix()
    {
        var sdp = SampleSdp.Parse(SampleSdp.Offer.Replace("c=IN IP4 127.0.0.1", "c=IN IP4 127.0.0.1/127", StringComparison.Ordinal));
        Assert.Equal("127.0.0.1", sdp.Connection?.Address);
    }

    [Theory]
    [InlineData("v=1\r\n", 1, "v=0")]
    [InlineData("o=x 1 1 IN IP4 127.0.0.1\r\n", 1, "v=0")]
    [InlineData("v=0\r\ns=-\r\n", 2, "o=")]
    [InlineData("v=0\r\no=x 1 1 IN IP4\r\n", 2, "o=")]
    [InlineData("v=0\r\no=x abc 1 IN IP4 h\r\n", 2, "o=")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\nm=audio 1 RTP/AVP 0\r\n", 3, "s=")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nc=IN IP5 h\r\n", 4, "c=")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nt=0\r\n", 4, "t=")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nm=audio 70000 RTP/AVP 0\r\n", 4, "port")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nm=audio 1 RTP/AVP\r\n", 4, "format")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nm=audio 1 RTP/AVP 128\r\n", 4, "payload type")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\na=rtpmap:96 opus\r\n", 5, "rtpmap")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\na=ptime:abc\r\n", 5, "ptime")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\na=sendonly:x\r\n", 5, "sendonly")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nx=unknown\r\n", 4, "known type")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nnot a line\r\n", 4, "type")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\ns=again\r\n", 4, "s=")]
    [InlineData("", 1, "empty")]
    public void Parse_Malformed_ThrowsWithLineNumber(string text, int line, string reasonContains)
    {
        var ex = Assert.Throws<SdpParseException>(() => SdpParser.Parse(text));
        Assert.Equal(line, ex.LineNumber);
        Assert.Contains(reasonContains, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLarge_IsRejectedBeforeParsing()
    {
        var ex = Assert.Throws<SdpParseException>(() => SdpParser.Parse(new byte[20_000]));
        Assert.Equal(0, ex.LineNumber);
    }

    [Fact]
    public void Parse_TooManyMedia_IsRejected()
    {
        var text = "v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\n" + string.Concat(Enumerable.Repeat("m=audio 1 RTP/AVP 0\r\n", 17));
        var ex = Assert.Throws<SdpParseException>(() => SdpParser.Parse(text));
        Assert.Equal(20, ex.LineNumber);
    }

    [Fact]
    public void Parse_TooManyAttributes_IsRejected()
    {
        var text = "v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\n" + string.Concat(Enumerable.Repeat("a=x\r\n", 65));
        Assert.Contains("attributes", Assert.Throws<SdpParseException>(() => SdpParser.Parse(text)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyFormats_IsRejected()
    {
        var text = "v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nm=audio 1 RTP/AVP " + string.Join(' ', Enumerable.Range(0, 33)) + "\r\n";
        Assert.Throws<SdpParseException>(() => SdpParser.Parse(text));
    }

    [Fact]
    public void Parse_InvalidUtf8_IsParseError()
    {
        var bytes = Encoding.ASCII.GetBytes("v=0\r\no=x 1 1 IN IP4 h\r\ns=").Concat(new byte[] { 0xC3, 0x28, 13, 10 }).ToArray();
        Assert.False(SdpParser.TryParse(bytes, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Serialize_ThenParse_GivesSameText()
    {
        var first = SampleSdp.Parse(SampleSdp.Offer);
        var text = SdpSerializer.Serialize(first);
        Assert.Equal(SampleSdp.Offer, text);
        Assert.Equal(text, SdpSerializer.Serialize(SampleSdp.Parse(text)));
    }
}
