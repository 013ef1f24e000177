using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Benchmarks.Registration;

/// <summary>The TU of a stack that only registers: requests are refused with 480.</summary>
internal sealed class RefusingTransactionUser : ISipTransactionUser
{
    public void OnRequest(ServerTransaction transaction) => transaction.Respond(480);

    public void OnAck(SipRequest ack, in SipInboundContext context)
    {
    }

    public void OnAckTimeout(ServerInviteTransaction transaction)
    {
    }
}
