using System.Buffers;
using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Sip.Tests;

public class SipMessageBuilderTests
{
    [Fact]
    public void WriteTo_RequestWithBody_ComputesContentLengthAndCrlf()
    {
        var body = Encoding.UTF8.GetBytes(SampleMessages.Sdp);
        var builder = SipMessageBuilder.ForRequest("INVITE", "sip:bob@example.com")
            .AddHeader(SipHeaderId.Via, "SIP/2.0/UDP h;branch=z9hG4bK1")
            .AddHeader("Content-Length", "999")
            .SetBody(body, "application/sdp");
        var writer = new ArrayBufferWriter<byte>();

        builder.WriteTo(writer);

        var text = Encoding.UTF8.GetString(writer.WrittenSpan);
        Assert.StartsWith("INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"Content-Length: {body.Length}\r\n\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("999", text, StringComparison.Ordinal);
        Assert.EndsWith(SampleMessages.Sdp, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_ParsedMessage_RoundTripsEveryHeader()
    {
        var original = SipMessageReader.ParseDatagram(SampleMessages.InviteBytes).Message!;
        var writer = new ArrayBufferWriter<byte>();

        original.WriteTo(writer);
        var again = SipMessageReader.ParseDatagram(writer.WrittenSpan).Message!;

        Assert.Equal(original.Headers.Select(h => (h.Id, h.Name, h.Value)), again.Headers.Select(h => (h.Id, h.Name, h.Value)));
        Assert.True(original.Body.Span.SequenceEqual(again.Body.Span));
        Assert.Equal(SampleMessages.Invite, Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void WriteTo_FoldedMessage_WritesUnfoldedValues()
    {
        var original = SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes("OPTIONS sip:a@b SIP/2.0\r\nSubject: a\r\n b\r\n\r\n")).Message!;
        var writer = new ArrayBufferWriter<byte>();

        original.WriteTo(writer);

        Assert.Equal("OPTIONS sip:a@b SIP/2.0\r\nSubject: a   b\r\nContent-Length: 0\r\n\r\n", Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Theory]
    [InlineData("INV ITE", "sip:a@b")]
    [InlineData("INVITE", "sip:a@b c")]
    public void ForRequest_InvalidStartLineParts_Throw(string method, string uri) =>
        Assert.Throws<ArgumentException>(() => SipMessageBuilder.ForRequest(method, uri));

    [Fact]
    public void AddHeader_ValueWithCrlf_ThrowsToPreventInjection() =>
        Assert.Throws<ArgumentException>(() => SipMessageBuilder.ForResponse(200).AddHeader("Subject", "x\r\nVia: evil"));

    [Fact]
    public void CreateResponse_To200_CopiesDialogHeadersAndAddsToTag()
    {
        var request = (SipRequest)SipMessageReader.ParseDatagram(SampleMessages.InviteBytes).Message!;

        var response = (SipResponse)SipResponseFactory.CreateResponse(request, 200, toTag: "abc").Build();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("OK", response.ReasonPhrase.ToString());
        Assert.Equal(request.Via.Select(v => v.ToString()), response.Via.Select(v => v.ToString()));
        Assert.Equal(request.From!.Tag, response.From!.Tag);
        Assert.Equal("abc", response.To!.Tag);
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.CSeq!.ToString(), response.CSeq!.ToString());
        Assert.Null(response.Contact);
    }

    [Fact]
    public void CreateResponse_100Trying_HasNoToTag()
    {
        var request = (SipRequest)SipMessageReader.ParseDatagram(SampleMessages.InviteBytes).Message!;

        var response = SipResponseFactory.CreateResponse(request, 100).Build();

        Assert.Null(response.To!.Tag);
        Assert.Equal("SIP/2.0 100 Trying", response.ToString());
    }

    [Fact]
    public void CreateResponse_RequestAlreadyTagged_KeepsItsTag()
    {
        var text = SampleMessages.Invite.Replace("To: Bob <sip:bob@example.com>", "To: Bob <sip:bob@example.com>;tag=old", StringComparison.Ordinal);
        var request = (SipRequest)SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes(text)).Message!;

        var response = SipResponseFactory.CreateResponse(request, 486).Build();

        Assert.Equal("old", response.To!.Tag);
    }

    [Fact]
    public void CreateResponse_Without_toTag_GeneratesRandomTag()
    {
        var request = (SipRequest)SipMessageReader.ParseDatagram(SampleMessages.InviteBytes).Message!;

        var a = SipResponseFactory.CreateResponse(request, 180).Build().To!.Tag;
        var b = SipResponseFactory.CreateResponse(request, 180).Build().To!.Tag;

        Assert.NotNull(a);
        Assert.NotEqual(a, b);
    }
}
