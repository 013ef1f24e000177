namespace Gateway.Sip.Transactions;

/// <summary>Why a client transaction ended without a real final response.</summary>
public enum SipTransactionFailure
{
    /// <summary>No failure.</summary>
    None = 0,

    /// <summary>Timer B or F fired; the TU receives a locally generated 408 (RFC 3261 §8.1.3.1).</summary>
    Timeout,

    /// <summary>The transport could not send; the TU receives a locally generated 503 (RFC 3261 §8.1.3.1).</summary>
    TransportError,
}
