using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Sip.Tests;

public class SipHeaderNamesTests
{
    [Theory]
    [InlineData("i", SipHeaderId.CallId)]
    [InlineData("M", SipHeaderId.Contact)]
    [InlineData("f", SipHeaderId.From)]
    [InlineData("t", SipHeaderId.To)]
    [InlineData("v", SipHeaderId.Via)]
    [InlineData("l", SipHeaderId.ContentLength)]
    [InlineData("c", SipHeaderId.ContentType)]
    [InlineData("k", SipHeaderId.Supported)]
    [InlineData("s", SipHeaderId.Subject)]
    [InlineData("e", SipHeaderId.ContentEncoding)]
    [InlineData("o", SipHeaderId.Event)]
    [InlineData("u", SipHeaderId.AllowEvents)]
    [InlineData("r", SipHeaderId.ReferTo)]
    [InlineData("b", SipHeaderId.ReferredBy)]
    [InlineData("x", SipHeaderId.SessionExpires)]
    [InlineData("y", SipHeaderId.Identity)]
    [InlineData("MaX-fOrWaRdS", SipHeaderId.MaxForwards)]
    [InlineData("www-authenticate", SipHeaderId.WwwAuthenticate)]
    [InlineData("P-Asserted-Identity", SipHeaderId.PAssertedIdentity)]
    [InlineData("C%6Fntact", SipHeaderId.Unknown)]
    [InlineData("g", SipHeaderId.Unknown)]
    [InlineData("X-Custom-Header-That-Is-Long", SipHeaderId.Unknown)]
    public void Identify_AnyCaseOrCompactForm_ResolvesHeader(string name, SipHeaderId expected) =>
        Assert.Equal(expected, SipHeaderNames.Identify(Encoding.ASCII.GetBytes(name)));

    [Fact]
    public void GetCanonicalName_EveryKnownHeader_RoundTripsThroughIdentify()
    {
        foreach (var id in Enum.GetValues<SipHeaderId>().Where(i => i != SipHeaderId.Unknown))
        {
            Assert.Equal(id, SipHeaderNames.Identify(SipHeaderNames.GetCanonicalName(id)));
        }
    }

    [Fact]
    public void ListSplit_CommaInsideAngleBracketsAndQuotes_DoesNotSplit()
    {
        var message = SipMessageReader.ParseDatagram(Encoding.ASCII.GetBytes(
            "OPTIONS sip:a@b SIP/2.0\r\nContact: \"a, b\" <sip:x,y@h>;q=0.1, <sip:z@h>\r\n\r\n")).Message!;

        var contacts = message.Contact!.Items;

        Assert.Equal(2, contacts.Count);
        Assert.Equal("x,y", ((Uris.SipUri)contacts[0].Uri).User.ToString());
        Assert.Equal("a, b", contacts[0].DisplayName.ToString());
    }
}
