using System.Text;
using Gateway.Sip.Headers;
using Gateway.Sip.Message;
using Gateway.Sip.Uris;

namespace Gateway.Sip.Tests;

public class SipHeaderParsingTests
{
    private static ReadOnlyMemory<byte> M(string s) => Encoding.UTF8.GetBytes(s);

    private static SipMessage Message(string headers, string body = "") =>
        SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes($"OPTIONS sip:a@b SIP/2.0\r\n{headers}\r\n\r\n{body}")).Message!;

    [Fact]
    public void Via_WithRportReceivedAndIpv6_ParsesParameters()
    {
        var via = SipVia.Parse(M("SIP / 2.0 / TLS [2001:db8::9] : 5061 ;branch=z9hG4bKabc;rport;received=192.0.2.1"), 0);

        Assert.Equal("TLS", via.Transport.ToString());
        Assert.Equal("[2001:db8::9]", via.Host.ToString());
        Assert.Equal(5061, via.Port);
        Assert.True(via.HasRPort);
        Assert.Null(via.RPort);
        Assert.Equal("192.0.2.1", via.Received);
        Assert.True(via.HasRfc3261Branch);
    }

    [Theory]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0/UDP h;;")]
    [InlineData("SIP/2.0/UDP h;branch=")]
    [InlineData("SIP/2.0 UDP h")]
    public void Via_Malformed_Throws(string value) =>
        Assert.Throws<SipParseException>(() => SipVia.Parse(M(value), 0));

    [Fact]
    public void NameAddress_BareAddrSpecWithParams_ParamsBelongToHeader()
    {
        var address = SipNameAddress.Parse(M("sip:alice@example.com;transport=tcp;tag=x"), 0);

        Assert.False(address.IsNameAddr);
        Assert.Empty(((SipUri)address.Uri).Parameters);
        Assert.Equal("x", address.Tag);
        Assert.Equal("tcp", address.Parameters.GetString("transport"));
    }

    [Fact]
    public void NameAddress_QuotedDisplayNameWithEscapes_KeepsQuotedPairs()
    {
        var address = SipNameAddress.Parse(M("\"A \\\"B\\\" C\" <sip:a@h;transport=tcp>;tag=1"), 0);

        Assert.Equal("A \\\"B\\\" C", address.DisplayName.ToString());
        Assert.Equal("tcp", ((SipUri)address.Uri).Transport);
    }

    [Theory]
    [InlineData("\"unterminated <sip:a@h>", SipParseErrorCode.UnterminatedQuotedString)]
    [InlineData("Bell, Alexander <sip:a@h>", SipParseErrorCode.InvalidHeaderValue)]
    [InlineData("< sip:a@h >", SipParseErrorCode.InvalidHeaderValue)]
    [InlineData("sip:a@h?subject=x", SipParseErrorCode.InvalidHeaderValue)]
    [InlineData("<sip:a@h", SipParseErrorCode.InvalidHeaderValue)]
    public void NameAddress_Malformed_ThrowsWithCode(string value, SipParseErrorCode code)
    {
        var ex = Assert.Throws<SipParseException>(() => SipNameAddress.Parse(M(value), 100));

        Assert.Equal(code, ex.Error.Code);
        Assert.True(ex.Error.Offset >= 100);
    }

    [Fact]
    public void Contact_Wildcard_IsRecognised()
    {
        var contact = Message("Contact: *\r\nExpires: 0").Contact!;

        Assert.True(contact.IsWildcard);
        Assert.Empty(contact.Items);
    }

    [Fact]
    public void Contact_InstanceAndHugeExpires_AreExposed()
    {
        var contact = Message("m: <sip:a@h>;+sip.instance=\"<urn:uuid:1>\";expires=99999999999;q=0.5").Contact!.Items[0];

        Assert.Equal("<urn:uuid:1>", contact.SipInstance);
        Assert.Equal(uint.MaxValue, contact.Expires);
        Assert.Equal(0.5, contact.Q);
    }

    [Fact]
    public void CSeq_BoundaryValues_AcceptMaxRejectOverflow()
    {
        Assert.Equal(uint.MaxValue, SipCSeq.Parse(M("4294967295 INVITE"), 0).Number);
        var ex = Assert.Throws<SipParseException>(() => SipCSeq.Parse(M("4294967296 INVITE"), 0));
        Assert.Equal(SipParseErrorCode.NumberOutOfRange, ex.Error.Code);
    }

    [Theory]
    [InlineData("70", 70)]
    [InlineData("0", 0)]
    [InlineData("255", 255)]
    public void MaxForwards_InRange_Parses(string value, int expected) =>
        Assert.Equal(expected, Message($"Max-Forwards: {value}").MaxForwards);

    [Fact]
    public void MaxForwards_Over255_Throws() =>
        Assert.Throws<SipParseException>(() => Message("Max-Forwards: 256").MaxForwards);

    [Fact]
    public void WwwAuthenticate_DigestChallenge_ExposesParameters()
    {
        var challenge = Message("WWW-Authenticate: Digest realm=\"example.com\", nonce=\"abc\", opaque=\"xyz\", algorithm=SHA-256, qop=\"auth,auth-int\", stale=TRUE, userhash=true").WwwAuthenticate[0];

        Assert.True(challenge.IsDigest);
        Assert.Equal("example.com", challenge.Realm);
        Assert.Equal("abc", challenge.Nonce);
        Assert.Equal("xyz", challenge.Opaque);
        Assert.Equal("SHA-256", challenge.Algorithm);
        Assert.Equal(["auth", "auth-int"], challenge.Qop);
        Assert.True(challenge.Stale);
        Assert.True(challenge.UserHash);
    }

    [Fact]
    public void Authorization_DigestCredentials_ExposesParameters()
    {
        var credentials = Message("Proxy-Authorization: Digest username=\"alice\", realm=\"r\", nonce=\"n\", uri=\"sip:bob@h\", response=\"0123\", qop=auth, nc=00000001, cnonce=\"c\"").ProxyAuthorization[0];

        Assert.Equal("alice", credentials.Username);
        Assert.Equal("sip:bob@h", credentials.Uri);
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal("00000001", credentials.NonceCount);
    }

    [Fact]
    public void TokenLists_SplitAcrossLines_AreMerged()
    {
        var message = Message("Allow: INVITE, ACK\r\nAllow: BYE\r\nSupported:\r\nRequire: 100rel\r\nUnsupported: foo\r\nProxy-Require: bar");

        Assert.Equal(["INVITE", "ACK", "BYE"], message.Allow.Select(t => t.ToString()));
        Assert.Empty(message.Supported);
        Assert.Equal("100rel", message.Require.Single().ToString());
        Assert.Equal("foo", message.Unsupported.Single().ToString());
        Assert.Equal("bar", message.ProxyRequire.Single().ToString());
    }

    [Fact]
    public void AlertInfoGeolocationAndPai_ParseUriReferences()
    {
        var message = Message("Alert-Info: <http://www.example.com/sounds/moo.wav>;appearance=2\r\nGeolocation: <cid:target123@example.com>;inserted-by=x\r\nP-Asserted-Identity: \"A\" <sip:a@h>, <tel:+1555>");

        Assert.Equal("2", message.AlertInfo[0].Parameters.GetString("appearance"));
        Assert.Equal("cid", message.Geolocation[0].Uri.Scheme.ToString());
        Assert.IsType<TelUri>(message.PAssertedIdentity[1].Uri);
    }

    [Fact]
    public void ContentTypeAndAccept_ParseMediaTypes()
    {
        var message = Message("Content-Type: application/sdp;charset=utf-8\r\nAccept: application/*;q=0.5, text/plain\r\nExpires: 300\r\nMin-Expires: 60");

        Assert.True(message.ContentType!.Is("application/sdp"));
        Assert.Equal("utf-8", message.ContentType.Parameters.GetString("charset"));
        Assert.True(message.Accept![0].Matches("application", "sdp"));
        Assert.Equal(300u, message.Expires);
        Assert.Equal(60u, message.MinExpires);
    }

    [Fact]
    public void TypedAccessor_RepeatedRead_ReturnsCachedInstance()
    {
        var message = SipMessageReader.ParseDatagram(SampleMessages.InviteBytes).Message!;

        Assert.Same(message.From, message.From);
        Assert.Same(message.Via, message.Via);
    }
}
