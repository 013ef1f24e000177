namespace Gateway.Sip.UserAgent;

/// <summary>The states of a call.</summary>
public enum SipCallState
{
    /// <summary>INVITE sent or received, no provisional with a dialog yet.</summary>
    Calling = 0,

    /// <summary>Early dialog: the callee is alerting (180/183).</summary>
    Ringing,

    /// <summary>A 2xx was sent or received: the dialog is confirmed.</summary>
    Connected,

    /// <summary>Over; see <see cref="SipCall.Ended"/>.</summary>
    Ended,
}
