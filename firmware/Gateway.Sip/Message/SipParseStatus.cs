namespace Gateway.Sip.Message;

/// <summary>Outcome of an incremental parse attempt.</summary>
public enum SipParseStatus
{
    /// <summary>A whole message (or header section) was parsed and consumed.</summary>
    Complete = 0,

    /// <summary>The input ends before the message does; nothing was consumed.</summary>
    NeedMoreData,

    /// <summary>The input is not a valid SIP message; see the accompanying error.</summary>
    Invalid,
}
