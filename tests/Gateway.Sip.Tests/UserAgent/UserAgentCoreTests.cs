using Gateway.Sip.UserAgent;

namespace Gateway.Sip.Tests.UserAgent;

public class UserAgentCoreTests
{
    private const string Allow = "ACK, BYE, CANCEL, INVITE, OPTIONS";

    [Fact]
    public void Options_OutOfDialog_200ListsOnlyWhatTheUaHandles()
    {
        var f = new RawPeerFixture();

        f.Send(RawPeer.Request("OPTIONS", f.AliceUri, "o1@peer", 1));

        var response = f.LastResponse;
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(Allow, string.Join(", ", response.Allow.Select(a => a.ToString())));
        Assert.Equal("application/sdp", Assert.Single(response.Accept!).ToString());
        Assert.Empty(response.Supported);
    }

    [Theory]
    [InlineData("FOO", 501)]
    [InlineData("REGISTER", 405)]
    [InlineData("SUBSCRIBE", 405)]
    [InlineData("MESSAGE", 405)]
    public void UnhandledMethod_501Or405_WithAllowOfHandledMethods(string method, int expected)
    {
        var f = new RawPeerFixture();

        f.Send(RawPeer.Request(method, f.AliceUri, "m1@peer", 1));

        Assert.Equal(expected, f.LastResponse.StatusCode);
        Assert.Equal(Allow, string.Join(", ", f.LastResponse.Allow.Select(a => a.ToString())));
    }

    [Theory]
    [InlineData("BYE", "nobody")]
    [InlineData("OPTIONS", "nobody")]
    [InlineData("INVITE", "nobody")]
    [InlineData("BYE", "")]
    public void RequestForUnknownDialog_481(string method, string toTag)
    {
        var f = new RawPeerFixture();
        var contact = method == "INVITE" ? "Contact: <sip:peer@127.0.0.1:5070>\r\n" : string.Empty;

        f.Send(RawPeer.Request(method, f.AliceUri, "lost@peer", 1, toTag: toTag, extraHeaders: contact));

        Assert.Equal(481, f.LastResponse.StatusCode);
        Assert.Empty(f.Alice.IncomingCalls);
    }

    [Fact]
    public async Task InDialog_LowerCSeq_500_HigherCSeqAccepted()
    {
        var f = new RawPeerFixture();
        var (call, tag) = f.PeerCallsAndAliceAccepts(cseq: 10);

        f.Send(RawPeer.Request("OPTIONS", f.AliceUri, "c1@peer", 5, toTag: tag));
        Assert.Equal(500, f.LastResponse.StatusCode);

        f.Send(RawPeer.Request("OPTIONS", f.AliceUri, "c1@peer", 11, toTag: tag));
        Assert.Equal(200, f.LastResponse.StatusCode);

        f.Send(RawPeer.Request("BYE", f.AliceUri, "c1@peer", 12, toTag: tag));
        Assert.Equal(200, f.LastResponse.StatusCode);
        Assert.Equal(SipCallEndReason.RemoteHangUp, (await call.Ended).Reason);
    }

    [Fact]
    public void InDialog_RequestWithWrongFromTag_481_CallUnaffected()
    {
        var f = new RawPeerFixture();
        var (call, tag) = f.PeerCallsAndAliceAccepts();

        f.Send(RawPeer.Request("BYE", f.AliceUri, "c1@peer", 11, toTag: tag, fromTag: "someone-else"));

        Assert.Equal(481, f.LastResponse.StatusCode);
        Assert.Equal(SipCallState.Connected, call.State);
    }

    [Fact]
    public void InDialog_Malformed_AnsweredWithoutEndingTheCall()
    {
        var f = new RawPeerFixture();
        var (call, tag) = f.PeerCallsAndAliceAccepts();

        // A re-INVITE without Contact cannot refresh the target.
        f.Send(RawPeer.Request("INVITE", f.AliceUri, "c1@peer", 11, toTag: tag));
        Assert.Equal(400, f.LastResponse.StatusCode);

        // CSeq that does not parse.
        f.Send(RawPeer.Request("BYE", f.AliceUri, "c1@peer", 12, toTag: tag).Replace("CSeq: 12 BYE", "CSeq: x BYE", StringComparison.Ordinal));
        Assert.Equal(400, f.LastResponse.StatusCode);

        // CSeq method differs from the request method.
        f.Send(RawPeer.Request("BYE", f.AliceUri, "c1@peer", 13, toTag: tag).Replace("CSeq: 13 BYE", "CSeq: 13 OPTIONS", StringComparison.Ordinal));
        Assert.Equal(400, f.LastResponse.StatusCode);

        // Unsupported extension required in the dialog.
        f.Send(RawPeer.Request("BYE", f.AliceUri, "c1@peer", 14, toTag: tag, extraHeaders: "Require: 100rel\r\n"));
        Assert.Equal(420, f.LastResponse.StatusCode);

        Assert.Equal(SipCallState.Connected, call.State);
        f.Send(RawPeer.Request("BYE", f.AliceUri, "c1@peer", 15, toTag: tag));
        Assert.Equal(200, f.LastResponse.StatusCode);
        Assert.Equal(SipCallState.Ended, call.State);
    }

    [Fact]
    public async Task Bye_OnEarlyDialog_200AndTheInviteGets487()
    {
        var f = new RawPeerFixture();
        f.Alice.OnCall = c => c.Ring();
        f.Send(RawPeer.Request("INVITE", f.AliceUri, "e@peer", 1, extraHeaders: "Contact: <sip:peer@127.0.0.1:5070>\r\n"));
        var tag = f.LastResponse.To!.Tag!;

        f.Send(RawPeer.Request("BYE", f.AliceUri, "e@peer", 2, toTag: tag));

        Assert.Single(f.Peer.Recorder.Responses(487));
        Assert.Equal(200, f.LastResponse.StatusCode);
        Assert.Equal(SipCallEndReason.RemoteHangUp, (await f.Alice.IncomingCalls[0].Ended).Reason);
    }

    [Fact]
    public async Task Invite_HandlerThrows_500AndCallEnds()
    {
        var f = new RawPeerFixture();
        f.Alice.OnCall = _ => throw new InvalidOperationException("telephony layer broke");

        f.Send(RawPeer.Request("INVITE", f.AliceUri, "x@peer", 1, extraHeaders: "Contact: <sip:peer@127.0.0.1:5070>\r\n"));

        Assert.Equal(500, f.LastResponse.StatusCode);
        Assert.Equal(new SipCallEnd(SipCallEndReason.Rejected, 500), await f.Alice.IncomingCalls[0].Ended);
    }

    [Fact]
    public void ReInvite_OnEarlyDialog_500WithRetryAfter()
    {
        var f = new RawPeerFixture();
        f.Alice.OnCall = c => c.Ring();
        f.Send(RawPeer.Request("INVITE", f.AliceUri, "r@peer", 1, extraHeaders: "Contact: <sip:peer@127.0.0.1:5070>\r\n"));
        var tag = f.LastResponse.To!.Tag!;

        f.Send(RawPeer.Request("INVITE", f.AliceUri, "r@peer", 2, toTag: tag, extraHeaders: "Contact: <sip:peer@127.0.0.1:5070>\r\n"));

        Assert.Equal(500, f.LastResponse.StatusCode);
        Assert.Single(f.LastResponse.GetValues("Retry-After"));
    }

    [Fact]
    public void Invite_WithoutContact_400()
    {
        var f = new RawPeerFixture();
        f.Alice.OnCall = c => c.Accept(Sdp.Answer);

        f.Send(RawPeer.Request("INVITE", f.AliceUri, "nc@peer", 1));

        Assert.Equal(400, f.LastResponse.StatusCode);
        Assert.Empty(f.Alice.IncomingCalls);
    }

    [Fact]
    public void Invite_NoHandlerAnswerYet_100TryingThenHandlerRings()
    {
        var f = new RawPeerFixture();

        f.Send(RawPeer.Request("INVITE", f.AliceUri, "t@peer", 1, extraHeaders: "Contact: <sip:peer@127.0.0.1:5070>\r\n"));
        f.Time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(100, f.LastResponse.StatusCode);

        Assert.True(f.Alice.IncomingCalls[0].Ring(183));
        Assert.Equal(183, f.LastResponse.StatusCode);
        Assert.NotNull(f.LastResponse.Contact);
    }

    [Fact]
    public void RecordRoute_CopiedInto200_AndBYEFollowsTheRouteSetInOrder()
    {
        var f = new RawPeerFixture();
        var routes = "Record-Route: <sip:127.0.0.1:5070;lr>\r\nRecord-Route: <sip:127.0.0.9;lr>\r\n";
        var (call, _) = f.PeerCallsAndAliceAccepts(extraHeaders: routes);

        var ok = f.Peer.Recorder.Responses(200).Last();
        Assert.Equal(2, ok.RecordRoute.Count);
        Assert.Equal(["<sip:127.0.0.1:5070;lr>", "<sip:127.0.0.9;lr>"], call.Dialog!.RouteSet.Select(r => r.ToString()));

        _ = call.HangUpAsync();

        // The BYE went to the first route (the peer at 5070), with the remote target as Request-URI.
        var bye = Assert.Single(f.Requests("BYE"));
        Assert.Equal("sip:peer@127.0.0.1:5070", bye.RequestUriText.ToString());
        Assert.Equal(["<sip:127.0.0.1:5070;lr>", "<sip:127.0.0.9;lr>"], bye.Route.Select(r => r.ToString()));
    }
}
