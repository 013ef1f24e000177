using Gateway.Sip.Auth;
using Gateway.Sip.UserAgent;

namespace Gateway.Sip.Tests.UserAgent;

public class OutgoingCallTests
{
    private const string PeerUri = "sip:bob@127.0.0.1:5070";
    private const string Challenge = "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"n1\", qop=\"auth\", algorithm=MD5";

    [Fact]
    public async Task Invite_401_RetriedOnceWithCredentialsNewCSeqSameCallId()
    {
        var responder = new CountingResponder("alice", "secret");
        var f = new RawPeerFixture(o => new SipUserAgentOptions { Local = o.Local, User = o.User, Authenticator = new DigestAuthenticator("alice", responder) });
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer);

        f.Respond(f.Requests("INVITE")[0], 401, extraHeaders: Challenge);

        var invites = f.Requests("INVITE");
        Assert.Equal(2, invites.Count);
        Assert.Equal(invites[0].CallId, invites[1].CallId);
        Assert.Equal(invites[0].From!.Tag, invites[1].From!.Tag);
        Assert.Equal(invites[0].CSeq!.Number + 1, invites[1].CSeq!.Number);
        Assert.Null(invites[1].To!.Tag);
        Assert.Equal(2, call.Attempts);
        var credentials = Assert.Single(invites[1].Authorization);
        Assert.Equal("alice", credentials.Username);
        Assert.Equal("INVITE", Assert.Single(responder.Requests).Method);
        Assert.Single(f.Requests("ACK")); // the transaction ACKed the 401

        f.Respond(invites[1], 200, extraHeaders: "Contact: <sip:bob@127.0.0.1:5070>", body: Sdp.Text(Sdp.Answer));
        await call.Connected;
        Assert.Equal(2, f.Requests("ACK").Count);
    }

    [Fact]
    public async Task Invite_401Twice_GivesUpAfterOneRetry()
    {
        var responder = new CountingResponder("alice", "secret");
        var f = new RawPeerFixture(o => new SipUserAgentOptions { Local = o.Local, User = o.User, Authenticator = new DigestAuthenticator("alice", responder) });
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer);

        f.Respond(f.Requests("INVITE")[0], 401, extraHeaders: Challenge);
        f.Respond(f.Requests("INVITE")[1], 401, extraHeaders: Challenge.Replace("n1", "n2", StringComparison.Ordinal));

        Assert.Equal(new SipCallEnd(SipCallEndReason.Rejected, 401), await call.Ended);
        Assert.Equal(2, f.Requests("INVITE").Count);
    }

    [Fact]
    public async Task Invite_401WithoutAuthenticator_Rejected()
    {
        var f = new RawPeerFixture();
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer);

        f.Respond(f.Requests("INVITE")[0], 401, extraHeaders: Challenge);

        Assert.Equal(new SipCallEnd(SipCallEndReason.Rejected, 401), await call.Ended);
    }

    [Fact]
    public void Redirect_302_FollowedToTheContact()
    {
        var f = new RawPeerFixture(o => new SipUserAgentOptions { Local = o.Local, User = o.User, MaxRedirects = 3 });
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer);

        f.Respond(f.Requests("INVITE")[0], 302, extraHeaders: "Contact: <sip:carol@127.0.0.1:5070>");

        var invites = f.Requests("INVITE");
        Assert.Equal(2, invites.Count);
        Assert.Equal("sip:carol@127.0.0.1:5070", invites[1].RequestUriText.ToString());
        Assert.Equal("sip:carol@127.0.0.1:5070", call.Target);
        Assert.Equal(invites[0].CSeq!.Number + 1, invites[1].CSeq!.Number);
    }

    [Fact]
    public async Task Redirect_Loop_StopsAtAnAlreadyTriedTarget()
    {
        var f = new RawPeerFixture(o => new SipUserAgentOptions { Local = o.Local, User = o.User, MaxRedirects = 10 });
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer);

        f.Respond(f.Requests("INVITE")[0], 302, extraHeaders: "Contact: <sip:carol@127.0.0.1:5070>");
        f.Respond(f.Requests("INVITE")[1], 302, extraHeaders: $"Contact: <{PeerUri}>");

        Assert.Equal(new SipCallEnd(SipCallEndReason.Rejected, 302), await call.Ended);
        Assert.Equal(2, f.Requests("INVITE").Count);
    }

    [Fact]
    public async Task Redirect_BoundedByMaxRedirects()
    {
        var f = new RawPeerFixture(o => new SipUserAgentOptions { Local = o.Local, User = o.User, MaxRedirects = 2 });
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer);

        for (var i = 0; i < 3; i++)
        {
            f.Respond(f.Requests("INVITE")[i], 302, extraHeaders: $"Contact: <sip:hop{i}@127.0.0.1:5070>");
        }

        Assert.Equal(new SipCallEnd(SipCallEndReason.Rejected, 302), await call.Ended);
        Assert.Equal(3, f.Requests("INVITE").Count);
    }

    [Fact]
    public async Task Redirect_NotFollowedByDefault()
    {
        var f = new RawPeerFixture();
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer);

        f.Respond(f.Requests("INVITE")[0], 302, extraHeaders: "Contact: <sip:carol@127.0.0.1:5070>");

        Assert.Equal(new SipCallEnd(SipCallEndReason.Rejected, 302), await call.Ended);
        Assert.Single(f.Requests("INVITE"));
    }

    [Fact]
    public async Task Forked2xx_FirstConfirmsTheCall_SecondIsAckedAndByed()
    {
        var f = new RawPeerFixture();
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer);
        var invite = f.Requests("INVITE")[0];

        f.Respond(invite, 180, toTag: "fork-a", extraHeaders: "Contact: <sip:a@127.0.0.1:5070>");
        f.Respond(invite, 180, toTag: "fork-b", extraHeaders: "Contact: <sip:b@127.0.0.1:5070>");
        f.Respond(invite, 200, toTag: "fork-a", extraHeaders: "Contact: <sip:a@127.0.0.1:5070>", body: Sdp.Text(Sdp.Answer));
        f.Respond(invite, 200, toTag: "fork-b", extraHeaders: "Contact: <sip:b@127.0.0.1:5070>", body: Sdp.Text(Sdp.Answer));
        f.Respond(invite, 200, toTag: "fork-a", extraHeaders: "Contact: <sip:a@127.0.0.1:5070>", body: Sdp.Text(Sdp.Answer));

        await call.Connected;
        Assert.Equal("fork-a", call.Dialog!.Id.RemoteTag);
        var acks = f.Requests("ACK");
        Assert.Equal(["sip:a@127.0.0.1:5070", "sip:b@127.0.0.1:5070", "sip:a@127.0.0.1:5070"], acks.Select(a => a.RequestUriText.ToString()));
        var bye = Assert.Single(f.Requests("BYE"));
        Assert.Equal("sip:b@127.0.0.1:5070", bye.RequestUriText.ToString());
        Assert.Equal("fork-b", bye.To!.Tag);
        Assert.Equal(SipCallState.Connected, call.State);
    }

    [Fact]
    public async Task EarlyDialogFromOneFork_2xxFromAnother_CallUsesTheAnsweringFork()
    {
        var f = new RawPeerFixture();
        var call = f.Alice.Agent.Call(PeerUri, Sdp.Offer);
        var invite = f.Requests("INVITE")[0];

        f.Respond(invite, 180, toTag: "fork-a", extraHeaders: "Contact: <sip:a@127.0.0.1:5070>");
        Assert.Equal("fork-a", call.Dialog!.Id.RemoteTag);
        f.Respond(invite, 200, toTag: "fork-b", extraHeaders: "Contact: <sip:b@127.0.0.1:5070>", body: Sdp.Text(Sdp.Answer));

        await call.Connected;
        Assert.Equal("fork-b", call.Dialog!.Id.RemoteTag);
        Assert.Equal(1, f.Alice.Agent.Dialogs.Count);
        _ = call.HangUpAsync();
        var bye = Assert.Single(f.Requests("BYE"));
        Assert.Equal("fork-b", bye.To!.Tag);
        Assert.Equal(0, f.Alice.Agent.Dialogs.Count);
    }

    [Fact]
    public async Task Call_HostNameWithoutOutboundProxy_FailsWith503AndSendsNothing()
    {
        var f = new RawPeerFixture();

        var call = f.Alice.Agent.Call("sip:bob@example.com", Sdp.Offer);

        Assert.Equal(new SipCallEnd(SipCallEndReason.Failed, 503), await call.Ended);
        Assert.Empty(f.Network.Packets);
    }

    [Fact]
    public void Ack_For2xx_UsesRemoteTargetAndRouteSetReversed()
    {
        var f = new RawPeerFixture();
        f.Alice.Agent.Call(PeerUri, Sdp.Offer);
        var invite = f.Requests("INVITE")[0];

        f.Respond(invite, 200, extraHeaders: "Record-Route: <sip:127.0.0.9;lr>\nRecord-Route: <sip:127.0.0.1:5070;lr>\nContact: <sip:bob@127.0.0.1:5099>");

        var ack = Assert.Single(f.Requests("ACK"));
        Assert.Equal("sip:bob@127.0.0.1:5099", ack.RequestUriText.ToString());
        Assert.Equal(["<sip:127.0.0.1:5070;lr>", "<sip:127.0.0.9;lr>"], ack.Route.Select(r => r.ToString()));
        Assert.Equal(invite.CSeq!.Number, ack.CSeq!.Number);
    }
}
