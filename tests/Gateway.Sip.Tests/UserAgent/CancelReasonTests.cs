using System.Text;
using Gateway.Sip.Message;
using Gateway.Sip.UserAgent;

namespace Gateway.Sip.Tests.UserAgent;

public sealed class CancelReasonTests
{
    [Theory]
    [InlineData("Reason: SIP;cause=200;text=\"Call completed elsewhere\"\r\n", true)]
    [InlineData("Reason: sip ; cause = 200\r\n", true)]
    [InlineData("Reason: Q.850;cause=16, SIP;cause=200;text=\"a, b; c\"\r\n", true)]
    [InlineData("Reason: Q.850;cause=16\r\nReason: SIP;cause=200\r\n", true)]
    [InlineData("", false)]
    [InlineData("Reason: SIP;cause=487;text=\"Request Terminated\"\r\n", false)]
    [InlineData("Reason: Q.850;cause=200\r\n", false)]
    [InlineData("Reason: SIP;text=\"cause=200\"\r\n", false)]
    [InlineData("Reason: SIP;cause=\r\n", false)]
    [InlineData("Reason: ;;;\"unterminated\r\n", false)]
    public void IsAnsweredElsewhere_OnlyForSipCause200(string reasonLines, bool expected)
    {
        var text = "CANCEL sip:fm-1@127.0.0.1:5062 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-1\r\n"
            + "From: <sip:bob@127.0.0.1>;tag=a\r\nTo: <sip:alice@127.0.0.1>\r\nCall-ID: c1\r\nCSeq: 1 CANCEL\r\nMax-Forwards: 70\r\n"
            + reasonLines + "Content-Length: 0\r\n\r\n";
        var cancel = (SipRequest)SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes(text)).Message!;

        Assert.Equal(expected, CancelReason.IsAnsweredElsewhere(cancel));
    }
}
