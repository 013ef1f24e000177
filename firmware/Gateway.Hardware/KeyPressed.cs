namespace Gateway.Hardware;

/// <summary>A key of the keypad was pressed (reported once per press, on key-down).</summary>
/// <param name="Timestamp">When the press was recognised.</param>
/// <param name="Key">One of 0-9, *, #, A-D.</param>
public sealed record KeyPressed(DateTimeOffset Timestamp, char Key) : HardwareEvent(Timestamp);
