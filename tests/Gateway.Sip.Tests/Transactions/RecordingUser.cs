using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Tests.Transactions;

/// <summary>A TU that records everything and optionally answers new requests.</summary>
internal sealed class RecordingUser : ISipTransactionUser, ISipClientTransactionUser
{
    public List<ServerTransaction> Requests { get; } = [];

    public List<SipRequest> Acks { get; } = [];

    public List<ServerInviteTransaction> AckTimeouts { get; } = [];

    public List<SipResponse> Responses { get; } = [];

    public Action<ServerTransaction>? Answer { get; set; }

    public void OnRequest(ServerTransaction transaction)
    {
        Requests.Add(transaction);
        Answer?.Invoke(transaction);
    }

    public void OnAck(SipRequest ack, in SipInboundContext context) => Acks.Add(ack);

    public void OnAckTimeout(ServerInviteTransaction transaction) => AckTimeouts.Add(transaction);

    public void OnResponse(ClientTransaction transaction, SipResponse response) => Responses.Add(response);
}
