using Gateway.Sip.Transactions;

namespace Gateway.Sip.Tests.Transactions;

public class SipTransactionLayerTests
{
    [Fact]
    public void OnMessage_CancelWithInviteBranch_OwnTransactionWithCancelTarget()
    {
        var h = new TransactionHarness();
        h.PeerSends(TransactionHarness.Request("INVITE", "z9hG4bKc1"));
        h.PeerSends(TransactionHarness.Request("CANCEL", "z9hG4bKc1"));

        Assert.Equal(2, h.User.Requests.Count);
        var invite = Assert.IsType<ServerInviteTransaction>(h.User.Requests[0]);
        var cancel = Assert.IsType<ServerNonInviteTransaction>(h.User.Requests[1]);
        Assert.Same(invite, cancel.CancelTarget);
        Assert.Equal(2, h.Layer.ServerTransactionCount);

        cancel.Respond(200);
        invite.Respond(487);
        Assert.Single(h.Peer.Responses(200));
        Assert.Single(h.Peer.Responses(487));
    }

    [Fact]
    public void Dispose_LiveTransactions_TerminatedAndTimersSilent()
    {
        var h = new TransactionHarness();
        h.PeerSends(TransactionHarness.Request("INVITE", "z9hG4bKdisp"));
        var client = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("OPTIONS"), h.PeerEndPoint, h.User);
        var sent = h.Peer.Messages.Count;

        h.Layer.Dispose();
        h.AdvanceStepwise(40_000);

        Assert.Equal(SipTransactionState.Terminated, client.State);
        Assert.Equal(SipTransactionState.Terminated, h.User.Requests[0].State);
        Assert.Equal(sent, h.Peer.Messages.Count);
        Assert.Empty(h.User.Responses);
        Assert.Equal(0, h.Layer.ClientTransactionCount + h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void OnMessage_CancelMatchingNoInvite_Answered481()
    {
        var h = new TransactionHarness();
        h.PeerSends(TransactionHarness.Request("CANCEL", "z9hG4bKlost"));

        Assert.Empty(h.User.Requests);
        Assert.Single(h.Peer.Responses(481));
    }

    [Fact]
    public void OnMessage_Rfc2543RequestWithoutBranch_RetransmissionAndAckMatched()
    {
        var h = new TransactionHarness { User = { Answer = tx => tx.Respond(486) } };
        const string via = "SIP/2.0/UDP 127.0.0.1:5070";
        var invite = TransactionHarness.Request("INVITE", string.Empty, via: via);

        h.PeerSends(invite);
        h.PeerSends(invite);
        var tx = h.User.Requests[0];
        h.PeerSends(TransactionHarness.Request("ACK", string.Empty, via: via, toTag: tx.ToTag));
        h.AdvanceStepwise(5_000);

        Assert.Single(h.User.Requests);
        Assert.Equal(2, h.Peer.Responses(486).Count);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Empty(h.User.Acks);
    }

    [Fact]
    public void OnMessage_Rfc2543DifferentCallIds_SeparateTransactions()
    {
        var h = new TransactionHarness();
        const string via = "SIP/2.0/UDP 127.0.0.1:5070";

        h.PeerSends(TransactionHarness.Request("OPTIONS", string.Empty, via: via, callId: "a@peer"));
        h.PeerSends(TransactionHarness.Request("OPTIONS", string.Empty, via: via, callId: "b@peer"));

        Assert.Equal(2, h.User.Requests.Count);
    }

    [Fact]
    public void OnMessage_SameBranchDifferentSentBy_SeparateTransactions()
    {
        var h = new TransactionHarness();

        h.PeerSends(TransactionHarness.Request("OPTIONS", "z9hG4bKsame", via: "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKsame;rport"));
        h.PeerSends(TransactionHarness.Request("OPTIONS", "z9hG4bKsame", via: "SIP/2.0/UDP 127.0.0.2:5070;branch=z9hG4bKsame;rport"));

        Assert.Equal(2, h.User.Requests.Count);
    }

    [Fact]
    public void OnMessage_RetransmittedNonInvite_ResendsProvisionalThenFinal()
    {
        var h = new TransactionHarness();
        var options = TransactionHarness.Request("OPTIONS", "z9hG4bKopt");
        h.PeerSends(options);
        var tx = h.User.Requests[0];

        h.PeerSends(options);
        Assert.Empty(h.Peer.Messages);
        tx.Respond(100);
        h.PeerSends(options);
        Assert.Equal(2, h.Peer.Responses(100).Count);
        tx.Respond(200);
        h.PeerSends(options);
        Assert.Equal(2, h.Peer.Responses(200).Count);
        Assert.Single(h.User.Requests);

        h.AdvanceStepwise(32_000);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void OnMessage_StrayResponses_DroppedAndLoggedOncePerPeerPerMinute()
    {
        var h = new TransactionHarness();
        var stray = TransactionHarness.ResponseTo(TransactionHarness.OutgoingRequest("OPTIONS", "z9hG4bKnobody"), 200);

        h.PeerSends(stray);
        h.PeerSends(stray);
        h.PeerSends(stray);
        Assert.Single(h.Logger.Lines, l => l.Contains("stray", StringComparison.Ordinal));

        h.Advance(61_000);
        h.PeerSends(stray);
        Assert.Equal(2, h.Logger.Lines.Count(l => l.Contains("stray", StringComparison.Ordinal)));
        Assert.Empty(h.User.Responses);
        Assert.Empty(h.Peer.Messages);
    }

    [Fact]
    public void OnMessage_MalformedCSeq_Answered400WithReason()
    {
        var h = new TransactionHarness();
        var bad = TransactionHarness.Request("OPTIONS", "z9hG4bKbad").Replace("CSeq: 1 OPTIONS", "CSeq: x OPTIONS", StringComparison.Ordinal);

        h.PeerSends(bad);

        var response = Assert.Single(h.Peer.Responses(400));
        Assert.StartsWith("Bad Request (", response.ReasonPhrase.ToString(), StringComparison.Ordinal);
        Assert.Equal("z9hG4bKbad", response.Via[0].Branch);
        Assert.NotNull(response.To!.Tag);
        Assert.Empty(h.User.Requests);
    }

    [Fact]
    public void OnInvalidMessage_UnframeableRequest_Answered400()
    {
        var h = new TransactionHarness();
        var bad = TransactionHarness.Request("OPTIONS", "z9hG4bKbad2").Replace("Content-Length: 0", "Content-Length: 500", StringComparison.Ordinal);

        h.PeerSends(bad);

        var response = Assert.Single(h.Peer.Responses(400));
        Assert.Contains("Content-Length", response.ReasonPhrase.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnMessage_MalformedResponse_DroppedSilently()
    {
        var h = new TransactionHarness();
        h.Layer.SendRequest(TransactionHarness.OutgoingRequest("OPTIONS"), h.PeerEndPoint, h.User);
        var ok = TransactionHarness.ResponseTo((Gateway.Sip.Message.SipRequest)h.Peer.Messages[0], 200)
            .Replace("Call-ID: out-1@gw\r\n", string.Empty, StringComparison.Ordinal);

        h.PeerSends(ok);

        Assert.Empty(h.User.Responses);
        Assert.Single(h.Peer.Messages);
    }

    [Fact]
    public void OnMessage_UnsupportedRequire_RejectedThroughTransaction()
    {
        var h = new TransactionHarness();
        var invite = TransactionHarness.Request("INVITE", "z9hG4bKreq").Replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nRequire: foo\r\n", StringComparison.Ordinal);

        h.PeerSends(invite);
        h.PeerSends(invite);

        Assert.Empty(h.User.Requests);
        Assert.Equal(2, h.Peer.Responses(420).Count);
    }

    [Fact]
    public void OnMessage_RportRequest_ResponseGoesToSourcePort()
    {
        var h = new TransactionHarness { User = { Answer = tx => tx.Respond(200) } };

        h.PeerSends(TransactionHarness.Request("OPTIONS", "z9hG4bKnat", via: "SIP/2.0/UDP 10.0.0.9:9999;branch=z9hG4bKnat;rport"));

        var via = h.User.Requests[0].Request.Via[0];
        Assert.Equal("127.0.0.1", via.Received);
        Assert.Equal(5070, via.RPort);
        var response = Assert.Single(h.Peer.Responses(200));
        Assert.Equal("127.0.0.1", response.Via[0].Received);
    }

    [Fact]
    public void OnMessage_NoRport_ResponseGoesToSentByPort()
    {
        var h = new TransactionHarness { User = { Answer = tx => tx.Respond(200) } };

        h.PeerSends(TransactionHarness.Request("OPTIONS", "z9hG4bKnorport", via: "SIP/2.0/UDP 127.0.0.1:9999;branch=z9hG4bKnorport"));

        Assert.Empty(h.Peer.Messages);
        var packets = h.Network.Packets;
        var sent = packets[^1];
        Assert.Equal(9999, sent.To.Port);
        Assert.StartsWith("SIP/2.0 200", sent.Text, StringComparison.Ordinal);
    }
}
