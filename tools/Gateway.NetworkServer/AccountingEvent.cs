namespace Gateway.NetworkServer;

/// <summary>One transaction from the <c>acc</c> table (the INVITE's answer, or a BYE), or one <c>missed_calls</c> row.</summary>
/// <param name="Method">INVITE or BYE.</param>
/// <param name="CallId">SIP Call-ID.</param>
/// <param name="SipCode">Final response code, e.g. "200".</param>
/// <param name="Caller">From user.</param>
/// <param name="Callee">To user as dialled.</param>
/// <param name="SourceIp">Address the request came from.</param>
/// <param name="BilledUser">The authenticated subscriber who pays.</param>
/// <param name="DeviceId">The gateway box, or empty.</param>
/// <param name="SurchargeCents">That box's surcharge for the call.</param>
/// <param name="Time">When the transaction completed.</param>
/// <param name="SipReason">The final response's reason phrase, e.g. "Busy Here".</param>
public sealed record AccountingEvent(
    string Method,
    string CallId,
    string SipCode,
    string Caller,
    string Callee,
    string SourceIp,
    string BilledUser,
    string DeviceId,
    int SurchargeCents,
    DateTimeOffset Time,
    string SipReason = "");
