namespace Gateway.SmartCard.PcscLite;

/// <summary>What a <see cref="CardSessionEvent"/> reports.</summary>
public enum CardSessionEventKind
{
    /// <summary>A card was accepted; <see cref="CardSessionEvent.Session"/> is live until <see cref="Ended"/>.</summary>
    Started,

    /// <summary>A card was refused; see <see cref="CardSessionEvent.Reason"/>.</summary>
    Rejected,

    /// <summary>The card was removed (or pcscd lost); the session has already been disposed and wiped.</summary>
    Ended,
}
