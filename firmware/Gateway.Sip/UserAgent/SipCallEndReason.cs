namespace Gateway.Sip.UserAgent;

/// <summary>Why a call ended.</summary>
public enum SipCallEndReason
{
    /// <summary>We sent BYE.</summary>
    LocalHangUp = 0,

    /// <summary>The peer sent BYE.</summary>
    RemoteHangUp,

    /// <summary>We cancelled before the answer.</summary>
    LocalCancel,

    /// <summary>The caller cancelled before we answered.</summary>
    RemoteCancel,

    /// <summary>The INVITE got a non-2xx final (status in <see cref="SipCallEnd.StatusCode"/>), or we rejected it.</summary>
    Rejected,

    /// <summary>We sent a 2xx and no ACK came (timer L); we sent BYE.</summary>
    AckTimeout,

    /// <summary>The request timed out or the transport failed.</summary>
    Failed,

    /// <summary>
    /// The caller's side cancelled before we answered because another branch of a forked call answered
    /// (CANCEL with <c>Reason: SIP;cause=200</c>, RFC 3326): not a missed call.
    /// </summary>
    AnsweredElsewhere,
}
