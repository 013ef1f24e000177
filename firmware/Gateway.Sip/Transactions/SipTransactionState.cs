namespace Gateway.Sip.Transactions;

/// <summary>Transaction states of RFC 3261 §17 with RFC 6026's Accepted state.</summary>
public enum SipTransactionState
{
    /// <summary>Client INVITE: request sent, nothing heard.</summary>
    Calling = 0,

    /// <summary>Non-INVITE: request sent (client) or received (server), no response yet.</summary>
    Trying,

    /// <summary>A provisional response was received (client) or sent (server).</summary>
    Proceeding,

    /// <summary>RFC 6026: a 2xx to an INVITE was received or sent; 2xx retransmissions and the ACK pass through.</summary>
    Accepted,

    /// <summary>A final response was received or sent; retransmissions are absorbed.</summary>
    Completed,

    /// <summary>Server INVITE: the ACK for a non-2xx final arrived.</summary>
    Confirmed,

    /// <summary>Done; the transaction is no longer matched.</summary>
    Terminated,
}
