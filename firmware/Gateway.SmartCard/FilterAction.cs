namespace Gateway.SmartCard;

/// <summary>What the follow-me service does with a call that matches a filter rule (profile tag DF26).</summary>
public enum FilterAction
{
    /// <summary>Ring the station where the card is inserted.</summary>
    Ring = 0,

    /// <summary>Reject the call (603 Decline).</summary>
    Reject = 1,

    /// <summary>Forward to the rule's number.</summary>
    Forward = 2,

    /// <summary>Send to voicemail.</summary>
    Voicemail = 3,

    /// <summary>Reject the call as busy (486 Busy Here): the caller hears busy rather than a refusal.</summary>
    RejectBusy = 4,
}
