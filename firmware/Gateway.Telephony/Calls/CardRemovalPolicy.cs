namespace Gateway.Telephony.Calls;

/// <summary>What happens to a call in progress when its user's card is removed.</summary>
public enum CardRemovalPolicy
{
    /// <summary>The call goes on until on-hook; no new call for that user is accepted meanwhile.</summary>
    KeepUntilHangup = 0,

    /// <summary>The call ends at once.</summary>
    EndCall,
}
