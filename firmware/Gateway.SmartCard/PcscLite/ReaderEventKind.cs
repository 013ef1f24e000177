namespace Gateway.SmartCard.PcscLite;

/// <summary>What a <see cref="ReaderEvent"/> reports.</summary>
public enum ReaderEventKind
{
    /// <summary>A reader appeared.</summary>
    ReaderAdded,

    /// <summary>A reader disappeared.</summary>
    ReaderRemoved,

    /// <summary>A card was inserted (ATR attached).</summary>
    CardInserted,

    /// <summary>The card was removed.</summary>
    CardRemoved,

    /// <summary>pcscd is unreachable; the monitor retries with backoff.</summary>
    ServiceLost,

    /// <summary>pcscd is reachable (first connection, or again after <see cref="ServiceLost"/>).</summary>
    ServiceAvailable,
}
