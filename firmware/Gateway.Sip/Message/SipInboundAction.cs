namespace Gateway.Sip.Message;

/// <summary>What a UA does with an inbound datagram.</summary>
public enum SipInboundAction
{
    /// <summary>Hand the message to the transaction layer.</summary>
    Accept = 0,

    /// <summary>Answer the request with the given status and do not process it further.</summary>
    Respond,

    /// <summary>Silently discard (bad responses, or input too broken to answer).</summary>
    Drop,
}
