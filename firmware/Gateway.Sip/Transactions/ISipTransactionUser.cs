using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Transactions;

/// <summary>The transaction user (UA core, dialogs) as the server side of the transaction layer sees it.</summary>
public interface ISipTransactionUser
{
    /// <summary>
    /// A new request that matched no transaction. A server transaction was created for it; answer
    /// through <see cref="ServerTransaction.SendResponse"/>. For CANCEL,
    /// <see cref="ServerNonInviteTransaction.CancelTarget"/> is the INVITE it cancels.
    /// </summary>
    /// <param name="transaction">The new transaction.</param>
    void OnRequest(ServerTransaction transaction);

    /// <summary>An ACK for a 2xx (RFC 6026: never absorbed). It has no transaction of its own.</summary>
    /// <param name="ack">The ACK.</param>
    /// <param name="context">Where it came from.</param>
    void OnAck(SipRequest ack, in SipInboundContext context);

    /// <summary>
    /// No ACK arrived: Timer H fired after a non-2xx final, or Timer L after a 2xx that was never
    /// acknowledged (the dialog layer should then send BYE, RFC 3261 §13.3.1.4).
    /// </summary>
    /// <param name="transaction">The INVITE server transaction.</param>
    void OnAckTimeout(ServerInviteTransaction transaction);
}
