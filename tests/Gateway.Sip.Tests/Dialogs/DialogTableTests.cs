using Gateway.Sip.Dialogs;
using Gateway.Sip.Message;
using Gateway.Sip.Tests.Transactions;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.Tests.Dialogs;

public class DialogTableTests
{
    [Fact]
    public void Dispatch_RoutesOnlyToTheMatchingDialog_UnknownGets481_OutOfOrderGets500()
    {
        var harness = new TransactionHarness();
        var table = new DialogTable();
        var mine = new RecordingUsage(Dialog.CreateUas(DialogTests.Invite(cseq: 5), "gw-tag", "<sip:gw@127.0.0.1>", true));
        var other = new RecordingUsage(Dialog.CreateUas(DialogTests.Invite(cseq: 5), "other-tag", "<sip:gw@127.0.0.1>", true));
        Assert.True(table.TryAdd(mine));
        Assert.True(table.TryAdd(other));
        Assert.False(table.TryAdd(mine));
        harness.User.Answer = tx => table.Dispatch(tx);

        harness.PeerSends(Request("BYE", "z9hG4bK1", "gw-tag", 6));
        harness.PeerSends(Request("BYE", "z9hG4bK2", "unknown", 7));
        harness.PeerSends(Request("BYE", "z9hG4bK3", "gw-tag", 4));

        Assert.Single(mine.Requests);
        Assert.Empty(other.Requests);
        Assert.Single(harness.Peer.Responses(481));
        Assert.Single(harness.Peer.Responses(500));
        Assert.True(table.Remove(mine));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void DispatchAck_ToItsDialogOnly()
    {
        var table = new DialogTable();
        var mine = new RecordingUsage(Dialog.CreateUas(DialogTests.Invite(), "gw-tag", "<sip:gw@127.0.0.1>", true));
        table.TryAdd(mine);

        Assert.True(table.DispatchAck(Ack("gw-tag")));
        Assert.False(table.DispatchAck(Ack("nope")));
        Assert.Single(mine.Acks);
    }

    private static string Request(string method, string branch, string toTag, int cseq) =>
        $"{method} sip:gw@127.0.0.1 SIP/2.0\r\n"
        + $"Via: SIP/2.0/UDP 127.0.0.1:5070;branch={branch}\r\n"
        + "From: <sip:alice@example.com>;tag=alice-tag\r\n"
        + $"To: <sip:bob@example.com>;tag={toTag}\r\n"
        + "Call-ID: dlg-1\r\n"
        + $"CSeq: {cseq} {method}\r\n"
        + "Content-Length: 0\r\n\r\n";

    private static SipRequest Ack(string toTag) => (SipRequest)SipMessageReader.ParseDatagram(System.Text.Encoding.UTF8.GetBytes(Request("ACK", "z9hG4bKa", toTag, 1))).Message!;

    private sealed class RecordingUsage(Dialog dialog) : IDialogUsage
    {
        public List<ServerTransaction> Requests { get; } = [];

        public List<SipRequest> Acks { get; } = [];

        public Dialog Dialog { get; } = dialog;

        public void OnInDialogRequest(ServerTransaction transaction)
        {
            Requests.Add(transaction);
            transaction.Respond(200);
        }

        public void OnInDialogAck(SipRequest ack) => Acks.Add(ack);
    }
}
