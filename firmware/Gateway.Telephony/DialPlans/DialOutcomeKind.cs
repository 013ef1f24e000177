namespace Gateway.Telephony.DialPlans;

/// <summary>How a dialling attempt ended.</summary>
public enum DialOutcomeKind
{
    /// <summary>A complete number: place the call.</summary>
    Dial,

    /// <summary>The keys match nothing in the plan: reorder tone.</summary>
    NoMatch,
}
