using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Tests.Transactions;

public class ClientInviteTransactionTests
{
    [Fact]
    public void SendRequest_UdpNoAnswer_RetransmitsWithDoublingIntervalsUntilTimerB()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("INVITE"), h.PeerEndPoint, h.User);

        Assert.IsType<ClientInviteTransaction>(tx);
        Assert.Single(h.Peer.Messages);
        h.Advance(499);
        Assert.Single(h.Peer.Messages);
        h.Advance(1);
        Assert.Equal(2, h.Peer.Messages.Count);
        h.AdvanceStepwise(31_490);
        Assert.Empty(h.User.Responses);

        var start = h.Peer.Times[0];
        var offsets = h.Peer.Times.Select(t => (int)(t - start).TotalMilliseconds).ToArray();
        Assert.Equal(new[] { 0, 500, 1500, 3500, 7500, 15500, 31500 }, offsets);

        h.Advance(10);
        var timeout = Assert.Single(h.User.Responses);
        Assert.Equal(408, timeout.StatusCode);
        Assert.Equal(SipTransactionFailure.Timeout, tx.Failure);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void SendRequest_ReliableTransport_NoRetransmissionAndTimerBStillFires()
    {
        var h = new TransactionHarness(SipTransportKind.Tcp);
        var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("INVITE"), h.PeerEndPoint, h.User);

        h.AdvanceStepwise(31_990);
        Assert.Single(h.Peer.Messages);
        Assert.Empty(h.User.Responses);
        h.Advance(10);
        Assert.Equal(408, Assert.Single(h.User.Responses).StatusCode);
        Assert.Equal(SipTransactionFailure.Timeout, tx.Failure);
    }

    [Fact]
    public void ReceiveResponse_Provisional_StopsRetransmissionsAndTimerB()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("INVITE"), h.PeerEndPoint, h.User);
        var invite = (SipRequest)h.Peer.Messages[0];

        h.PeerSends(TransactionHarness.ResponseTo(invite, 180));
        h.AdvanceStepwise(40_000);

        Assert.Single(h.Peer.Messages);
        Assert.Equal(180, Assert.Single(h.User.Responses).StatusCode);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
    }

    [Fact]
    public void ReceiveResponse_NonSuccessFinal_SendsAckAndAbsorbsRetransmissionsUntilTimerD()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("INVITE"), h.PeerEndPoint, h.User);
        var invite = (SipRequest)h.Peer.Messages[0];
        var busy = TransactionHarness.ResponseTo(invite, 486);

        h.PeerSends(busy);
        h.PeerSends(busy);

        Assert.Equal(486, Assert.Single(h.User.Responses).StatusCode);
        var acks = h.Peer.Requests("ACK");
        Assert.Equal(2, acks.Count);
        Assert.Equal(invite.Via[0].Branch, acks[0].Via[0].Branch);
        Assert.Equal("peer-to", acks[0].To!.Tag);
        Assert.Equal("1 ACK", acks[0].CSeq!.Number + " " + acks[0].CSeq!.Method);
        Assert.Equal(SipTransactionState.Completed, tx.State);

        h.AdvanceStepwise(31_990);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Advance(10);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void ReceiveResponse_Success_AcceptedPassesRetransmissionsToTuUntilTimerM()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("INVITE"), h.PeerEndPoint, h.User);
        var invite = (SipRequest)h.Peer.Messages[0];
        var ok = TransactionHarness.ResponseTo(invite, 200);

        h.PeerSends(ok);
        h.PeerSends(ok);

        Assert.Equal(SipTransactionState.Accepted, tx.State);
        Assert.Equal(2, h.User.Responses.Count);
        Assert.Empty(h.Peer.Requests("ACK"));

        h.AdvanceStepwise(32_000);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        h.PeerSends(ok);
        Assert.Equal(2, h.User.Responses.Count);
    }

    [Fact]
    public void CreateCancel_AfterProvisional_MatchesOwnTransaction()
    {
        var h = new TransactionHarness();
        var tx = (ClientInviteTransaction)h.Layer.SendRequest(TransactionHarness.OutgoingRequest("INVITE"), h.PeerEndPoint, h.User);
        var invite = (SipRequest)h.Peer.Messages[0];
        h.PeerSends(TransactionHarness.ResponseTo(invite, 180));

        var cancel = tx.CreateCancel();
        var cancelTx = h.Layer.SendRequest(cancel, h.PeerEndPoint, h.User);
        var sentCancel = Assert.Single(h.Peer.Requests("CANCEL"));
        h.PeerSends(TransactionHarness.ResponseTo(sentCancel, 200));

        Assert.Equal(invite.Via[0].Branch, sentCancel.Via[0].Branch);
        Assert.Equal(SipTransactionState.Completed, cancelTx.State);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        Assert.Equal(new[] { 180, 200 }, h.User.Responses.Select(r => r.StatusCode));
    }
}
