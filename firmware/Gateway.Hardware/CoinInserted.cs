namespace Gateway.Hardware;

/// <summary>A coin was accepted; the coin mechanism signals its value as a number of pulses.</summary>
/// <param name="Timestamp">When the pulse group was complete.</param>
/// <param name="Pulses">Number of pulses in the group (the coin's value in mechanism units).</param>
public sealed record CoinInserted(DateTimeOffset Timestamp, int Pulses) : HardwareEvent(Timestamp);
