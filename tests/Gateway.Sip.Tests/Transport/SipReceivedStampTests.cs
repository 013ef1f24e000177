using System.Net;
using System.Text;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Tests.Transport;

public class SipReceivedStampTests
{
    private static readonly IPEndPoint s_source = new(IPAddress.Parse("203.0.113.7"), 40000);

    [Fact]
    public void Apply_SentByEqualsSourceNoRport_Unchanged()
    {
        var request = Parse("SIP/2.0/UDP 203.0.113.7:5060;branch=z9hG4bK1");

        Assert.Same(request, SipReceivedStamp.Apply(request, s_source));
    }

    [Fact]
    public void Apply_SentByDiffers_AddsReceived()
    {
        var stamped = SipReceivedStamp.Apply(Parse("SIP/2.0/UDP phone.example.com:5060;branch=z9hG4bK1"), s_source);

        Assert.Equal("203.0.113.7", stamped.Via[0].Received);
        Assert.False(stamped.Via[0].HasRPort);
        Assert.Equal("z9hG4bK1", stamped.Via[0].Branch);
    }

    [Fact]
    public void Apply_EmptyRport_FillsPortAndAddsReceivedEvenWhenHostMatches()
    {
        var stamped = SipReceivedStamp.Apply(Parse("SIP/2.0/UDP 203.0.113.7:5060;rport;branch=z9hG4bK1"), s_source);

        Assert.Equal(40000, stamped.Via[0].RPort);
        Assert.Equal("203.0.113.7", stamped.Via[0].Received);
    }

    [Fact]
    public void Apply_SecondViaElementOnSameLine_OnlyTopChangedAndBodyKept()
    {
        var stamped = SipReceivedStamp.Apply(Parse("SIP/2.0/UDP 10.0.0.1;rport;branch=z9hG4bK1, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bK2", "hello"), s_source);

        Assert.Equal(2, stamped.Via.Count);
        Assert.Equal(40000, stamped.Via[0].RPort);
        Assert.Null(stamped.Via[1].Received);
        Assert.Equal("hello", Encoding.UTF8.GetString(stamped.Body.Span));
    }

    [Fact]
    public void Apply_Ipv6SentByInBrackets_MatchesSource()
    {
        var request = Parse("SIP/2.0/UDP [::1]:5060;branch=z9hG4bK1");

        Assert.Same(request, SipReceivedStamp.Apply(request, new IPEndPoint(IPAddress.IPv6Loopback, 5060)));
    }

    [Fact]
    public void Apply_StaleReceived_Replaced()
    {
        var stamped = SipReceivedStamp.Apply(Parse("SIP/2.0/UDP 10.0.0.1;received=1.2.3.4;branch=z9hG4bK1"), s_source);

        Assert.Equal("203.0.113.7", stamped.Via[0].Received);
        Assert.Single(stamped.Via[0].Parameters, p => p.Name.EqualsIgnoreCase("received"));
    }

    private static SipRequest Parse(string via, string body = "")
    {
        var text = "OPTIONS sip:gw@example.com SIP/2.0\r\n"
            + $"Via: {via}\r\n"
            + "From: <sip:a@example.com>;tag=1\r\nTo: <sip:gw@example.com>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\n"
            + $"Content-Length: {body.Length}\r\n\r\n{body}";
        return (SipRequest)SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes(text)).Message!;
    }
}
