namespace Gateway.Hardware;

/// <summary>A short on-hook interval (a hook flash / recall) that did not end the call.</summary>
/// <param name="Timestamp">When the flash was recognised (the return to off-hook).</param>
/// <param name="Duration">How long the hook was down.</param>
public sealed record HookFlash(DateTimeOffset Timestamp, TimeSpan Duration) : HardwareEvent(Timestamp);
