using Gateway.Sip.Message;

namespace Gateway.Sip.Transactions;

/// <summary>Receives the responses of one client transaction.</summary>
public interface ISipClientTransactionUser
{
    /// <summary>
    /// A response for the transaction: provisionals, the final response, and (INVITE, RFC 6026)
    /// every 2xx retransmission or fork while in Accepted. On timeout or transport failure the
    /// response is a locally generated 408 or 503 and <see cref="ClientTransaction.Failure"/> says which.
    /// </summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="response">The response.</param>
    void OnResponse(ClientTransaction transaction, SipResponse response);
}
