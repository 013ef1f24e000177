using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Tests.Transactions;

public class ServerInviteTransactionTests
{
    private const string Branch = "z9hG4bKinvite1";

    [Fact]
    public void OnMessage_TuSilent_Sends100TryingAfter200Ms()
    {
        var h = new TransactionHarness();
        h.PeerSends(TransactionHarness.Request("INVITE", Branch));

        Assert.Single(h.User.Requests);
        h.Advance(199);
        Assert.Empty(h.Peer.Messages);
        h.Advance(1);
        var trying = Assert.Single(h.Peer.Responses(100));
        Assert.Null(trying.To!.Tag);
    }

    [Fact]
    public void OnMessage_RetransmittedInviteBeforeAnswer_AbsorbedAnd100Sent()
    {
        var h = new TransactionHarness();
        var invite = TransactionHarness.Request("INVITE", Branch);

        h.PeerSends(invite);
        h.PeerSends(invite);

        Assert.Single(h.User.Requests);
        Assert.Single(h.Peer.Responses(100));
        h.Advance(500);
        Assert.Single(h.Peer.Messages);
    }

    [Fact]
    public void OnMessage_RetransmittedInviteAfterRinging_LastProvisionalResent()
    {
        var h = new TransactionHarness { User = { Answer = tx => tx.Respond(180) } };
        var invite = TransactionHarness.Request("INVITE", Branch);

        h.PeerSends(invite);
        h.PeerSends(invite);

        Assert.Single(h.User.Requests);
        var ringing = h.Peer.Responses(180);
        Assert.Equal(2, ringing.Count);
        Assert.Equal(h.User.Requests[0].ToTag, ringing[1].To!.Tag);
        Assert.Empty(h.Peer.Responses(100));
    }

    [Fact]
    public void SendResponse_NonSuccessFinal_TimerGUntilAckThenTimerI()
    {
        var h = new TransactionHarness { User = { Answer = tx => tx.Respond(486) } };
        h.PeerSends(TransactionHarness.Request("INVITE", Branch));
        var tx = (ServerInviteTransaction)h.User.Requests[0];

        h.AdvanceStepwise(1_600);
        Assert.Equal(3, h.Peer.Responses(486).Count);
        h.PeerSends(TransactionHarness.Request("ACK", Branch, toTag: tx.ToTag));
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Assert.True(tx.IsAcknowledged);
        Assert.Empty(h.User.Acks);

        h.AdvanceStepwise(4_990);
        Assert.Equal(3, h.Peer.Responses(486).Count);
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        h.Advance(10);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void SendResponse_NonSuccessFinalWithoutAck_TimerGCappedAtT2AndTimerHReportsTimeout()
    {
        var h = new TransactionHarness { User = { Answer = tx => tx.Respond(486) } };
        h.PeerSends(TransactionHarness.Request("INVITE", Branch));

        h.AdvanceStepwise(31_990);
        var start = h.Peer.Times[0];
        var offsets = h.Peer.Times.Select(t => (int)(t - start).TotalMilliseconds).ToArray();
        Assert.Equal(new[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }, offsets);
        Assert.Empty(h.User.AckTimeouts);

        h.Advance(10);
        Assert.Same(h.User.Requests[0], Assert.Single(h.User.AckTimeouts));
        Assert.Equal(0, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void SendResponse_NonSuccessFinal_RetransmittedInviteResendsFinal()
    {
        var h = new TransactionHarness { User = { Answer = tx => tx.Respond(486) } };
        var invite = TransactionHarness.Request("INVITE", Branch);

        h.PeerSends(invite);
        h.PeerSends(invite);

        Assert.Equal(2, h.Peer.Responses(486).Count);
        Assert.Single(h.User.Requests);
    }

    [Fact]
    public void SendResponse_ReliableNonSuccessFinal_NoTimerGAndAckTerminatesAtOnce()
    {
        var h = new TransactionHarness(SipTransportKind.Tcp) { User = { Answer = tx => tx.Respond(603) } };
        h.PeerSends(TransactionHarness.Request("INVITE", Branch));
        var tx = h.User.Requests[0];

        h.AdvanceStepwise(5_000);
        Assert.Single(h.Peer.Responses(603));
        h.PeerSends(TransactionHarness.Request("ACK", Branch, toTag: tx.ToTag));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void SendResponse_Success_AcceptedRetransmits2xxUntilAckThenPassesAckToTu()
    {
        var h = new TransactionHarness { User = { Answer = tx => tx.Respond(200) } };
        var invite = TransactionHarness.Request("INVITE", Branch);
        h.PeerSends(invite);
        var tx = (ServerInviteTransaction)h.User.Requests[0];

        Assert.Equal(SipTransactionState.Accepted, tx.State);
        h.AdvanceStepwise(600);
        Assert.Equal(2, h.Peer.Responses(200).Count);

        // The ACK for a 2xx is a new transaction with its own branch (§17.1.1.3).
        h.PeerSends(TransactionHarness.Request("ACK", "z9hG4bKack2xx", toTag: tx.ToTag));
        h.PeerSends(invite);
        h.AdvanceStepwise(10_000);

        Assert.Single(h.User.Acks);
        Assert.True(tx.IsAcknowledged);
        Assert.Equal(2, h.Peer.Responses(200).Count);
        Assert.Single(h.User.Requests);

        h.AdvanceStepwise(22_000);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Empty(h.User.AckTimeouts);
    }

    [Fact]
    public void SendResponse_SuccessWithoutAck_TimerLReportsAckTimeout()
    {
        var h = new TransactionHarness { User = { Answer = tx => tx.Respond(200) } };
        h.PeerSends(TransactionHarness.Request("INVITE", Branch));
        var tx = (ServerInviteTransaction)h.User.Requests[0];

        h.AdvanceStepwise(31_990);
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        Assert.Empty(h.User.AckTimeouts);
        h.Advance(10);

        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Same(tx, Assert.Single(h.User.AckTimeouts));
    }

    [Fact]
    public void SendResponse_SecondSuccessWhileAccepted_IsSent()
    {
        var h = new TransactionHarness(SipTransportKind.Tcp) { User = { Answer = tx => tx.Respond(200) } };
        h.PeerSends(TransactionHarness.Request("INVITE", Branch));
        var tx = h.User.Requests[0];

        tx.Respond(200);

        Assert.Equal(2, h.Peer.Responses(200).Count);
        Assert.Throws<InvalidOperationException>(() => tx.Respond(486));
    }
}
