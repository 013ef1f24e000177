using Gateway.Sip.Message;
using Gateway.Sip.Uris;

namespace Gateway.Sip.Tests;

public class SipUriTests
{
    [Fact]
    public void Parse_FullSipsUri_ExposesEveryPart()
    {
        var uri = Assert.IsType<SipUri>(AddressUri.Parse("sips:alice:secret@[2001:db8::1]:5061;transport=tls;lr?subject=hi&priority=urgent"));

        Assert.True(uri.IsSecure);
        Assert.Equal("alice", uri.User.ToString());
        Assert.Equal("secret", uri.Password.ToString());
        Assert.Equal("[2001:db8::1]", uri.Host.ToString());
        Assert.Equal(5061, uri.Port);
        Assert.Equal("tls", uri.Transport);
        Assert.True(uri.IsLooseRouter);
        Assert.Equal("urgent", uri.Headers.GetString("priority"));
    }

    [Fact]
    public void Parse_HostOnly_HasNoUser()
    {
        var uri = Assert.IsType<SipUri>(AddressUri.Parse("SIP:example.com"));

        Assert.False(uri.HasUser);
        Assert.Equal("example.com", uri.Host.ToString());
        Assert.Null(uri.Port);
    }

    [Fact]
    public void Parse_TelUri_KeepsNumberAndContext()
    {
        var uri = Assert.IsType<TelUri>(AddressUri.Parse("tel:+1-201-555-0123;phone-context=example.com"));

        Assert.True(uri.IsGlobal);
        Assert.Equal("+1-201-555-0123", uri.Number.ToString());
        Assert.Equal("example.com", uri.Parameters.GetString("phone-context"));
    }

    [Fact]
    public void Parse_UnknownScheme_IsAbsoluteUri()
    {
        var uri = Assert.IsType<AbsoluteUri>(AddressUri.Parse("urn:service:sos"));

        Assert.Equal("urn", uri.Scheme.ToString());
        Assert.Equal("service:sos", uri.SchemeSpecificPart.ToString());
    }

    [Theory]
    [InlineData("sip:al%4ice@example.com", SipParseErrorCode.InvalidEscape)]
    [InlineData("sip:alice@exa mple.com", SipParseErrorCode.InvalidUri)]
    [InlineData("sip:alice@example.com:99999", SipParseErrorCode.InvalidUri)]
    [InlineData("sip:alice@", SipParseErrorCode.InvalidUri)]
    [InlineData("sip:alice@h;=x", SipParseErrorCode.InvalidParameter)]
    [InlineData("sip:alice@h?x", SipParseErrorCode.InvalidUri)]
    [InlineData("1sip:x", SipParseErrorCode.InvalidUri)]
    [InlineData("sip:a@[zz]", SipParseErrorCode.InvalidUri)]
    public void Parse_Malformed_ThrowsParseException(string text, SipParseErrorCode code)
    {
        var ex = Assert.Throws<SipParseException>(() => AddressUri.Parse(text));

        Assert.Equal(code, ex.Error.Code);
    }

    [Fact]
    public void UnescapedUser_EscapedPercent_IsDecodedOnlyOnce()
    {
        var uri = (SipUri)AddressUri.Parse("sip:a%2541@h");

        Assert.Equal("a%41", uri.UnescapedUser);
        Assert.Equal("a%2541", uri.User.ToString());
    }
}
