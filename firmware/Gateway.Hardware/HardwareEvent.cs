namespace Gateway.Hardware;

/// <summary>
/// Something the telephone hardware reported. Devices publish these into an <see cref="IHardwareEventSink"/>.
/// </summary>
/// <param name="Timestamp">When the device recognised the event (its <see cref="TimeProvider"/> clock).</param>
public abstract record HardwareEvent(DateTimeOffset Timestamp);
