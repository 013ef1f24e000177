namespace Gateway.SmartCard;

/// <summary>The reasons a <see cref="CardSessionFactory"/> refuses a card (docs/card-profile.md §10).</summary>
public static class CardRejectionReasons
{
    /// <summary>No follow-me applet and no storage file: some other card.</summary>
    public const string NotSupported = "not-supported";

    /// <summary>The record does not decode or is inconsistent.</summary>
    public const string CorruptProfile = "corrupt-profile";

    /// <summary>Prefix of <c>missing-field:name</c>.</summary>
    public const string MissingFieldPrefix = "missing-field:";

    /// <summary>Prefix of <c>invalid-field:name</c>.</summary>
    public const string InvalidFieldPrefix = "invalid-field:";

    /// <summary>The card's expiry date has passed.</summary>
    public const string Expired = "expired";

    /// <summary>The PIN is blocked.</summary>
    public const string PinBlocked = "pin-blocked";

    /// <summary>The PIN was wrong; tries left are in the result.</summary>
    public const string PinWrong = "pin-wrong";

    /// <summary>The keypad returned no PIN (user cancelled or timed out).</summary>
    public const string PinCancelled = "pin-cancelled";

    /// <summary>A storage card, and operator policy refuses them.</summary>
    public const string StorageCardRefused = "storage-card-refused";

    /// <summary>The card was removed during the session setup.</summary>
    public const string Removed = "removed";

    /// <summary>The card answered outside the protocol (unexpected status word, malformed FCI).</summary>
    public const string CardError = "card-error";
}
