namespace Gateway.SmartCard.PcscLite;

/// <summary>One session change published by <see cref="PcscCardSessionHost"/>.</summary>
/// <param name="Kind">Started, rejected or ended.</param>
/// <param name="ReaderName">The reader.</param>
/// <param name="Session">The live session for <see cref="CardSessionEventKind.Started"/>; the disposed one for Ended.</param>
/// <param name="Reason">Rejection reason (see <see cref="CardRejectionReasons"/>).</param>
/// <param name="PinTriesLeft">Tries left for PIN rejections.</param>
/// <param name="Timestamp">From <see cref="TimeProvider.GetTimestamp"/>.</param>
public sealed record CardSessionEvent(
    CardSessionEventKind Kind,
    string ReaderName,
    CardSession? Session,
    string? Reason,
    int? PinTriesLeft,
    long Timestamp);
