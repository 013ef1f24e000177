namespace Gateway.NetworkServer;

/// <summary>One answered call from <c>acc_cdrs</c> (dialog-based, written at BYE).</summary>
/// <param name="CallId">SIP Call-ID.</param>
/// <param name="Caller">From user of the INVITE.</param>
/// <param name="Callee">To user of the INVITE as dialled (before follow-me lookup).</param>
/// <param name="BilledUser">The authenticated subscriber who pays.</param>
/// <param name="DeviceId">The gateway box the call came from, or empty.</param>
/// <param name="SurchargeCents">That box's surcharge for the call.</param>
/// <param name="Start">When the call was answered.</param>
/// <param name="Duration">Answer to hang-up.</param>
public sealed record CallDetailRecord(
    string CallId,
    string Caller,
    string Callee,
    string BilledUser,
    string DeviceId,
    int SurchargeCents,
    DateTimeOffset Start,
    TimeSpan Duration);
