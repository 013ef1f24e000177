namespace Gateway.Sip.UserAgent;

/// <summary>Receives new calls (out-of-dialog INVITEs); the telephony layer implements it.</summary>
public interface IIncomingCallHandler
{
    /// <summary>
    /// A new call. Answer through <see cref="SipIncomingCall.Ring"/>, <see cref="SipIncomingCall.Accept"/>
    /// or <see cref="SipIncomingCall.Reject"/>, now or later; the transaction sends 100 Trying meanwhile.
    /// </summary>
    /// <param name="incomingCall">The call.</param>
    void OnIncomingCall(SipIncomingCall incomingCall);
}
