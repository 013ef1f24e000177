namespace Gateway.SmartCard.PcscLite;

/// <summary>One change seen by <see cref="PcscReaderMonitor"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="ReaderName">The reader, or null for service events.</param>
/// <param name="Atr">The ATR for <see cref="ReaderEventKind.CardInserted"/>, else empty.</param>
/// <param name="Timestamp">When the monitor saw it, from <see cref="TimeProvider.GetTimestamp"/>.</param>
/// <param name="Detail">Extra text (error code for service events).</param>
public sealed record ReaderEvent(ReaderEventKind Kind, string? ReaderName, ReadOnlyMemory<byte> Atr, long Timestamp, string? Detail = null);
