namespace Gateway.SmartCard;

/// <summary>Result of a VERIFY or tries-left query.</summary>
/// <param name="Status">Verified, not verified or blocked.</param>
/// <param name="TriesLeft">Tries left (0 when blocked; the limit when verified).</param>
public sealed record PinState(PinStatus Status, int TriesLeft);
