namespace Gateway.Hardware;

/// <summary>A rotary (loop-disconnect) digit, decoded from a train of hook breaks.</summary>
/// <param name="Timestamp">When the digit was complete (after the inter-digit gap).</param>
/// <param name="Digit">'1'..'9', or '0' for ten pulses.</param>
public sealed record PulseDigitDialed(DateTimeOffset Timestamp, char Digit) : HardwareEvent(Timestamp);
