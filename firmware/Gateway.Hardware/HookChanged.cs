namespace Gateway.Hardware;

/// <summary>The handset was lifted (<paramref name="OffHook"/> true) or hung up (false).</summary>
/// <param name="Timestamp">When the change was recognised.</param>
/// <param name="OffHook">True when the handset is now off-hook.</param>
public sealed record HookChanged(DateTimeOffset Timestamp, bool OffHook) : HardwareEvent(Timestamp);
