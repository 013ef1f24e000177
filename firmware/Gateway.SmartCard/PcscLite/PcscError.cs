namespace Gateway.SmartCard.PcscLite;

/// <summary>PC/SC return codes the gateway reacts to (compare with the low 32 bits of the native LONG).</summary>
public static class PcscError
{
#pragma warning disable CS1591 // Names are the PC/SC names; see pcsclite.h.
    public const uint Success = 0x00000000;
    public const uint Cancelled = 0x80100002;
    public const uint InvalidHandle = 0x80100003;
    public const uint InsufficientBuffer = 0x80100008;
    public const uint UnknownReader = 0x80100009;
    public const uint Timeout = 0x8010000A;
    public const uint SharingViolation = 0x8010000B;
    public const uint NoSmartcard = 0x8010000C;
    public const uint NotTransacted = 0x80100016;
    public const uint ReaderUnavailable = 0x80100017;
    public const uint NoService = 0x8010001D;
    public const uint ServiceStopped = 0x8010001E;
    public const uint NoReadersAvailable = 0x8010002E;
    public const uint CommDataLost = 0x8010002F;
    public const uint UnresponsiveCard = 0x80100066;
    public const uint UnpoweredCard = 0x80100067;
    public const uint ResetCard = 0x80100068;
    public const uint RemovedCard = 0x80100069;
#pragma warning restore CS1591

    /// <summary>True for the codes that mean pcscd itself is gone (re-establish the context).</summary>
    /// <param name="code">The return code.</param>
    /// <returns>Whether the service is lost.</returns>
    public static bool IsServiceLost(uint code) => code is NoService or ServiceStopped or InvalidHandle;

    /// <summary>True for the codes that mean the card is no longer usable in this connection.</summary>
    /// <param name="code">The return code.</param>
    /// <returns>Whether the card is gone.</returns>
    public static bool IsCardGone(uint code) => code is RemovedCard or NoSmartcard or ReaderUnavailable or ResetCard or UnpoweredCard || IsServiceLost(code);

    /// <summary>
    /// True for the codes a card still in the reader can give for a moment and then not again: a card still being
    /// powered up (a card met milliseconds after insertion, measured with vpcd), another process holding or resetting
    /// it, or a garbled exchange.
    /// </summary>
    /// <param name="code">The return code.</param>
    /// <returns>Whether a fresh connection may succeed.</returns>
    public static bool IsTransient(uint code) => code is NotTransacted or SharingViolation or CommDataLost or ResetCard or UnpoweredCard or UnresponsiveCard;
}
