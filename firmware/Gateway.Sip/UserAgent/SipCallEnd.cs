namespace Gateway.Sip.UserAgent;

/// <summary>How a call ended.</summary>
/// <param name="Reason">Why.</param>
/// <param name="StatusCode">The final status of the INVITE when it failed or was rejected; 0 otherwise.</param>
public sealed record SipCallEnd(SipCallEndReason Reason, int StatusCode = 0);
