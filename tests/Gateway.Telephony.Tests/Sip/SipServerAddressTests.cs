using Gateway.Sip.Transport;
using Gateway.Telephony.Accounts;

namespace Gateway.Telephony.Tests.Sip;

public sealed class SipServerAddressTests
{
    [Theory]
    [InlineData("sip:127.0.0.1:5080", "sip:127.0.0.1:5080", "127.0.0.1:5080", SipTransportKind.Udp)]
    [InlineData("sip:127.0.0.1", "sip:127.0.0.1:5060", "127.0.0.1:5060", SipTransportKind.Udp)]
    [InlineData("127.0.0.2:7000", "sip:127.0.0.2:7000", "127.0.0.2:7000", SipTransportKind.Udp)]
    [InlineData("sip:127.0.0.1:5080;transport=tcp", "sip:127.0.0.1:5080;transport=tcp", "127.0.0.1:5080", SipTransportKind.Tcp)]
    [InlineData("sip:127.0.0.1:5080;lr", "sip:127.0.0.1:5080", "127.0.0.1:5080", SipTransportKind.Udp)]
    [InlineData("sip:[::1]:5090", "sip:[::1]:5090", "[::1]:5090", SipTransportKind.Udp)]
    public void TryParse_Valid(string text, string uri, string endPoint, SipTransportKind transport)
    {
        Assert.True(SipServerAddress.TryParse(text, out var address));
        Assert.Equal(uri, address!.Uri);
        Assert.Equal(endPoint, address.EndPoint.EndPoint.ToString());
        Assert.Equal(transport, address.EndPoint.Transport);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sip:voip.example")]
    [InlineData("sips:127.0.0.1")]
    [InlineData("tel:+15551230001")]
    [InlineData("sip:alice@127.0.0.1")]
    [InlineData("sip:127.0.0.1:0")]
    [InlineData("sip:127.0.0.1:70000")]
    [InlineData("sip:127.0.0.1:50x")]
    [InlineData("sip:127.0.0.1;transport=sctp")]
    [InlineData("sip:::1")]
    [InlineData("sip:[::1")]
    public void TryParse_Invalid(string? text)
    {
        Assert.False(SipServerAddress.TryParse(text, out var address));
        Assert.Null(address);
    }
}
