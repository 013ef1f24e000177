namespace Gateway.SmartCard;

/// <summary>The state of the card PIN after VERIFY.</summary>
public enum PinStatus
{
    /// <summary>Verified in this session (or not required).</summary>
    Verified,

    /// <summary>Not verified (wrong PIN, or not yet presented); tries remain.</summary>
    NotVerified,

    /// <summary>Blocked; no tries remain.</summary>
    Blocked,
}
