using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.NetworkServer.IntegrationTests.Sip;

/// <summary>A TU for a stack that only registers: any request that reaches it is refused with 480.</summary>
internal sealed class NullTransactionUser : ISipTransactionUser
{
    public void OnRequest(ServerTransaction transaction) => transaction.Respond(480);

    public void OnAck(SipRequest ack, in SipInboundContext context)
    {
    }

    public void OnAckTimeout(ServerInviteTransaction transaction)
    {
    }
}
