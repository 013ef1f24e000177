using System.Text;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.Tests.Transactions;

public class SipStatelessResponseTests
{
    [Fact]
    public void CreateBadRequest_BrokenRequest_CopiesRoutingHeadersAndAddsToTag()
    {
        var raw = "OPTIONS sip:gw@example.com SIP/2.0\r\n"
            + "v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKx\r\n"
            + "Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bKy\r\n"
            + "From: <sip:a@example.com>;tag=1\r\nTo: <sip:gw@example.com>\r\nCall-ID: c1\r\nCSeq: zz OPTIONS\r\nX-Junk\r\n\r\n";

        var bytes = SipStatelessResponse.CreateBadRequest(Encoding.UTF8.GetBytes(raw), "bad\r\nCSeq");

        var response = Assert.IsType<SipResponse>(SipMessageReader.ParseDatagram(bytes).Message);
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("Bad Request (bad  CSeq)", response.ReasonPhrase.ToString());
        Assert.Equal(2, response.Via.Count);
        Assert.Equal("z9hG4bKx", response.Via[0].Branch);
        Assert.NotNull(response.To!.Tag);
        Assert.Equal("c1", response.CallId.ToString());
    }

    [Fact]
    public void CreateBadRequest_NoVia_ReturnsNull()
    {
        var raw = "OPTIONS sip:gw@example.com SIP/2.0\r\nFrom: <sip:a@example.com>;tag=1\r\n\r\n";

        Assert.Null(SipStatelessResponse.CreateBadRequest(Encoding.UTF8.GetBytes(raw), "no Via"));
    }
}
