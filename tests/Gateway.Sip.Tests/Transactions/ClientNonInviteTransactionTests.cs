using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Tests.Transactions;

public class ClientNonInviteTransactionTests
{
    [Fact]
    public void SendRequest_UdpNoAnswer_TimerEDoublesCappedAtT2ThenTimerF()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("OPTIONS"), h.PeerEndPoint, h.User);

        h.AdvanceStepwise(31_990);
        var start = h.Peer.Times[0];
        var offsets = h.Peer.Times.Select(t => (int)(t - start).TotalMilliseconds).ToArray();
        Assert.Equal(new[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }, offsets);
        Assert.Empty(h.User.Responses);

        h.Advance(10);
        Assert.Equal(408, Assert.Single(h.User.Responses).StatusCode);
        Assert.Equal(SipTransactionFailure.Timeout, tx.Failure);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void ReceiveResponse_Provisional_RetransmitsEveryT2()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("OPTIONS"), h.PeerEndPoint, h.User);
        h.PeerSends(TransactionHarness.ResponseTo((SipRequest)h.Peer.Messages[0], 100));

        h.AdvanceStepwise(9_000);

        var start = h.Peer.Times[0];
        var offsets = h.Peer.Times.Select(t => (int)(t - start).TotalMilliseconds).ToArray();
        Assert.Equal(new[] { 0, 500, 4500, 8500 }, offsets);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
    }

    [Fact]
    public void ReceiveResponse_FinalThenRetransmission_TuSeesOnceAndTimerKTerminates()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("OPTIONS"), h.PeerEndPoint, h.User);
        var ok = TransactionHarness.ResponseTo((SipRequest)h.Peer.Messages[0], 200);

        h.PeerSends(ok);
        h.PeerSends(ok);
        Assert.Single(h.User.Responses);
        Assert.Equal(SipTransactionState.Completed, tx.State);

        h.AdvanceStepwise(4_990);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        Assert.Single(h.Peer.Messages);
        h.Advance(10);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void TimerK_StaggeredTransactions_EachTerminatesT4AfterItsOwnFinalResponse()
    {
        var h = new TransactionHarness();
        var transactions = new List<ClientTransaction>();
        for (var i = 0; i < 5; i++)
        {
            var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("OPTIONS", $"z9hG4bKstagger{i}"), h.PeerEndPoint, h.User);
            h.PeerSends(TransactionHarness.ResponseTo((SipRequest)h.Peer.Messages[^1], 200));
            transactions.Add(tx);
            h.AdvanceStepwise(1_000);
        }

        // The first final response came 5 s ago.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SipTransactionState.Terminated, transactions[i].State);
            Assert.Equal(4 - i, h.Layer.ClientTransactionCount);
            if (i < 4)
            {
                Assert.Equal(SipTransactionState.Completed, transactions[i + 1].State);
                h.AdvanceStepwise(990);
                Assert.Equal(SipTransactionState.Completed, transactions[i + 1].State);
                h.Advance(10);
            }
        }
    }

    [Fact]
    public void TimerK_LayerDisposedWhileWaiting_NothingFiresAfterwards()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("OPTIONS"), h.PeerEndPoint, h.User);
        h.PeerSends(TransactionHarness.ResponseTo((SipRequest)h.Peer.Messages[0], 200));

        h.Layer.Dispose();
        h.AdvanceStepwise(6_000);

        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
        Assert.Single(h.User.Responses);
    }

    [Fact]
    public void ReceiveResponse_Final_TuReleasedWhileTimerKStillAbsorbs()
    {
        // Under load thousands of transactions wait in timer K; holding their TUs (and what those hold) that long
        // pushed every registration exchange out of the young generation.
        var h = new TransactionHarness();
        var tu = new WeakReference(null);
        var tx = SendWithShortLivedUser(h, tu);
        h.PeerSends(TransactionHarness.ResponseTo((SipRequest)h.Peer.Messages[0], 200));

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(SipTransactionState.Completed, tx.State);
        Assert.False(tu.IsAlive);
    }

    [Fact]
    public void ReceiveResponse_FinalOnReliableTransport_TerminatesAtOnce()
    {
        var h = new TransactionHarness(SipTransportKind.Tcp);
        var tx = h.Layer.SendRequest(TransactionHarness.OutgoingRequest("OPTIONS"), h.PeerEndPoint, h.User);

        h.PeerSends(TransactionHarness.ResponseTo((SipRequest)h.Peer.Messages[0], 200));

        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void SendRequest_Ack_Throws()
    {
        var h = new TransactionHarness();

        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(TransactionHarness.OutgoingRequest("ACK"), h.PeerEndPoint, h.User));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ClientTransaction SendWithShortLivedUser(TransactionHarness h, WeakReference tu)
    {
        var user = new RecordingUser();
        tu.Target = user;
        return h.Layer.SendRequest(TransactionHarness.OutgoingRequest("OPTIONS"), h.PeerEndPoint, user);
    }
}
