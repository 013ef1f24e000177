using Gateway.Sip.Auth;
using Gateway.Sip.UserAgent;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>Outgoing calls placed as a card's user: From, display name, Contact, authenticator and extra headers per call.</summary>
public class CallIdentityTests
{
    private const string PeerUri = "sip:+15551230001@127.0.0.1:5070";
    private const string ProxyChallenge = "Proxy-Authenticate: Digest realm=\"example.com\", nonce=\"n1\", qop=\"auth\", algorithm=MD5";

    private static SipCallOptions Traveller(DigestAuthenticator? authenticator = null) => new()
    {
        FromUri = "sip:traveller@example.com",
        DisplayName = "T. \"Ray\" Raveller",
        ContactUser = "c-3f9a",
        Authenticator = authenticator,
        Headers = [new("X-Gateway-Device", "lobby-7"), new("Geolocation", "<geo:38.7,-9.1>")],
    };

    [Fact]
    public void Call_WithIdentity_InviteCarriesFromDisplayNameContactAndHeaders()
    {
        var f = new RawPeerFixture();

        f.Alice.Agent.Call(PeerUri, Sdp.Offer, Traveller());

        var invite = Assert.Single(f.Requests("INVITE"));
        Assert.Equal("sip:traveller@example.com", invite.From!.Uri.Text.ToString());
        Assert.StartsWith("\"T. \\\"Ray\\\" Raveller\" <sip:traveller@example.com>;tag=", invite.GetValues("From")[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("sip:c-3f9a@127.0.0.1:5060", invite.Contact!.Items[0].Uri.Text.ToString());
        Assert.Equal("lobby-7", invite.GetValues("X-Gateway-Device")[0].ToString());
        Assert.Equal("<geo:38.7,-9.1>", invite.GetValues("Geolocation")[0].ToString());
        Assert.Equal(PeerUri, invite.To!.Uri.Text.ToString());
    }

    [Fact]
    public void Call_WithoutIdentity_UsesTheAgentsOwnFromAndContact()
    {
        var f = new RawPeerFixture();

        f.Alice.Agent.Call(PeerUri, Sdp.Offer);

        var invite = Assert.Single(f.Requests("INVITE"));
        Assert.Equal("sip:alice@127.0.0.1", invite.From!.Uri.Text.ToString());
        Assert.StartsWith("<sip:alice@127.0.0.1>;tag=", invite.GetValues("From")[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("sip:alice@127.0.0.1:5060", invite.Contact!.Items[0].Uri.Text.ToString());
        Assert.Empty(invite.GetValues("X-Gateway-Device"));
    }

    [Fact]
    public async Task Call_407_AnsweredByThePerCallAuthenticatorNotTheAgents()
    {
        var agentCard = new CountingResponder("box", "box-secret");
        var userCard = new CountingResponder("traveller", "secret");
        var f = new RawPeerFixture(o => new SipUserAgentOptions { Local = o.Local, User = o.User, Authenticator = new DigestAuthenticator("box", agentCard) });
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer, Traveller(new DigestAuthenticator("traveller", userCard)));

        f.Respond(f.Requests("INVITE")[0], 407, extraHeaders: ProxyChallenge);

        var retry = f.Requests("INVITE")[1];
        Assert.Equal("traveller", Assert.Single(retry.ProxyAuthorization).Username);
        Assert.Single(userCard.Requests);
        Assert.Empty(agentCard.Requests);
        Assert.Equal("lobby-7", retry.GetValues("X-Gateway-Device")[0].ToString());
        Assert.Equal(f.Requests("INVITE")[0].From!.Tag, retry.From!.Tag);

        f.Respond(retry, 200, extraHeaders: "Contact: <sip:bob@127.0.0.1:5070>", body: Sdp.Text(Sdp.Answer));
        await call.Connected;
        Assert.Contains("sip:c-3f9a@127.0.0.1:5060", call.Dialog!.LocalContact, StringComparison.Ordinal);
        Assert.Contains("<sip:traveller@example.com>", call.Dialog.LocalUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_407WithoutAnyAuthenticator_Rejected()
    {
        var f = new RawPeerFixture();
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer, new SipCallOptions { FromUri = "sip:traveller@example.com" });

        f.Respond(f.Requests("INVITE")[0], 407, extraHeaders: ProxyChallenge);

        Assert.Equal(new SipCallEnd(SipCallEndReason.Rejected, 407), await call.Ended);
    }

    public static TheoryData<string, SipCallOptions> BadOptions => new()
    {
        { "FromUri", new SipCallOptions { FromUri = "not a uri" } },
        { "FromUri", new SipCallOptions { FromUri = "tel:+15551230001" } },
        { "FromUri", new SipCallOptions { FromUri = "sip:a@b>;x=<y" } },
        { "DisplayName", new SipCallOptions { DisplayName = "Eve\r\nVia: SIP/2.0/UDP evil" } },
        { "DisplayName", new SipCallOptions { DisplayName = new string('x', 200) } },
        { "ContactUser", new SipCallOptions { ContactUser = "" } },
        { "ContactUser", new SipCallOptions { ContactUser = "a@b" } },
        { "Headers", new SipCallOptions { Headers = [new("X-Gateway-Device", "lobby\r\nBYE: x")] } },
        { "Headers", new SipCallOptions { Headers = [new("Bad Name", "x")] } },
        { "Headers", new SipCallOptions { Headers = [new("Via", "SIP/2.0/UDP 1.2.3.4")] } },
        { "Headers", new SipCallOptions { Headers = [new("call-id", "x")] } },
        { "Headers", new SipCallOptions { Headers = [new("Proxy-Authorization", "Digest x")] } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Call_BadIdentity_ThrowsBeforeSendingAnything(string parameter, SipCallOptions options)
    {
        var f = new RawPeerFixture();

        var ex = Assert.Throws<ArgumentException>(() => f.Alice.Agent.Call(PeerUri, Sdp.Offer, options));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Empty(f.Requests("INVITE"));
        Assert.Equal(0, f.Alice.Agent.ActiveCallCount);
    }
}
