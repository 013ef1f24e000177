namespace Gateway.Telephony.DialPlans;

/// <summary>How a string of keys stands against a digit map.</summary>
public enum DigitMapMatch
{
    /// <summary>No alternative matches the keys or any extension of them: the attempt cannot succeed.</summary>
    NoMatch,

    /// <summary>The keys are a proper prefix of something the map matches: wait for more keys (long timer).</summary>
    Partial,

    /// <summary>The keys match, but only alternatives that could take more keys: dial when the short timer runs out.</summary>
    CompleteButMayExtend,

    /// <summary>An alternative matches the keys and can take no more: dial at once.</summary>
    Complete,
}
