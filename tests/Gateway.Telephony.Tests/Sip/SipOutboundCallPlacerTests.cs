using Gateway.Sip.Auth;
using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Tests.Sip;

public sealed class SipOutboundCallPlacerTests
{
    private const string Offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

    private static readonly OutboundCallOptions s_options = new()
    {
        Domain = "127.0.0.1:5070",
        DeviceId = "lobby-7",
        BoxAor = "sip:box-7@127.0.0.1",
        BoxDisplayName = "Hotel lobby",
        BoxAuthenticator = new DigestAuthenticator("box-7", new PasswordDigestResponder("box-7", "box")),
        EmergencyNumbers = new HashSet<string>(["911", "112"], StringComparer.Ordinal),
        EmergencyHeaders = [new("Geolocation", "<geo:38.7,-9.1>"), new("X-Gateway-Location", "country=PT")],
    };

    [Fact]
    public void Place_WithAccount_BilledToTheUserWithTheDeviceHeader()
    {
        var net = new SipTestNetwork();
        var placer = new SipOutboundCallPlacer(net.Agent, s_options);
        var alice = SipTestNetwork.Account();

        placer.Place("station-1", "+15551230002", alice, Offer);

        var invite = Assert.Single(net.Requests("INVITE"));
        Assert.Equal("sip:+15551230002@127.0.0.1:5070", invite.RequestUriText.ToString());
        Assert.Equal("sip:alice@127.0.0.1", invite.From!.Uri.Text.ToString());
        Assert.Contains("\"T. alice\"", invite.GetValues("From")[0].ToString(), StringComparison.Ordinal);
        Assert.Equal($"sip:{alice.ContactUser}@127.0.0.1:5060", invite.Contact!.Items[0].Uri.Text.ToString());
        Assert.Equal("lobby-7", invite.GetValues("X-Gateway-Device")[0].ToString());
        Assert.Empty(invite.GetValues("Geolocation"));
        Assert.Equal("application/sdp", invite.GetValues("Content-Type")[0].ToString());
    }

    [Fact]
    public void Place_407_AnsweredByTheAccountsCardNotTheBox()
    {
        var net = new SipTestNetwork();
        net.Answer = r => r.Method.ToString() == "INVITE" && r.ProxyAuthorization.Count == 0
            ? SipTestNetwork.Response(r, 407, "Proxy-Authenticate: Digest realm=\"127.0.0.1\", nonce=\"n1\", qop=\"auth\", algorithm=MD5")
            : null;
        var placer = new SipOutboundCallPlacer(net.Agent, s_options);

        placer.Place("station-1", "5551230002", SipTestNetwork.Account(), Offer);

        var retry = net.Requests("INVITE")[1];
        Assert.Equal("alice", Assert.Single(retry.ProxyAuthorization).Username);
    }

    [Fact]
    public void Place_WithoutCard_TheBoxsIdentity_AndEmergencyNumbersCarryTheLocation()
    {
        var net = new SipTestNetwork();
        var placer = new SipOutboundCallPlacer(net.Agent, s_options);

        placer.Place("station-1", "911", null, Offer);

        var invite = Assert.Single(net.Requests("INVITE"));
        Assert.Equal("sip:box-7@127.0.0.1", invite.From!.Uri.Text.ToString());
        Assert.Equal("<geo:38.7,-9.1>", invite.GetValues("Geolocation")[0].ToString());
        Assert.Equal("country=PT", invite.GetValues("X-Gateway-Location")[0].ToString());
        Assert.Equal("lobby-7", invite.GetValues("X-Gateway-Device")[0].ToString());
    }

    [Fact]
    public void Place_HashInTheDialString_IsEscaped()
    {
        var net = new SipTestNetwork();
        var placer = new SipOutboundCallPlacer(net.Agent, s_options);

        placer.Place("station-1", "*72#", null, Offer);

        Assert.Equal("sip:*72%23@127.0.0.1:5070", Assert.Single(net.Requests("INVITE")).RequestUriText.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("555 1234")]
    [InlineData("bob@evil")]
    [InlineData("123456789012345678901234567890123")]
    public void Place_BadDialString_ThrowsAndSendsNothing(string dialled)
    {
        var net = new SipTestNetwork();
        var placer = new SipOutboundCallPlacer(net.Agent, s_options);

        Assert.Throws<ArgumentException>(() => placer.Place("station-1", dialled, null, Offer));
        Assert.Empty(net.Requests("INVITE"));
    }

    [Fact]
    public void Place_WipedAccount_Throws()
    {
        var net = new SipTestNetwork();
        var placer = new SipOutboundCallPlacer(net.Agent, s_options);
        var alice = SipTestNetwork.Account();
        alice.Wipe();

        Assert.Throws<InvalidOperationException>(() => placer.Place("station-1", "+15551230002", alice, Offer));
        Assert.Empty(net.Requests("INVITE"));
    }
}
